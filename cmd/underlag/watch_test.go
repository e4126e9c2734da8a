package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/batch"
)

// syncBuffer is a buffer the watch writes while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// replaceFile replaces a file at once, by a rename, as many editors save:
// the watch sees one change, never a half-written file.
func replaceFile(t *testing.T, path, data string) {
	t.Helper()
	tmp := filepath.Join(t.TempDir(), filepath.Base(path))
	require.NoError(t, os.WriteFile(tmp, []byte(data), 0o644))
	require.NoError(t, os.Rename(tmp, path))
}

func TestWatch(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	require.NoError(t, os.Mkdir(data, 0o755))
	for _, f := range []string{"organisation.yaml", "ordlista.yaml", "personer.yaml", "tjansteskrivelse.yaml", "uppdragsdirektiv.yaml", "statusrapport.yaml"} {
		b, err := os.ReadFile(filepath.Join(composeFixtures, f))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(data, f), b, 0o644))
	}
	memo := filepath.Join(data, "tjansteskrivelse.yaml")
	original, err := os.ReadFile(memo)
	require.NoError(t, err)

	var errOut syncBuffer
	a := newApp(strings.NewReader(""), &bytes.Buffer{}, &errOut)
	rounds := make(chan watchRound)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		done <- runWatch(ctx, a, &watchOptions{paths: []string{data}, out: filepath.Join(dir, "out"), formats: "pdf,docx", jobs: 2, rounds: rounds})
	}()
	// next waits for the build that follows a change of file (the first
	// build when file is ""): a change may come as more than one batch,
	// and a batch that built nothing is not the one.
	next := func(file string) watchRound {
		t.Helper()
		deadline := time.After(time.Minute) // a bound on waiting, not a measure of speed
		for {
			select {
			case r := <-rounds:
				require.NoError(t, r.err)
				if file == "" || r.sum.Built+r.sum.Failed > 0 {
					return r
				}
			case <-deadline:
				t.Fatalf("no build after %s changed; output so far:\n%s", file, errOut.String())
			}
		}
	}
	status := func(r watchRound) map[string]batch.Status {
		m := map[string]batch.Status{}
		for src, st := range r.statuses {
			m[filepath.Base(src)] = st
		}
		return m
	}

	first := next("")
	assert.Equal(t, 3, first.sum.Built, errOut.String())

	for _, tc := range []struct {
		name   string
		file   string
		data   string
		want   map[string]batch.Status
		output []string // in standard error, in the compiler form
	}{
		{"a change rebuilds only that document", memo, strings.Replace(string(original), "titel: ", "titel: Ändrad – ", 1),
			map[string]batch.Status{"tjansteskrivelse.yaml": batch.Built, "uppdragsdirektiv.yaml": batch.Skipped, "statusrapport.yaml": batch.Skipped},
			[]string{"built " + filepath.ToSlash(memo)}},
		{"a broken file prints its error", memo, string(original) + "nämnd HSN\n",
			map[string]batch.Status{"tjansteskrivelse.yaml": batch.Failed, "uppdragsdirektiv.yaml": batch.Skipped, "statusrapport.yaml": batch.Skipped},
			[]string{filepath.ToSlash(memo) + ":", ": error: ", " | nämnd HSN\n", "^"}},
		{"and the watch goes on", memo, string(original),
			map[string]batch.Status{"tjansteskrivelse.yaml": batch.Built, "uppdragsdirektiv.yaml": batch.Skipped, "statusrapport.yaml": batch.Skipped},
			[]string{"built 1, skipped 2, failed 0"}},
		{"a changed directive rebuilds the report that follows it", filepath.Join(data, "uppdragsdirektiv.yaml"), "",
			map[string]batch.Status{"tjansteskrivelse.yaml": batch.Skipped, "uppdragsdirektiv.yaml": batch.Built, "statusrapport.yaml": batch.Built},
			nil},
	} {
		before := len(errOut.String())
		if tc.data == "" {
			b, err := os.ReadFile(tc.file)
			require.NoError(t, err)
			tc.data = string(b) + "# en kommentar\n"
		}
		replaceFile(t, tc.file, tc.data)
		r := next(tc.file)
		assert.Equal(t, tc.want, status(r), tc.name)
		printed := errOut.String()[before:]
		for _, w := range tc.output {
			assert.Contains(t, filepath.ToSlash(printed), w, tc.name)
		}
	}

	// A renamed source takes its old outputs with it, and a folder of
	// outputs it leaves empty goes too.
	out := filepath.Join(dir, "out")
	hsn := filepath.Join(data, "hsn")
	moved := filepath.Join(hsn, "memo.yaml")
	require.NoError(t, os.Mkdir(hsn, 0o755))
	require.NoError(t, os.Rename(memo, moved))
	next(moved)
	for _, ext := range []string{".pdf", ".docx"} {
		assert.NoFileExists(t, filepath.Join(out, "tjansteskrivelse"+ext), "the old name's output is removed")
		assert.FileExists(t, filepath.Join(out, "hsn", "memo"+ext))
	}
	require.NoError(t, os.Rename(moved, memo))
	next(memo)
	assert.NoDirExists(t, filepath.Join(out, "hsn"), "the folder the rename emptied is removed")
	assert.FileExists(t, filepath.Join(out, "tjansteskrivelse.pdf"))
	assert.Contains(t, errOut.String(), "removed 2 outputs whose source is gone")

	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err, "Ctrl-C ends the watch without an error")
	case <-time.After(time.Minute):
		t.Fatal("the watch did not stop")
	}
}

func TestWatchErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"watch", "finns-inte/"}, 1, "finns-inte"},
		{[]string{"watch", "-t", "odt"}, 2, `unknown format "odt"`},
	} {
		code, _, errOut := execute(t, tc.args...)
		assert.Equal(t, tc.code, code, tc.args)
		assert.Contains(t, errOut, tc.want, tc.args)
	}
}
