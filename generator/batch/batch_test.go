package batch

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

	"github.com/underlag/underlag/generator/batch/manifest"
	"github.com/underlag/underlag/generator/diag"
)

// tree writes files (path → content) under a new temporary directory and
// returns its data directory and an output directory beside it.
func tree(t *testing.T, files map[string]string) (data, out string) {
	t.Helper()
	root := t.TempDir()
	data, out = filepath.Join(root, "data"), filepath.Join(root, "out")
	for p, c := range files {
		write(t, filepath.Join(data, p), c)
	}
	return data, out
}

func write(t *testing.T, p, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
}

const (
	org       = "typ: organisation\nversion: 1\nnamn: Region Västerbotten\nnämnder:\n  - {förkortning: HSN, namn: Hälso- och sjukvårdsnämnden}\n"
	directive = "typ: uppdragsdirektiv\nversion: 1\ntitel: Nära vård 2025\ndatum: 2024-11-18\nbakgrund: Text.\ntidplan:\n  - {beslutspunkt: BP1, beskrivning: Beslut i nämnd., start: 2024-12, slut: 2025-01}\nunderskrifter:\n  - roll: Uppdragsägare\n"
	memo      = "typ: tjänsteskrivelse\nversion: 1\ntitel: Samspelet\ndatum: 2024-11-20\ndiarienummer: HSN 1203-2024\nnämnd: HSN\nuppdragsdirektiv: direktiv.yaml\nsammanfattning: Text.\nförslag_till_beslut: Godkänna.\n"
	status    = "typ: statusrapport\nversion: 1\ntitel: Status mars\ndatum: 2025-03\nuppdragsdirektiv: direktiv.yaml\nstatus:\n  nivå: gul\n  kommentar: Försenat.\n"
	memo2     = "typ: tjänsteskrivelse\nversion: 1\ntitel: Annan\ndatum: 2025-01-10\ndiarienummer: HSN 1-2025\nnämnd: HSN\nsammanfattning: Text.\nförslag_till_beslut: Godkänna.\n"
	// dated is a memo with a date and no case number, as four memos of
	// one meeting may be.
	dated = "typ: tjänsteskrivelse\nversion: 1\ntitel: Samma dag\ndatum: 2024-11-20\nnämnd: HSN\nsammanfattning: Text.\nförslag_till_beslut: Godkänna.\n"
)

func exampleTree(t *testing.T) (data, out string) {
	return tree(t, map[string]string{
		"organisation.yaml":   org,
		"direktiv.yaml":       directive,
		"memo.yaml":           memo,
		"status.yaml":         status,
		"sub/annan-memo.yaml": memo2,
	})
}

// collect is an Observer that keeps every result, as only a test may.
type collect struct {
	total   int
	results []*Result
	waited  []string
}

func (c *collect) Start(n int)        { c.total = n }
func (c *collect) Done(r *Result)     { c.results = append(c.results, r) }
func (c *collect) Waiting(out string) { c.waited = append(c.waited, out) }

func (c *collect) statuses() map[string]Status {
	m := map[string]Status{}
	for _, r := range c.results {
		m[filepath.Base(r.Source)] = r.Status
	}
	return m
}

func (c *collect) diagnostics() diag.List {
	var l diag.List
	for _, r := range c.results {
		l = append(l, r.Diagnostics...)
	}
	return l
}

func run(t *testing.T, p Pipeline, opt Options) (*Summary, *collect) {
	t.Helper()
	c := &collect{}
	opt.Observer = c
	s, err := Run(context.Background(), p, opt)
	require.NoError(t, err)
	return s, c
}

// files lists the files under dir, relative and slash-separated, without
// the build's own hidden files.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".underlag") {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	}))
	sort.Strings(out)
	return out
}

// touch changes a file's content in a way that keeps it valid.
func touch(t *testing.T, p string) {
	t.Helper()
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(p, append(b, "# ändrad\n"...), 0o644))
}

