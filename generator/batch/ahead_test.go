package batch_test

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
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
	mu    sync.Mutex
	n     map[string]int
	order []string // each load's path, in the order of the loads
}

func (c *loadCounter) Load(path string) (*pipeline.Doc, diag.List) {
	c.mu.Lock()
	c.n[path]++
	c.order = append(c.order, path)
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

// TestBuildCoUsersAhead moves the second memo that attaches a directive to
// a folder that sorts last, far from the first, and builds the tree twice
// into one output directory. The first build, which has no manifest,
// loads it in its turn, last; the rebuild knows from the manifest that it
// attached the same directive as the first memo, and builds it right
// after the first memo's packet, before the sources between them. Either
// way every source is loaded once, built, and reported once, in source
// order, on one worker or two.
func TestBuildCoUsersAhead(t *testing.T) {
	t.Parallel()
	for _, jobs := range []int{1, 2} {
		t.Run(fmt.Sprintf("%d workers", jobs), func(t *testing.T) {
			t.Parallel()
			tr, err := synth.Write(t.TempDir(), synth.Options{Docs: 12, Seed: 5})
			require.NoError(t, err)
			first, second := "", ""
			for _, d := range tr.Docs {
				if strings.HasSuffix(d, "-1.yaml") && strings.Contains(d, "tjansteskrivelse") {
					first, second = d, strings.TrimSuffix(d, "-1.yaml")+"-2.yaml"
					break
				}
			}
			require.Contains(t, tr.Docs, second)
			moved := "zz/" + path.Base(second)
			b, err := os.ReadFile(filepath.Join(tr.Data, second))
			require.NoError(t, err)
			dir := path.Dir(second) + "/" + strings.Replace(path.Base(second), "tjansteskrivelse", "uppdragsdirektiv", 1)
			dir = strings.TrimSuffix(strings.TrimSuffix(dir, ".yaml"), "-2") + ".yaml"
			// Its directive and its attachment, named from its new folder.
			b = []byte(strings.ReplaceAll(string(b), `"`+path.Base(dir)+`"`, `"`+relTo(t, moved, dir)+`"`))
			require.Contains(t, string(b), `fil: "`+relTo(t, moved, dir)+`"`, "the moved memo attaches its directive")
			require.NoError(t, os.MkdirAll(filepath.Join(tr.Data, "zz"), 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(tr.Data, filepath.FromSlash(moved)), b, 0o644))
			require.NoError(t, os.Remove(filepath.Join(tr.Data, filepath.FromSlash(second))))
			docs := slices.Sorted(slices.Values(append(slices.DeleteFunc(slices.Clone(tr.Docs), func(d string) bool { return d == second }), moved)))
			var between []string // neither memo nor the directive, between them in source order
			for _, d := range docs {
				if d > first && d < moved && d != dir {
					between = append(between, d)
				}
			}
			require.NotEmpty(t, between)

			out := filepath.Join(t.TempDir(), "out")
			for build, ahead := range []bool{false, true} {
				pp, err := newPipeline(t, "test")
				require.NoError(t, err)
				p := &loadCounter{Pipeline: pp, n: map[string]int{}}
				var rs results
				s, err := batch.Run(context.Background(), p, batch.Options{Paths: []string{tr.Data}, Out: out,
					Formats: []string{"pdf"}, Force: true, Jobs: jobs, Observer: &rs})
				require.NoError(t, err)
				require.True(t, s.OK(), "%v", rs.diagnostics())
				var got []string
				for _, r := range rs {
					got = append(got, filepath.ToSlash(r.Source))
					assert.Equal(t, batch.Built, r.Status, r.Source)
				}
				assert.True(t, sort.StringsAreSorted(got), "build %d: reported in source order: %v", build+1, got)
				assert.Len(t, got, len(docs), "build %d: each document reported once", build+1)
				at := map[string]int{}
				for i, f := range p.order {
					rel, err := filepath.Rel(tr.Data, f)
					require.NoError(t, err)
					at[filepath.ToSlash(rel)] = i
				}
				for _, d := range docs {
					assert.Equal(t, 1, p.n[filepath.Join(tr.Data, filepath.FromSlash(d))], "build %d: %s loaded once", build+1, d)
				}
				if jobs > 1 {
					continue // two workers take the sources between them in turns
				}
				for _, d := range between {
					assert.Equal(t, ahead, at[moved] < at[d], "build %d: %s loaded before %s", build+1, moved, d)
				}
			}
		})
	}
}
