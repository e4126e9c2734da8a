package batch_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/bench/synth"
	"github.com/underlag/underlag/generator/batch"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/pipeline"
)

// TestBuildAhead builds trees whose memos attach documents that sort after
// them, which the build makes ahead of their turn for the memo's packet
// (ahead.go): every source is still built once, reported once and in
// source order, on one worker or several; memos that attach each other
// build without waiting on each other, and a chain of memos each attaching
// the next is built (one link ahead at a time).
func TestBuildAhead(t *testing.T) {
	t.Parallel()
	trees := []struct {
		name string
		edit func(t *testing.T, data string, docs []string)
	}{
		{"memos before their directives", func(*testing.T, string, []string) {}},
		{"memos that attach each other", func(t *testing.T, data string, docs []string) {
			var memos []string
			for _, d := range docs {
				if strings.Contains(d, "tjansteskrivelse") {
					memos = append(memos, d)
				}
			}
			require.GreaterOrEqual(t, len(memos), 2)
			a, b := memos[0], memos[1]
			attach(t, filepath.Join(data, a), relTo(t, a, b))
			attach(t, filepath.Join(data, b), relTo(t, b, a))
		}},
		{"a chain of memos, each attaching the next", func(t *testing.T, data string, docs []string) {
			var memos []string
			for _, d := range docs {
				if strings.Contains(d, "tjansteskrivelse") {
					memos = append(memos, d)
				}
			}
			require.GreaterOrEqual(t, len(memos), 3)
			for i := 0; i+1 < len(memos); i++ {
				attach(t, filepath.Join(data, memos[i]), relTo(t, memos[i], memos[i+1]))
			}
		}},
	}
	for _, tree := range trees {
		for _, jobs := range []int{1, 2} {
			t.Run(tree.name, func(t *testing.T) {
				t.Parallel()
				tr, err := synth.Write(t.TempDir(), synth.Options{Docs: 12, Seed: 5})
				require.NoError(t, err)
				tree.edit(t, tr.Data, tr.Docs)
				pp, err := newPipeline(t, "test")
				require.NoError(t, err)
				p := &loadCounter{Pipeline: pp, n: map[string]int{}}
				var rs results
				s, err := batch.Run(context.Background(), p, batch.Options{Paths: []string{tr.Data}, Out: filepath.Join(t.TempDir(), "out"),
					Formats: []string{"pdf"}, Force: true, Jobs: jobs, Observer: &rs})
				require.NoError(t, err)
				require.True(t, s.OK(), "%v", rs.diagnostics())

				var got []string
				packets := 0
				for _, r := range rs {
					got = append(got, filepath.ToSlash(r.Source))
					assert.Equal(t, batch.Built, r.Status, r.Source)
					for _, o := range r.Outputs {
						if o.Format == batch.PacketOutput {
							packets++
						}
					}
				}
				assert.True(t, sort.StringsAreSorted(got), "reported in source order: %v", got)
				assert.Len(t, got, len(tr.Docs), "each document reported once")
				assert.Equal(t, len(tr.Docs), s.Built)
				for _, d := range tr.Docs {
					assert.Equal(t, 1, p.n[filepath.Join(tr.Data, filepath.FromSlash(d))], "%s loaded by the build once", d)
				}
				assert.NotZero(t, packets)
			})
		}
	}
}

// loadCounter counts the batch's loads of each file (a packet loads its
// attachments through the pipeline itself, which this does not count).
type loadCounter struct {
	*pipeline.Pipeline
	mu sync.Mutex
	n  map[string]int
}

func (c *loadCounter) Load(path string) (*pipeline.Doc, diag.List) {
	c.mu.Lock()
	c.n[path]++
	c.mu.Unlock()
	return c.Pipeline.Load(path)
}

// attach adds an attachment naming file to the memo's beslutsunderlag.
func attach(t *testing.T, memo, file string) {
	t.Helper()
	b, err := os.ReadFile(memo)
	require.NoError(t, err)
	const key = "beslutsunderlag:\n"
	i := strings.Index(string(b), key)
	require.GreaterOrEqual(t, i, 0, "%s has attachments", memo)
	i += len(key)
	s := string(b[:i]) + "  - titel: \"Bilaga\"\n    fil: \"" + file + "\"\n" + string(b[i:])
	require.NoError(t, os.WriteFile(memo, []byte(s), 0o644))
}

// relTo is the path of to as written in from (both relative to the tree).
func relTo(t *testing.T, from, to string) string {
	t.Helper()
	r, err := filepath.Rel(filepath.Dir(from), to)
	require.NoError(t, err)
	return filepath.ToSlash(r)
}
