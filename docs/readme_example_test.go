package docs

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// exampleRun is a README block that shows a command and what it prints.
var exampleRun = regexp.MustCompile("(?s)```\n\\$ (underlag [^\n]*)\n(.*?)```")

// excerptLine is a diagnostic's source line as printed: "   16 | text".
var (
	diagHead    = regexp.MustCompile(`^(\S+\.yaml):(\d+):\d+: `)
	excerptLine = regexp.MustCompile(`^ *(\d+) \| (.*)$`)
)

// The README's example of a wrong file prints what the README shows. The
// example data are made wrong as the excerpts in the output show them
// (each excerpt is the line as the user wrote it), then the command runs
// in a copy of the repository's data/.
func TestREADMEValidateExample(t *testing.T) {
	if testing.Short() {
		t.Skip("builds underlag")
	}
	t.Parallel()
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	require.NoError(t, err)
	m := exampleRun.FindSubmatch(readme)
	require.NotNil(t, m, "README.md shows a command with its output")
	command, want := string(m[1]), string(m[2])

	work := t.TempDir()
	require.NoError(t, os.CopyFS(filepath.Join(work, "data"), os.DirFS(filepath.Join("..", "data"))))
	edits := 0
	file := ""
	for _, l := range strings.Split(want, "\n") {
		if h := diagHead.FindStringSubmatch(l); h != nil {
			file = h[1]
			continue
		}
		e := excerptLine.FindStringSubmatch(l)
		if e == nil || file == "" {
			continue
		}
		n, _ := strconv.Atoi(e[1])
		path := filepath.Join(work, filepath.FromSlash(file))
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		lines := strings.Split(string(b), "\n")
		require.Less(t, n-1, len(lines), "%s has a line %d", file, n)
		require.NotEqual(t, e[2], lines[n-1], "%s:%d is right in data/; the README shows it wrong", file, n)
		lines[n-1] = e[2]
		require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644))
		edits++
	}
	require.NotZero(t, edits, "the README's output shows the lines it complains about")

	bin := filepath.Join(t.TempDir(), "underlag")
	out, err := exec.Command("go", "build", "-o", bin, "../cmd/underlag").CombinedOutput()
	require.NoError(t, err, "%s", out)
	args := strings.Fields(strings.TrimPrefix(command, "underlag "))
	cmd := exec.Command(bin, args...)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	got, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "%s fails on wrong data", command)
	assert.Equal(t, want, string(got), "the README shows what %s prints", command)
}