func TestIncremental(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	p := newFake(t)
	opt := Options{Paths: []string{data}, Out: out, Jobs: 2}

	s, c := run(t, p, opt)
	assert.Equal(t, 4, s.Built)
	assert.True(t, s.OK(), "%v", c.diagnostics())
	assert.Equal(t, []string{
		"direktiv.docx", "direktiv.pdf", "memo.docx", "memo.pdf", "status.docx", "status.pdf",
		"sub/annan-memo.docx", "sub/annan-memo.pdf",
	}, files(t, out))
	assert.FileExists(t, filepath.Join(out, manifest.Name))
	assert.NoFileExists(t, filepath.Join(out, manifest.JournalName), "compacted into the manifest")
	for _, r := range c.results {
		require.Len(t, r.Outputs, 2)
		assert.Equal(t, "pdf", r.Outputs[0].Format)
		assert.Positive(t, r.Outputs[0].Pages)
		assert.Len(t, r.Outputs[0].SHA256, 64)
	}

	// A second run skips everything without loading a document.
	loads := p.loads.Load()
	s, c = run(t, p, opt)
	assert.Equal(t, 4, s.Skipped)
	assert.Equal(t, loads, p.loads.Load(), "nothing is loaded")
	for _, r := range c.results {
		assert.Len(t, r.Outputs, 2)
	}

	// Touching the memo rebuilds the memo only.
	touch(t, filepath.Join(data, "memo.yaml"))
	_, c = run(t, p, opt)
	assert.Equal(t, map[string]Status{"direktiv.yaml": Skipped, "memo.yaml": Built, "status.yaml": Skipped, "annan-memo.yaml": Skipped}, c.statuses())

	// Touching the directive rebuilds it and the documents that refer to it.
	touch(t, filepath.Join(data, "direktiv.yaml"))
	_, c = run(t, p, opt)
	assert.Equal(t, map[string]Status{"direktiv.yaml": Built, "memo.yaml": Built, "status.yaml": Built, "annan-memo.yaml": Skipped}, c.statuses())

	// Touching the organisation rebuilds all.
	touch(t, filepath.Join(data, "organisation.yaml"))
	s, _ = run(t, p, opt)
	assert.Equal(t, 4, s.Built)

	// Adding a closer organisation rebuilds the documents below it.
	write(t, filepath.Join(data, "sub", "organisation.yaml"), strings.Replace(org, "Västerbotten", "Norrbotten", 1))
	_, c = run(t, p, opt)
	assert.Equal(t, map[string]Status{"direktiv.yaml": Skipped, "memo.yaml": Skipped, "status.yaml": Skipped, "annan-memo.yaml": Built}, c.statuses())

	// --force rebuilds all; a new fingerprint (templates, style, version) too.
	s, _ = run(t, p, Options{Paths: []string{data}, Out: out, Force: true})
	assert.Equal(t, 4, s.Built)
	p.fingerprint = "other templates"
	s, _ = run(t, p, opt)
	assert.Equal(t, 4, s.Built)
}

func TestRebuildsDamagedOutput(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	p := newFake(t)
	opt := Options{Paths: []string{data}, Out: out}
	run(t, p, opt)

	require.NoError(t, os.Remove(filepath.Join(out, "status.pdf")))
	require.NoError(t, os.WriteFile(filepath.Join(out, "direktiv.docx"), []byte("docx ändrad för hand"), 0o644))
	_, c := run(t, p, opt)
	assert.Equal(t, map[string]Status{"direktiv.yaml": Built, "memo.yaml": Skipped, "status.yaml": Built, "annan-memo.yaml": Skipped}, c.statuses())
	assert.FileExists(t, filepath.Join(out, "status.pdf"))
}

