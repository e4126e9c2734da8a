package testenv

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

func TestRepoRoot(t *testing.T) {
	t.Parallel()
	root := RepoRoot(t)
	b, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "module github.com/underlag/underlag\n") {
		t.Errorf("%s/go.mod is not the repository's:\n%.80s", root, b)
	}
	if want, _ := filepath.Abs("../.."); root != want {
		t.Errorf("RepoRoot = %s, want %s", root, want)
	}
}

func TestSeedsDirFromEnvironment(t *testing.T) {
	t.Setenv("UNDERLAG_SEEDS", "/elsewhere/seeds")
	if got := SeedsDir(t); got != "/elsewhere/seeds" {
		t.Errorf("SeedsDir = %q, want $UNDERLAG_SEEDS", got)
	}
}

// TestOnlyTestsImport: the helpers skip and fail tests; no program or
// library code may depend on them.
func TestOnlyTestsImport(t *testing.T) {
	t.Parallel()
	const self = "github.com/underlag/underlag/internal/testenv"
	root := RepoRoot(t)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == self {
				t.Errorf("%s imports %s, which is for tests only", path, self)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// fakeTB records how a helper ended the test: Skip and Fatal stop the
// goroutine as the testing package's do.
type fakeTB struct {
	testing.TB
	skipped, failed string
}

func (f *fakeTB) Helper()                        {}
func (f *fakeTB) Skip(args ...any)               { f.skipped = fmt.Sprint(args...); runtime.Goexit() }
func (f *fakeTB) Skipf(format string, a ...any)  { f.Skip(fmt.Sprintf(format, a...)) }
func (f *fakeTB) Fatal(args ...any)              { f.failed = fmt.Sprint(args...); runtime.Goexit() }
func (f *fakeTB) Fatalf(format string, a ...any) { f.Fatal(fmt.Sprintf(format, a...)) }

// call runs fn with a fakeTB and returns it once fn has returned or
// stopped the test.
func call(t *testing.T, fn func(testing.TB)) *fakeTB {
	f := &fakeTB{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(f)
	}()
	<-done
	return f
}

// TestMissingTool: a missing program skips the test on a developer's
// machine and fails it in CI.
func TestMissingTool(t *testing.T) {
	const name = "underlag-no-such-program"
	for _, tt := range []struct {
		ci          string
		skip, fatal bool
	}{
		{ci: "", skip: true},
		{ci: "true", fatal: true},
	} {
		t.Run("CI="+tt.ci, func(t *testing.T) {
			t.Setenv("CI", tt.ci)
			for _, fn := range []func(testing.TB){
				func(tb testing.TB) { lookTools(tb, "sh", name) },
				func(tb testing.TB) { run(tb, name, "--version") },
			} {
				f := call(t, fn)
				if got := f.skipped != ""; got != tt.skip {
					t.Errorf("skipped %v (%q), want %v", got, f.skipped, tt.skip)
				}
				if got := f.failed != ""; got != tt.fatal {
					t.Errorf("failed %v (%q), want %v", got, f.failed, tt.fatal)
				}
				if msg := f.skipped + f.failed; !strings.Contains(msg, name+" not installed") {
					t.Errorf("message %q does not name the program", msg)
				}
			}
		})
	}
}

func TestRunFails(t *testing.T) {
	t.Parallel()
	// The command line holds neither 42 nor 25.
	f := call(t, func(tb testing.TB) { run(tb, "sh", "-c", "echo $((6*7)); echo $((5*5)) >&2; exit 3") })
	if !strings.Contains(f.failed, "25") || strings.Contains(f.failed, "42") {
		t.Errorf("failure %q: want the standard error and not the output", f.failed)
	}
	if f := call(t, func(tb testing.TB) {
		if out := run(tb, "sh", "-c", "echo out; echo noise >&2"); out != "out\n" {
			tb.Errorf("Run = %q, want the standard output", out)
		}
	}); f.failed != "" {
		t.Error(f.failed)
	}
}

// Under -short a test that runs an external program skips, even when the
// program is there; without it, it runs.
func TestNeedToolShort(t *testing.T) {
	t.Parallel()
	f := call(t, func(tb testing.TB) { NeedTool(tb, "sh") })
	if got := f.skipped != ""; got != testing.Short() {
		t.Errorf("NeedTool(sh) skipped %v under -short=%v (%q)", got, testing.Short(), f.skipped)
	}
}

// Every LibreOffice run has a profile of its own under the test's
// temporary directory, never the user's: a stand-in libreoffice on PATH
// records the profile each run is given and writes the converted file.
func TestLibreOfficeProfiles(t *testing.T) {
	bin := t.TempDir()
	script := `#!/bin/sh
out=; prof=
while [ $# -gt 0 ]; do
  case "$1" in
    -env:UserInstallation=*) prof="${1#-env:UserInstallation=}" ;;
    --outdir) out="$2"; shift ;;
    --*) ;;
    *.docx) f=$(basename "$1" .docx); echo x > "$out/$f.pdf" ;;
  esac
  shift
done
echo "$prof" >> "$PROFILES"
`
	if err := os.WriteFile(filepath.Join(bin, "libreoffice"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	log := filepath.Join(t.TempDir(), "profiles")
	t.Setenv("PROFILES", log)
	dir := t.TempDir()
	for _, name := range []string{"a.docx", "b.docx"} {
		convert(t, "pdf", dir, filepath.Join(dir, name))
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	profiles := strings.Fields(string(b))
	if len(profiles) != 2 || profiles[0] == profiles[1] {
		t.Fatalf("profiles %q: want two runs with a profile each", profiles)
	}
	home, _ := os.UserHomeDir()
	for _, p := range profiles {
		if !strings.HasPrefix(p, "file:///") || (home != "" && strings.HasPrefix(strings.TrimPrefix(p, "file://"), home)) {
			t.Errorf("profile %q: want a file URL outside the home directory", p)
		}
	}
	// A file the run does not convert fails the test.
	if f := call(t, func(tb testing.TB) { convert(tb, "pdf", dir, filepath.Join(dir, "c.odt")) }); !strings.Contains(f.failed, "did not convert") {
		t.Errorf("a missing output: failure %q", f.failed)
	}
}

// A slot is a lock no one else can take while it is held.
func TestOfficeSlot(t *testing.T) {
	release, err := officeSlot(1)
	if err != nil {
		t.Fatal(err)
	}
	held := tryLock(t, slotPath(0))
	release()
	free := tryLock(t, slotPath(0))
	if held || !free {
		t.Errorf("lock taken while the slot is held: %v; after release: %v", held, free)
	}
}
