package docs

import (
	"go/version"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// firstBlock is the README's first shell block: what a new user types.
var firstBlock = regexp.MustCompile("(?s)```sh\n(.*?)```")

// The README's first screen works as written on a fresh machine: in a fresh
// clone, with a PATH of only Go and the system's programs and an empty
// HOME, the commands install underlag, start an organisation's repository
// and build its examples. The module cache is shared and the proxy turned
// off, so the test runs offline and proves that go.mod asks for no
// toolchain or module this machine does not have.
func TestREADMEFirstScreen(t *testing.T) {
	if testing.Short() {
		t.Skip("builds underlag in a fresh clone")
	}
	t.Parallel()
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	require.NoError(t, err)
	m := firstBlock.FindSubmatch(readme)
	require.NotNil(t, m, "README.md has a ```sh block")
	script := string(m[1])
	for _, want := range []string{"make install", "PATH=", "underlag init", "underlag build"} {
		require.Contains(t, script, want, "the first screen installs, puts underlag on PATH, starts and builds")
	}

	top := gitTop(t)
	goBin := goEnv(t, "GOROOT")
	clone := filepath.Join(t.TempDir(), "underlag")
	out, err := exec.Command("git", "clone", "--quiet", top, clone).CombinedOutput()
	require.NoError(t, err, "git clone: %s", out)
	home := t.TempDir()

	cmd := exec.Command("bash", "-eu", "-o", "pipefail", "-c", script)
	cmd.Dir = clone
	cmd.Stdin = strings.NewReader("") // not a terminal: init asks nothing
	env := []string{
		"PATH=" + filepath.Join(goBin, "bin") + ":/usr/bin:/bin",
		"HOME=" + home,
		"LANG=C.UTF-8",
		// Offline: the modules come from this machine's cache, never the network.
		"GOMODCACHE=" + goEnv(t, "GOMODCACHE"),
		"GOCACHE=" + goEnv(t, "GOCACHE"),
		"GOPROXY=off",
		"GOFLAGS=-buildvcs=false",
	}
	cmd.Env = env
	out, err = cmd.CombinedOutput()
	require.NoError(t, err, "the README's first screen:\n%s\n---\n%s", script, out)

	for _, name := range []string{"tjansteskrivelse-exempel.pdf", "uppdragsdirektiv-exempel.docx", "statusrapport-exempel.pdf"} {
		assert.FileExists(t, filepath.Join(clone, "min-kommun", "out", name))
	}
	assert.FileExists(t, filepath.Join(home, ".local", "bin", "underlag"), "make install's documented prefix")

	// Without make: the README's go install line, then the binary where it
	// says, on the PATH it says.
	const noMake = "`go install ./cmd/underlag` puts `underlag` in `$(go env GOPATH)/bin`"
	require.Contains(t, strings.Join(strings.Fields(string(readme)), " "), noMake)
	cmd = exec.Command("bash", "-eu", "-c", `go install ./cmd/underlag && PATH="$(go env GOPATH)/bin:$PATH" && cd "$HOME" && command -v underlag && underlag version`)
	cmd.Dir = clone
	cmd.Env = env
	out, err = cmd.CombinedOutput()
	require.NoError(t, err, "go install:\n%s", out)
	assert.Contains(t, string(out), filepath.Join(home, "go", "bin", "underlag"), "GOPATH defaults to ~/go")
}

// gitTop is the root of the repository the test runs in; outside a git
// work tree (a source archive) the test skips, except in CI.
func gitTop(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("git rev-parse: %v", err)
		}
		t.Skip("not in a git work tree")
	}
	return strings.TrimSpace(string(out))
}

func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	require.NoError(t, err, "go env %s", name)
	return strings.TrimSpace(string(out))
}

// goFloor is the oldest Go the README asks for ("needs Go 1.26"): every
// release of it must build underlag without fetching a toolchain, so
// neither go.mod nor any module it needs may ask for a later one.
const goFloor = "go1.26.0"

func TestGoVersionFloor(t *testing.T) {
	t.Parallel()
	mod, err := os.ReadFile(filepath.Join("..", "go.mod"))
	require.NoError(t, err)
	assert.NotRegexp(t, `(?m)^toolchain `, string(mod), "go.mod names no toolchain")
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Path}} {{.GoVersion}}", "all")
	cmd.Dir = ".."
	out, err := cmd.Output()
	require.NoError(t, err, "go list -m all")
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	require.NotEmpty(t, lines)
	for _, l := range lines {
		path, v, _ := strings.Cut(l, " ")
		if v == "" {
			continue // a module without a go line
		}
		assert.LessOrEqual(t, version.Compare("go"+v, goFloor), 0, "%s asks for go %s, later than %s", path, v, goFloor)
	}
}