func TestFormats(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	p := newFake(t)
	s, _ := run(t, p, Options{Paths: []string{data}, Out: out, Formats: []string{"pdf"}})
	assert.Equal(t, 4, s.Built)
	for _, f := range files(t, out) {
		assert.True(t, strings.HasSuffix(f, ".pdf"), f)
	}
	// Adding DOCX later builds the DOCX files; PDF-only runs then skip.
	s, _ = run(t, p, Options{Paths: []string{data}, Out: out})
	assert.Equal(t, 4, s.Built)
	s, _ = run(t, p, Options{Paths: []string{data}, Out: out, Formats: []string{"pdf"}})
	assert.Equal(t, 4, s.Skipped)

	// A PDF-only rebuild of a changed memo removes its DOCX, now stale.
	touch(t, filepath.Join(data, "memo.yaml"))
	run(t, p, Options{Paths: []string{data}, Out: out, Formats: []string{"pdf"}})
	assert.NoFileExists(t, filepath.Join(out, "memo.docx"))
	assert.FileExists(t, filepath.Join(out, "direktiv.docx"))

	_, err := Run(context.Background(), newFake(t), Options{Paths: []string{data}, Out: out, Formats: []string{"odt"}})
	assert.ErrorContains(t, err, "not prepared for odt")
}

func TestBrokenFile(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	write(t, filepath.Join(data, "trasig.yaml"), "typ: tjänsteskrivelse\nversion: 1\ntitel: [oavslutad\n")
	write(t, filepath.Join(data, "vägrar.yaml"), "typ: statusrapport\nversion: 1\ntitel: FAIL\ndatum: 2025-03\nuppdragsdirektiv: direktiv.yaml\nstatus:\n  nivå: grön\n")
	p := newFake(t)
	s, c := run(t, p, Options{Paths: []string{data}, Out: out})
	assert.Equal(t, 4, s.Built)
	assert.Equal(t, 2, s.Failed)
	assert.Equal(t, 6, s.Total)
	assert.False(t, s.OK())
	var failed []*Result
	for _, r := range c.results {
		if r.Status == Failed {
			failed = append(failed, r)
		}
	}
	require.Len(t, failed, 2)
	require.NotEmpty(t, failed[0].Diagnostics)
	assert.Equal(t, filepath.Join(data, "trasig.yaml"), failed[0].Diagnostics[0].File)
	assert.Positive(t, failed[0].Diagnostics[0].Line)
	assert.Contains(t, failed[1].Diagnostics.Error(), "vägrar.yaml:3:8: titel: compose refused")
	assert.Len(t, files(t, out), 8, "the good documents' outputs")
}

func TestFailureRemovesOldOutputs(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	p := newFake(t)
	opt := Options{Paths: []string{data}, Out: out}
	run(t, p, opt)
	pdf := filepath.Join(out, "memo.pdf")
	require.FileExists(t, pdf)

	// The memo breaks: its old outputs go, and the next run tries it again.
	write(t, filepath.Join(data, "memo.yaml"), strings.Replace(memo, "titel: Samspelet", "titel: FAIL", 1))
	s, _ := run(t, p, opt)
	assert.Equal(t, 1, s.Failed)
	assert.NoFileExists(t, pdf)
	assert.NoFileExists(t, filepath.Join(out, "memo.docx"))
	s, _ = run(t, p, opt)
	assert.Equal(t, 1, s.Failed)

	// A render failure of one format leaves neither format.
	write(t, filepath.Join(data, "memo.yaml"), strings.Replace(memo, "titel: Samspelet", "titel: DOCX-FEL", 1))
	p.failDOCX = "DOCX-FEL"
	s, c := run(t, p, opt)
	assert.Equal(t, 1, s.Failed)
	assert.Contains(t, c.diagnostics().Error(), "docx: cannot render")
	assert.NoFileExists(t, pdf)
	for _, f := range files(t, out) {
		assert.NotContains(t, f, ".tmp", "no temporary file is left behind")
	}
}

