// Package testenv holds what the tests of several packages need from the
// machine they run on: the external programs that read our PDF and DOCX
// output, the repository root, and the seed texts beside the repository.
//
// Whatever a test needs and cannot find is skipped on a developer's
// machine but fails the test in CI (CI set), where a missing program or
// seed directory is a broken setup, not a reason to pass. `go test -short`
// (make test-short) skips every test that runs an external program
// (LibreOffice, poppler, qpdf, python, pdfsig …), so that it needs nothing
// but Go and is quick on a busy machine; make test runs them all.
// LibreOffice runs go through LibreOffice, with a private profile each and
// a machine-wide limit on how many run at once. Only tests import this
// package.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// SystemPython is the interpreter the Debian package python3-docx
// installs into; the python3 first on a developer's PATH may be another
// one.
const SystemPython = "/usr/bin/python3"

// inCI reports whether the tests run in CI, which must have installed
// everything they use (.ci/run).
func inCI() bool { return os.Getenv("CI") != "" }

// missing skips the test outside CI and fails it in CI.
func missing(t testing.TB, msg string) {
	t.Helper()
	if inCI() {
		t.Fatal(msg + " (.ci/run installs it)")
	}
	t.Skip(msg)
}

// NeedTool checks that each named program is installed: a name found on
// PATH, or an absolute path to an executable. Under -short it skips the
// test whatever is installed.
func NeedTool(t testing.TB, names ...string) {
	t.Helper()
	if testing.Short() {
		t.Skipf("-short: runs %s (make test runs it)", strings.Join(names, ", "))
	}
	lookTools(t, names...)
}

// lookTools is NeedTool without -short.
func lookTools(t testing.TB, names ...string) {
	t.Helper()
	for _, name := range names {
		if _, err := exec.LookPath(name); err != nil {
			missing(t, name+" not installed")
		}
	}
}

// Run runs an installed program (see NeedTool) and returns its standard
// output. A failure fails the test with the command line and the
// program's standard error.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	NeedTool(t, name)
	return run(t, name, args...)
}

// run is Run without -short.
func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	lookTools(t, name)
	cmd := exec.Command(name, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// pythonDocx is whether SystemPython can import python-docx, asked once
// per test binary.
var pythonDocx = sync.OnceValue(func() error {
	return exec.Command(SystemPython, "-c", "import docx").Run()
})

// NeedPythonDocx checks that python-docx is installed for SystemPython
// and returns SystemPython.
func NeedPythonDocx(t testing.TB) string {
	t.Helper()
	NeedTool(t, SystemPython)
	if err := pythonDocx(); err != nil {
		missing(t, "python-docx not installed for "+SystemPython+" (Debian: python3-docx)")
	}
	return SystemPython
}

// RepoRoot is the repository's root: the nearest directory holding go.mod
// from the test's package directory up.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			t.Fatalf("no go.mod above %s", dir)
		}
	}
}

// SeedsDir is the directory of the seed texts, the two real documents the
// generator must reproduce: $UNDERLAG_SEEDS, or the nearest shared/seeds
// from the repository root up (<repo>/../shared/seeds in the project's
// layout).
func SeedsDir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("UNDERLAG_SEEDS"); d != "" {
		return d
	}
	for d := RepoRoot(t); ; d = filepath.Dir(d) {
		p := filepath.Join(d, "shared", "seeds")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	const msg = "seed texts not found: looked for shared/seeds beside and above the repository (set UNDERLAG_SEEDS to their directory)"
	if inCI() {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}
