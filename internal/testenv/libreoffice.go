package testenv

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// officeHang is how long one LibreOffice run may take before it is taken
// for hung and killed: far beyond any conversion the tests ask for, even on
// a loaded machine, and short of go test's own timeout, so that a hang
// fails one test with LibreOffice's output instead of the whole binary.
const officeHang = 8 * time.Minute

// OfficeSlots is how many LibreOffice runs may go at once on this machine,
// across every test binary go test starts: $UNDERLAG_LIBREOFFICE_JOBS, or
// one for every two CPUs (at least one). A LibreOffice start-up is heavy;
// several at once on a small machine only make each slower.
func OfficeSlots() int {
	if n, err := strconv.Atoi(os.Getenv("UNDERLAG_LIBREOFFICE_JOBS")); err == nil && n > 0 {
		return n
	}
	return max(1, runtime.NumCPU()/2)
}

// LibreOffice converts files with headless LibreOffice into the format
// named by to ("pdf", "odt") in outdir, all in one run, and returns what it
// printed. The run has a profile of its own, made fresh in the test's
// temporary directory (-env:UserInstallation), so that concurrent runs
// never share one and the user's is never touched; and it waits for one
// of OfficeSlots() slots, so that at most that many run at once on the
// machine. A run that fails, or that leaves out a file, fails the test
// with LibreOffice's output. It skips as NeedTool does.
func LibreOffice(t testing.TB, to, outdir string, files ...string) string {
	t.Helper()
	NeedTool(t, "libreoffice")
	return convert(t, to, outdir, files...)
}

// convert is LibreOffice without -short.
func convert(t testing.TB, to, outdir string, files ...string) string {
	t.Helper()
	lookTools(t, "libreoffice")
	profile, err := filepath.Abs(filepath.Join(t.TempDir(), "libreoffice-profile"))
	if err != nil {
		t.Fatal(err)
	}
	release, err := officeSlot(OfficeSlots())
	if err != nil {
		t.Fatalf("libreoffice: wait for a slot: %v", err)
	}
	defer release()

	ctx, cancel := context.WithTimeout(context.Background(), officeHang)
	defer cancel()
	args := append([]string{
		"-env:UserInstallation=" + (&url.URL{Scheme: "file", Path: filepath.ToSlash(profile)}).String(),
		"--headless", "--norestore", "--convert-to", to, "--outdir", outdir,
	}, files...)
	cmd := exec.CommandContext(ctx, "libreoffice", args...)
	killGroup(cmd)
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("libreoffice %s: no result after %s, killed\n%s", strings.Join(args, " "), officeHang, out)
	}
	if err != nil {
		t.Fatalf("libreoffice %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	for _, f := range files {
		want := filepath.Join(outdir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+"."+to)
		if _, err := os.Stat(want); err != nil {
			t.Fatalf("libreoffice did not convert %s to %s: %v\n%s", f, to, err, out)
		}
	}
	return string(out)
}

// slotPath is the lock file of one slot, shared by every test binary on
// the machine.
func slotPath(i int) string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("underlag-libreoffice-%d.lock", i))
}