// Output names are a function of the source's path alone: four memos of
// one day get four names, and shards of the build write exactly the files
// the whole build writes, into one output directory or several.
func TestNamesDoNotDependOnTheRun(t *testing.T) {
	t.Parallel()
	for _, names := range []Naming{PathNames, DescriptiveNames} {
		t.Run(names.String(), func(t *testing.T) {
			t.Parallel()
			// The memos have a date and no diarienummer, as the issue's
			// did; review, which would stop them, is turned off.
			data, out := tree(t, map[string]string{
				"organisation.yaml": org + "granskning: {regler: {required-field: av}}\n",
				"memo1.yaml":        dated, "memo2.yaml": dated, "memo3.yaml": dated, "hsn/memo4.yaml": dated,
			})
			p := newFake(t)
			s, _ := run(t, p, Options{Paths: []string{data}, Out: out, Names: names})
			require.Equal(t, 4, s.Built)
			full := files(t, out)
			want := map[Naming][]string{
				PathNames: {"hsn/memo4.docx", "hsn/memo4.pdf", "memo1.docx", "memo1.pdf", "memo2.docx", "memo2.pdf", "memo3.docx", "memo3.pdf"},
				DescriptiveNames: {
					"2024-11-20-tjansteskrivelse_memo1.docx", "2024-11-20-tjansteskrivelse_memo1.pdf",
					"2024-11-20-tjansteskrivelse_memo2.docx", "2024-11-20-tjansteskrivelse_memo2.pdf",
					"2024-11-20-tjansteskrivelse_memo3.docx", "2024-11-20-tjansteskrivelse_memo3.pdf",
					"hsn/2024-11-20-tjansteskrivelse_memo4.docx", "hsn/2024-11-20-tjansteskrivelse_memo4.pdf",
				},
			}[names]
			assert.Equal(t, want, full)

			// Two shards into one new directory, and into two merged.
			shared := filepath.Join(t.TempDir(), "shared")
			var merged []string
			for i := 1; i <= 2; i++ {
				own := filepath.Join(t.TempDir(), "own")
				for _, o := range []string{shared, own} {
					run(t, p, Options{Paths: []string{data}, Out: o, Names: names, Shard: Shard{i, 2}})
				}
				merged = append(merged, files(t, own)...)
			}
			sort.Strings(merged)
			assert.Equal(t, full, merged)
			assert.Equal(t, full, files(t, shared))
			s, _ = run(t, p, Options{Paths: []string{data}, Out: shared, Names: names})
			assert.Equal(t, 4, s.Skipped, "the shards' manifest lines are all there")

			// Adding a document of the same day changes no existing file.
			before := snapshot(t, out)
			write(t, filepath.Join(data, "memo0.yaml"), dated)
			s, _ = run(t, p, Options{Paths: []string{data}, Out: out, Names: names})
			assert.Equal(t, 1, s.Built)
			assert.Equal(t, 4, s.Skipped)
			after := snapshot(t, out)
			for f, b := range before {
				assert.Equal(t, b, after[f], f)
			}
		})
	}
}

// snapshot maps the files under dir to their content.
func snapshot(t *testing.T, dir string) map[string]string {
	m := map[string]string{}
	for _, f := range files(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, f))
		require.NoError(t, err)
		m[f] = string(b)
	}
	return m
}

func TestNameCollisions(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	for p, c := range map[string]string{
		"a/x.yaml": memo2, "a/x.yml": memo2, // one directory, two extensions
		"a/Y.yaml": memo2, "a/sub/y.yaml": memo2, "a/y.yaml": memo2, // case
		"a/z.yaml": memo2, "b/z.yaml": memo2, // one path under two roots
		"a/ok.yaml": memo2, "b/sub/ok.yaml": memo2,
	} {
		write(t, filepath.Join(root, p), c)
	}
	for _, names := range []Naming{PathNames, DescriptiveNames} {
		out := filepath.Join(t.TempDir(), "out")
		s, c := run(t, newFake(t), Options{Paths: []string{a, b}, Out: out, Names: names})
		assert.Equal(t, 3, s.Built, names)
		assert.Equal(t, 6, s.Failed, names)
		for _, r := range c.results {
			if r.Status != Failed {
				continue
			}
			msg := r.Diagnostics.Error()
			assert.Contains(t, msg, "would have the name of those of", r.Source)
			switch filepath.Base(r.Source) {
			case "x.yaml":
				assert.Contains(t, msg, "a/x.yml")
			case "x.yml":
				assert.Contains(t, msg, "a/x.yaml")
			case "z.yaml":
				assert.Contains(t, msg, "/z.yaml")
			}
		}
		m, err := manifest.Read(out)
		require.NoError(t, err)
		assert.Len(t, m.Entries, 3)
	}
}

