package batch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/batch/manifest"
)

// A build that dies before it writes its manifest (kill -9, a CI runner
// that times out) keeps what it finished: the next build skips it. The
// build dies in a child process, which exits in the middle of rendering
// the sixth document, running no deferred code, as a killed one would.
func TestKilledBuildKeepsWhatItFinished(t *testing.T) {
	if dir := os.Getenv("UNDERLAG_BATCH_DIE"); dir != "" {
		dieMidBuild(t, dir)
		return
	}
	t.Parallel()
	fs := map[string]string{"organisation.yaml": org}
	for i := range 12 {
		fs[fmt.Sprintf("m%02d.yaml", i)] = memo2
	}
	data, out := tree(t, fs)
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledBuildKeepsWhatItFinished$")
	cmd.Env = append(os.Environ(), "UNDERLAG_BATCH_DIE="+filepath.Dir(data))
	outp, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	require.True(t, errors.As(err, &ee), "the build died: %v\n%s", err, outp)
	require.Equal(t, 3, ee.ExitCode(), "%s", outp)
	assert.NoFileExists(t, filepath.Join(out, manifest.Name), "it died before writing the manifest")
	assert.FileExists(t, filepath.Join(out, manifest.JournalName))

	p := newFake(t)
	s, c := run(t, p, Options{Paths: []string{data}, Out: out})
	assert.Equal(t, 5, s.Skipped, "the five documents finished before it died")
	assert.Equal(t, 7, s.Built)
	assert.Equal(t, map[string]Status{"m00.yaml": Skipped, "m04.yaml": Skipped, "m05.yaml": Built, "m11.yaml": Built},
		map[string]Status{"m00.yaml": c.statuses()["m00.yaml"], "m04.yaml": c.statuses()["m04.yaml"], "m05.yaml": c.statuses()["m05.yaml"], "m11.yaml": c.statuses()["m11.yaml"]})
	assert.NoFileExists(t, filepath.Join(out, manifest.JournalName), "compacted")
	s, _ = run(t, p, Options{Paths: []string{data}, Out: out})
	assert.Equal(t, 12, s.Skipped)
}

// dieMidBuild is the child process: a build on one worker that exits at
// the first render of the sixth document.
func dieMidBuild(t *testing.T, dir string) {
	p := newFake(t)
	p.onRender = func(n int64) {
		if n == 2*5 {
			os.Exit(3)
		}
	}
	_, err := Run(context.Background(), p, Options{Paths: []string{filepath.Join(dir, "data")}, Out: filepath.Join(dir, "out"), Jobs: 1})
	t.Fatalf("the build did not die: %v", err)
}
