package watch_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/watch"
)

// timeout bounds the wait for a batch; it is not an assertion on speed.
const timeout = 30 * time.Second

func start(t *testing.T, opt watch.Options) <-chan []string {
	t.Helper()
	w, err := watch.New(opt)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	batches := make(chan []string, 16)
	done := make(chan error)
	go func() { done <- w.Run(ctx, func(p []string) { batches <- p }) }()
	t.Cleanup(func() {
		cancel()
		require.NoError(t, <-done)
		w.Close()
	})
	return batches
}

// next waits for the batch holding want, and returns every path seen in
// the batches up to it.
func next(t *testing.T, batches <-chan []string, want string) []string {
	t.Helper()
	var seen []string
	deadline := time.After(timeout)
	for {
		select {
		case b := <-batches:
			seen = append(seen, b...)
			if slices.Contains(b, want) {
				return seen
			}
		case <-deadline:
			t.Fatalf("no change of %s reported; saw %v", want, seen)
		}
	}
}

func TestWatch(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	out := filepath.Join(data, "out")
	for _, d := range []string{filepath.Join(data, "bun"), out} {
		require.NoError(t, os.MkdirAll(d, 0o755))
	}
	batches := start(t, watch.Options{
		Recursive: []string{data},
		Flat:      []string{dir},
		Skip:      func(d string) bool { return d == out },
	})
	write := func(p string) string {
		require.NoError(t, os.WriteFile(p, []byte("typ: x\n"), 0o644))
		return p
	}
	for _, tc := range []struct {
		name   string
		before []string // changed first, never reported
		file   string   // then this, reported
	}{
		{"a file", nil, filepath.Join(data, "a.yaml")},
		{"in a folder below", nil, filepath.Join(data, "bun", "b.yaml")},
		{"in the folder above", nil, filepath.Join(dir, "organisation.yaml")},
		{"scratch files and the output folder are not changes", []string{
			filepath.Join(data, ".a.yaml.swp"), filepath.Join(data, "a.yaml~"), filepath.Join(out, "a.pdf"),
		}, filepath.Join(data, "c.yaml")},
	} {
		for _, b := range tc.before {
			write(b)
		}
		seen := next(t, batches, write(tc.file))
		for _, b := range tc.before {
			assert.NotContains(t, seen, b, tc.name)
		}
	}

	// A folder made after the watch began is watched too.
	made := filepath.Join(data, "ny")
	require.NoError(t, os.Mkdir(made, 0o755))
	next(t, batches, made)
	next(t, batches, write(filepath.Join(made, "d.yaml")))
}

func TestIgnored(t *testing.T) {
	t.Parallel()
	for p, want := range map[string]bool{
		"data/a.yaml":                    false,
		"data/.a.yaml.swp":               true,
		"data/a.yaml~":                   true,
		"data/a.yaml.swp":                true,
		"data/a.yaml___jb_tmp___":        true,
		"data/4913":                      true,
		"data/.#a.yaml":                  true,
		"data/#a.yaml#":                  true,
		"data/~$mall.docx":               true,
		"data/a.yaml.tmp":                true,
		"data/mallar/etiketter.yaml":     false,
		filepath.Join("C:", "x", "a.md"): false,
	} {
		assert.Equal(t, want, watch.Ignored(p), p)
	}
}