// A build into a directory that another build of other sources wrote
// does not overwrite those outputs, and the manifest never holds two
// sources for one output.
func TestOtherSourcesOutputsAreKept(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	a, b, out := filepath.Join(root, "a"), filepath.Join(root, "b"), filepath.Join(root, "out")
	write(t, filepath.Join(a, "memo.yaml"), memo2)
	write(t, filepath.Join(b, "memo.yaml"), strings.Replace(memo2, "Annan", "Bs", 1))
	p := newFake(t)
	s, _ := run(t, p, Options{Paths: []string{a}, Out: out})
	require.Equal(t, 1, s.Built)
	pdf, err := os.ReadFile(filepath.Join(out, "memo.pdf"))
	require.NoError(t, err)

	s, c := run(t, p, Options{Paths: []string{b}, Out: out})
	assert.Equal(t, 1, s.Failed)
	assert.Contains(t, c.diagnostics().Error(), "memo.pdf is the output of "+filepath.ToSlash(filepath.Join(a, "memo.yaml")))
	again, err := os.ReadFile(filepath.Join(out, "memo.pdf"))
	require.NoError(t, err)
	assert.Equal(t, pdf, again, "a's output is untouched")

	// Once a's source is gone, b may take the name.
	require.NoError(t, os.RemoveAll(a))
	s, _ = run(t, p, Options{Paths: []string{b}, Out: out})
	assert.Equal(t, 1, s.Built)
	m, err := manifest.Read(out)
	require.NoError(t, err)
	owners := map[string]string{}
	for src, e := range m.Entries {
		for _, o := range e.Outputs {
			assert.Empty(t, owners[o.Path], "%s has two sources", o.Path)
			owners[o.Path] = src
		}
	}
	assert.Equal(t, filepath.ToSlash(filepath.Join(b, "memo.yaml")), owners["memo.pdf"])
}

// Switching the naming rule renames the outputs and removes the old ones,
// which the manifest knows.
func TestRenamedOutputsRemoveOld(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	p := newFake(t)
	run(t, p, Options{Paths: []string{data}, Out: out})
	s, _ := run(t, p, Options{Paths: []string{data}, Out: out, Names: DescriptiveNames})
	assert.Equal(t, 4, s.Built)
	assert.NoFileExists(t, filepath.Join(out, "memo.pdf"))
	assert.FileExists(t, filepath.Join(out, "2024-11-20-hsn-1203-2024-tjansteskrivelse_memo.pdf"))

	// A descriptive name follows the document's date.
	write(t, filepath.Join(data, "memo.yaml"), strings.Replace(memo, "2024-11-20", "2024-11-21", 1))
	run(t, p, Options{Paths: []string{data}, Out: out, Names: DescriptiveNames})
	assert.NoFileExists(t, filepath.Join(out, "2024-11-20-hsn-1203-2024-tjansteskrivelse_memo.pdf"))
	assert.FileExists(t, filepath.Join(out, "2024-11-21-hsn-1203-2024-tjansteskrivelse_memo.pdf"))
	s, _ = run(t, p, Options{Paths: []string{data}, Out: out, Names: DescriptiveNames})
	assert.Equal(t, 4, s.Skipped)
}

