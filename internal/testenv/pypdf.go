package testenv

import (
	"os/exec"
	"sync"
	"testing"
)

// pythonPypdf is whether SystemPython can import pypdf, asked once per
// test binary.
var pythonPypdf = sync.OnceValue(func() error {
	return exec.Command(SystemPython, "-c", "import pypdf").Run()
})

// NeedPypdf checks that pypdf, a PDF library signing and form tools are
// written with, is installed for SystemPython, and returns SystemPython.
func NeedPypdf(t testing.TB) string {
	t.Helper()
	NeedTool(t, SystemPython)
	if err := pythonPypdf(); err != nil {
		missing(t, "pypdf not installed for "+SystemPython+" (Debian: python3-pypdf)")
	}
	return SystemPython
}