func TestCannotEscapeOut(t *testing.T) {
	t.Parallel()
	evil := "typ: tjänsteskrivelse\nversion: 1\ntitel: x\ndatum: 2024-11-20\ndiarienummer: ../../../../etc/passwd\x00\nnämnd: HSN\nsammanfattning: Text.\nförslag_till_beslut: Ja.\n"
	root := t.TempDir()
	data, out := filepath.Join(root, "a", "data"), filepath.Join(root, "a", "out")
	write(t, filepath.Join(data, "evil.yaml"), strings.ReplaceAll(evil, "\x00", ""))
	write(t, filepath.Join(data, "abs.yaml"), strings.Replace(evil, "../../../../etc/passwd\x00", "/tmp/abs", 1))
	write(t, filepath.Join(data, "long.yaml"), strings.Replace(evil, "../../../../etc/passwd\x00", strings.Repeat("../", 200), 1))
	p := newFake(t)
	s, _ := run(t, p, Options{Paths: []string{data}, Out: out, Names: DescriptiveNames})
	assert.Equal(t, 3, s.Built)
	for _, f := range files(t, out) {
		assert.True(t, filepath.IsLocal(f), f)
		assert.LessOrEqual(t, len(filepath.Base(f)), 120)
	}
	assert.FileExists(t, filepath.Join(out, "2024-11-20-etc-passwd-tjansteskrivelse_evil.pdf"))
	assert.Empty(t, filter(allFiles(t, root), "", "a/data/", "a/out/"), "nothing outside out/ and data/")

	// A manifest that points outside out/ is not trusted.
	victim := filepath.Join(root, "victim.txt")
	write(t, victim, "keep")
	m, err := manifest.Read(out)
	require.NoError(t, err)
	m.Entries[filepath.ToSlash(filepath.Join(data, "gone.yaml"))] = &manifest.Entry{SHA256: "x", Name: "x",
		Outputs: map[string]*manifest.Output{"pdf": {Path: "../victim.txt"}}}
	require.NoError(t, m.Write(out))
	run(t, p, Options{Paths: []string{data}, Out: out, Prune: true})
	assert.FileExists(t, victim)
}

// A symbolic link inside the output directory, to a directory or a file
// elsewhere, is refused with a clear error, and nothing is written
// through it.
func TestSymlinksInOut(t *testing.T) {
	t.Parallel()
	data, out := tree(t, map[string]string{"organisation.yaml": org, "hsn/a.yaml": memo2, "b.yaml": memo2})
	elsewhere := t.TempDir()
	require.NoError(t, os.MkdirAll(out, 0o755))
	if err := os.Symlink(elsewhere, filepath.Join(out, "hsn")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	victim := filepath.Join(elsewhere, "victim.pdf")
	write(t, victim, "keep")
	require.NoError(t, os.Symlink(victim, filepath.Join(out, "b.pdf")))

	s, c := run(t, newFake(t), Options{Paths: []string{data}, Out: out})
	assert.Equal(t, 2, s.Failed)
	msg := c.diagnostics().Error()
	assert.Contains(t, msg, filepath.Join(out, "hsn")+" is a symbolic link")
	assert.Contains(t, msg, filepath.Join(out, "b.pdf")+" is a symbolic link")
	entries, err := os.ReadDir(elsewhere)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "nothing written elsewhere")
	b, _ := os.ReadFile(victim)
	assert.Equal(t, "keep", string(b))
}

func allFiles(t *testing.T, dir string) []string {
	var out []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	}))
	return out
}

// filter keeps the paths with the prefix, minus those with any of the
// excluded prefixes.
func filter(paths []string, prefix string, exclude ...string) []string {
	var out []string
next:
	for _, p := range paths {
		if !strings.HasPrefix(p, prefix) {
			continue
		}
		for _, e := range exclude {
			if strings.HasPrefix(p, e) {
				continue next
			}
		}
		out = append(out, p)
	}
	return out
}

func TestPrune(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	p := newFake(t)
	opt := Options{Paths: []string{data}, Out: out}
	run(t, p, opt)
	require.NoError(t, os.Remove(filepath.Join(data, "sub", "annan-memo.yaml")))

	s, _ := run(t, p, opt)
	assert.Len(t, s.Orphans, 2)
	assert.False(t, s.Pruned)
	assert.FileExists(t, s.Orphans[0])

	s, _ = run(t, p, Options{Paths: []string{data}, Out: out, Prune: true})
	assert.Len(t, s.Orphans, 2)
	assert.True(t, s.Pruned)
	assert.NoFileExists(t, s.Orphans[0])
	assert.NoFileExists(t, s.Orphans[1])
	assert.NoDirExists(t, filepath.Dir(s.Orphans[0]), "the folder --prune empties goes too")

	s, _ = run(t, p, opt)
	assert.Empty(t, s.Orphans)
	assert.Equal(t, 3, s.Skipped)
}

func TestShards(t *testing.T) {
	t.Parallel()
	fs := map[string]string{"organisation.yaml": org}
	for i := range 40 {
		fs[filepath.Join("d", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".yaml")] = memo2
	}
	data, out := tree(t, fs)
	p := newFake(t)
	seen := map[string]int{}
	const n = 3
	for i := 1; i <= n; i++ {
		s, c := run(t, p, Options{Paths: []string{data}, Out: out, Shard: Shard{Index: i, Count: n}})
		assert.NotZero(t, s.Built, "shard %d is not empty", i)
		for _, r := range c.results {
			seen[r.Source]++
		}
	}
	assert.Len(t, seen, 40)
	for src, k := range seen {
		assert.Equal(t, 1, k, src)
	}
}

func TestParseShard(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]Shard{"1/1": {1, 1}, "2/4": {2, 4}, " 3 / 3 ": {3, 3}} {
		got, err := ParseShard(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got)
	}
	for _, s := range []string{"", "0/2", "3/2", "1/0", "a/b", "1", "-1/2"} {
		_, err := ParseShard(s)
		assert.Error(t, err, s)
	}
}

func TestParseNaming(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]Naming{"": PathNames, "sökväg": PathNames, "path": PathNames, "Beskrivande": DescriptiveNames, "descriptive": DescriptiveNames} {
		got, err := ParseNaming(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got, s)
	}
	_, err := ParseNaming("datum")
	assert.ErrorContains(t, err, "sökväg")
}

func TestObserverAndWarnings(t *testing.T) {
	t.Parallel()
	data, out := tree(t, map[string]string{"organisation.yaml": org, "d.yaml": strings.Replace(directive, "titel: Nära vård 2025\n", "", 1)})
	p := newFake(t)
	s, c := run(t, p, Options{Paths: []string{data}, Out: out})
	assert.Equal(t, 1, c.total)
	assert.Equal(t, map[string]Status{"d.yaml": Built}, c.statuses())
	require.Len(t, c.diagnostics(), 1)
	assert.Equal(t, diag.Warning, c.diagnostics()[0].Severity)
	assert.True(t, s.OK())

	// The warning is repeated from the manifest when the document is skipped.
	s, c = run(t, p, Options{Paths: []string{data}, Out: out})
	require.Equal(t, 1, s.Skipped)
	require.Len(t, c.results[0].Warnings, 1)
	assert.Contains(t, c.results[0].Warnings[0], "no title")
	rep := NewSourceReport(c.results[0])
	require.Len(t, rep.Warnings, 1)
}

func TestSingleFileAndCancel(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	p := newFake(t)
	s, _ := run(t, p, Options{Paths: []string{filepath.Join(data, "sub", "annan-memo.yaml")}, Out: out})
	assert.Equal(t, 1, s.Built)
	assert.FileExists(t, filepath.Join(out, "annan-memo.pdf"))

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Run(ctx, p, Options{Paths: []string{data}, Out: out})
	assert.ErrorIs(t, err, context.Canceled)
}

func TestNoDocuments(t *testing.T) {
	t.Parallel()
	data, out := tree(t, map[string]string{"organisation.yaml": org})
	_, err := Run(context.Background(), newFake(t), Options{Paths: []string{data}, Out: out})
	assert.ErrorContains(t, err, "no documents")
	empty := t.TempDir()
	_, err = Run(context.Background(), newFake(t), Options{Paths: []string{empty}, Out: out})
	assert.ErrorContains(t, err, "no documents")

	// A shard with no documents of its own is no error.
	data, out = tree(t, map[string]string{"a.yaml": memo2})
	for i := 1; i <= 2; i++ {
		_, err := Run(context.Background(), newFake(t), Options{Paths: []string{data}, Out: out, Shard: Shard{i, 2}})
		assert.NoError(t, err)
	}
}

// Two builds into one output directory at once, such as two shards of a
// CI matrix on one runner: one waits for the other, and the manifest then
// holds every document of both.
func TestConcurrentBuilds(t *testing.T) {
	t.Parallel()
	fs := map[string]string{"organisation.yaml": org}
	for i := range 20 {
		fs[filepath.Join("d", string(rune('a'+i))+".yaml")] = memo2
	}
	data, out := tree(t, fs)
	var wg sync.WaitGroup
	sums := make([]*Summary, 2)
	for i := range 2 {
		wg.Go(func() {
			s, err := Run(context.Background(), newFake(t), Options{Paths: []string{data}, Out: out, Shard: Shard{i + 1, 2}, Jobs: 2})
			assert.NoError(t, err)
			sums[i] = s
		})
	}
	wg.Wait()
	require.NotNil(t, sums[0])
	require.NotNil(t, sums[1])
	assert.Equal(t, 20, sums[0].Built+sums[1].Built)
	m, err := manifest.Read(out)
	require.NoError(t, err)
	assert.Len(t, m.Entries, 20)
	s, _ := run(t, newFake(t), Options{Paths: []string{data}, Out: out})
	assert.Equal(t, 20, s.Skipped)
}

// While another build holds the output directory, a build waits (and says
// so) or, with NoWait, fails at once.
func TestLockWaitAndNoWait(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	o, err := openOut(out)
	require.NoError(t, err)
	defer o.Close()
	held, err := lockOut(context.Background(), o, true, nil)
	require.NoError(t, err)

	_, err = Run(context.Background(), newFake(t), Options{Paths: []string{data}, Out: out, NoWait: true})
	assert.ErrorIs(t, err, ErrBusy)
	assert.ErrorContains(t, err, LockName)

	// The waiting build tells its observer; the lock is released then.
	c := &waitThenRelease{release: func() { held.Unlock() }}
	s, err := Run(context.Background(), newFake(t), Options{Paths: []string{data}, Out: out, Observer: c})
	require.NoError(t, err)
	assert.Equal(t, []string{out}, c.waited)
	assert.Equal(t, 4, s.Built)
}

type waitThenRelease struct {
	collect
	release func()
}

func (w *waitThenRelease) Waiting(out string) {
	w.collect.Waiting(out)
	w.release()
}

func TestOutIsNotADirectory(t *testing.T) {
	t.Parallel()
	data, _ := exampleTree(t)
	file := filepath.Join(t.TempDir(), "file")
	write(t, file, "x")
	_, err := Run(context.Background(), newFake(t), Options{Paths: []string{data}, Out: file})
	assert.ErrorContains(t, err, "output directory")
}

// A read-only output directory stops the build before it starts, with the
// reason, rather than failing every document.
func TestReadOnlyOut(t *testing.T) {
	t.Parallel()
	if os.Geteuid() == 0 {
		t.Skip("root writes to read-only directories")
	}
	data, out := exampleTree(t)
	require.NoError(t, os.MkdirAll(out, 0o555))
	_, err := Run(context.Background(), newFake(t), Options{Paths: []string{data}, Out: out})
	assert.ErrorContains(t, err, "cannot write to the output directory")
	assert.ErrorContains(t, err, "permission denied")
}
