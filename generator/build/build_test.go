package build

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/build/manifest"
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
	directive = "typ: uppdragsdirektiv\nversion: 1\ntitel: Nära vård 2025\ndatum: 2024-11-18\nbakgrund: Text.\n"
	memo      = "typ: tjänsteskrivelse\nversion: 1\ntitel: Samspelet\ndatum: 2024-11-20\ndiarienummer: HSN 1203-2024\nnämnd: HSN\nuppdragsdirektiv: direktiv.yaml\nsammanfattning: Text.\nförslag_till_beslut: Godkänna.\n"
	status    = "typ: statusrapport\nversion: 1\ntitel: Status mars\ndatum: 2025-03\nuppdragsdirektiv: direktiv.yaml\nstatus: gul\n"
	memo2     = "typ: tjänsteskrivelse\nversion: 1\ntitel: Annan\ndatum: 2025-01-10\ndiarienummer: HSN 1-2025\nnämnd: HSN\nsammanfattning: Text.\nförslag_till_beslut: Godkänna.\n"
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

func run(t *testing.T, st *fakeStack, opt Options) *Summary {
	t.Helper()
	s, err := Run(context.Background(), st.Stages, opt)
	require.NoError(t, err)
	return s
}

func statuses(s *Summary) map[string]Status {
	m := map[string]Status{}
	for _, r := range s.Results {
		m[filepath.Base(r.Source)] = r.Status
	}
	return m
}

// files lists the files under dir, relative and slash-separated.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
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

func TestBuildIncremental(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	st := newFakeStack()
	opt := Options{Paths: []string{data}, Out: out, Jobs: 2}

	s := run(t, st, opt)
	assert.Equal(t, 4, s.Built)
	assert.True(t, s.OK())
	assert.Equal(t, []string{
		manifest.Name,
		"2024-11-18-uppdragsdirektiv.docx", "2024-11-18-uppdragsdirektiv.pdf",
		"2024-11-20-hsn-1203-2024-tjansteskrivelse.docx", "2024-11-20-hsn-1203-2024-tjansteskrivelse.pdf",
		"2025-03-statusrapport.docx", "2025-03-statusrapport.pdf",
		"sub/2025-01-10-hsn-1-2025-tjansteskrivelse.docx", "sub/2025-01-10-hsn-1-2025-tjansteskrivelse.pdf",
	}, files(t, out))
	for _, r := range s.Results {
		require.Len(t, r.Outputs, 2)
		assert.Equal(t, PDF, r.Outputs[0].Format)
		assert.Positive(t, r.Outputs[0].Pages)
		assert.Len(t, r.Outputs[0].SHA256, 64)
	}

	// A second run skips everything without parsing a document.
	loads := st.loader.files.Load()
	s = run(t, st, opt)
	assert.Equal(t, 0, s.Built)
	assert.Equal(t, 4, s.Skipped)
	assert.Equal(t, int64(1), st.loader.files.Load()-loads, "only the registry file is parsed again")
	for _, r := range s.Results {
		assert.Len(t, r.Outputs, 2)
	}

	// Touching the memo rebuilds the memo only.
	touch(t, filepath.Join(data, "memo.yaml"))
	s = run(t, st, opt)
	assert.Equal(t, map[string]Status{"direktiv.yaml": Skipped, "memo.yaml": Built, "status.yaml": Skipped, "annan-memo.yaml": Skipped}, statuses(s))

	// Touching the directive rebuilds it and the documents that refer to it.
	touch(t, filepath.Join(data, "direktiv.yaml"))
	s = run(t, st, opt)
	assert.Equal(t, map[string]Status{"direktiv.yaml": Built, "memo.yaml": Built, "status.yaml": Built, "annan-memo.yaml": Skipped}, statuses(s))

	// Touching the organisation rebuilds all.
	touch(t, filepath.Join(data, "organisation.yaml"))
	s = run(t, st, opt)
	assert.Equal(t, 4, s.Built)

	// Adding a closer organisation rebuilds the documents below it.
	write(t, filepath.Join(data, "sub", "organisation.yaml"), strings.Replace(org, "Västerbotten", "Norrbotten", 1))
	s = run(t, st, opt)
	assert.Equal(t, map[string]Status{"direktiv.yaml": Skipped, "memo.yaml": Skipped, "status.yaml": Skipped, "annan-memo.yaml": Built}, statuses(s))

	// --force rebuilds all; a new fingerprint (templates, style, version) too.
	s = run(t, st, Options{Paths: []string{data}, Out: out, Force: true})
	assert.Equal(t, 4, s.Built)
	st.Fingerprint = "other templates"
	s = run(t, st, opt)
	assert.Equal(t, 4, s.Built)
}

func TestBuildRebuildsDamagedOutput(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	st := newFakeStack()
	opt := Options{Paths: []string{data}, Out: out}
	run(t, st, opt)

	require.NoError(t, os.Remove(filepath.Join(out, "2025-03-statusrapport.pdf")))
	require.NoError(t, os.WriteFile(filepath.Join(out, "2024-11-18-uppdragsdirektiv.docx"), []byte("docx ändrad för hand"), 0o644))
	s := run(t, st, opt)
	assert.Equal(t, map[string]Status{"direktiv.yaml": Built, "memo.yaml": Skipped, "status.yaml": Built, "annan-memo.yaml": Skipped}, statuses(s))
	assert.FileExists(t, filepath.Join(out, "2025-03-statusrapport.pdf"))
}

func TestBuildFormats(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	st := newFakeStack()
	s := run(t, st, Options{Paths: []string{data}, Out: out, Formats: []Format{PDF}})
	assert.Equal(t, 4, s.Built)
	assert.Zero(t, st.docx.calls.Load())
	for _, f := range files(t, out) {
		assert.False(t, strings.HasSuffix(f, ".docx"), f)
	}
	// Adding DOCX later builds the DOCX files; PDF-only runs then skip.
	s = run(t, st, Options{Paths: []string{data}, Out: out})
	assert.Equal(t, 4, s.Built)
	s = run(t, st, Options{Paths: []string{data}, Out: out, Formats: []Format{PDF}})
	assert.Equal(t, 4, s.Skipped)

	// A PDF-only rebuild of a changed memo removes its DOCX, now stale.
	touch(t, filepath.Join(data, "memo.yaml"))
	run(t, st, Options{Paths: []string{data}, Out: out, Formats: []Format{PDF}})
	assert.NoFileExists(t, filepath.Join(out, "2024-11-20-hsn-1203-2024-tjansteskrivelse.docx"))
	assert.FileExists(t, filepath.Join(out, "2024-11-18-uppdragsdirektiv.docx"))
}

func TestBuildBrokenFile(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	write(t, filepath.Join(data, "trasig.yaml"), "typ: tjänsteskrivelse\nversion: 1\ntitel: [oavslutad\n")
	write(t, filepath.Join(data, "vägrar.yaml"), "typ: statusrapport\nversion: 1\ntitel: FAIL\n")
	st := newFakeStack()
	s := run(t, st, Options{Paths: []string{data}, Out: out})
	assert.Equal(t, 4, s.Built)
	assert.Equal(t, 2, s.Failed)
	assert.False(t, s.OK())
	ds := s.Diagnostics()
	require.Len(t, ds, 2)
	assert.Equal(t, filepath.Join(data, "trasig.yaml"), ds[0].File)
	assert.Positive(t, ds[0].Line)
	assert.Equal(t, filepath.Join(data, "vägrar.yaml"), ds[1].File)
	assert.Equal(t, 3, ds[1].Line)
	assert.Len(t, files(t, out), 9, "the good documents' outputs and the manifest")

	rep := NewReport(s, Shard{})
	require.Len(t, rep.Sources, 6)
	var failed []SourceReport
	for _, sr := range rep.Sources {
		if sr.Status == Failed {
			failed = append(failed, sr)
		}
	}
	require.Len(t, failed, 2)
	assert.Contains(t, failed[1].Errors[0].Text, "vägrar.yaml:3:8: titel: compose refused")
}

func TestBuildFailureRemovesOldOutputs(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	st := newFakeStack()
	opt := Options{Paths: []string{data}, Out: out}
	run(t, st, opt)
	pdf := filepath.Join(out, "2024-11-20-hsn-1203-2024-tjansteskrivelse.pdf")
	require.FileExists(t, pdf)

	// The memo breaks: its old outputs go, and the next run tries it again.
	write(t, filepath.Join(data, "memo.yaml"), strings.Replace(memo, "titel: Samspelet", "titel: FAIL", 1))
	s := run(t, st, opt)
	assert.Equal(t, 1, s.Failed)
	assert.NoFileExists(t, pdf)
	assert.NoFileExists(t, strings.TrimSuffix(pdf, ".pdf")+".docx")
	s = run(t, st, opt)
	assert.Equal(t, 1, s.Failed)

	// A render failure of one format leaves neither format.
	write(t, filepath.Join(data, "memo.yaml"), strings.Replace(memo, "titel: Samspelet", "titel: DOCX-FEL", 1))
	st.docx.fail = "DOCX-FEL"
	s = run(t, st, opt)
	assert.Equal(t, 1, s.Failed)
	assert.NoFileExists(t, pdf)
	for _, f := range files(t, out) {
		assert.NotContains(t, f, ".tmp", "no temporary file is left behind")
	}
}

func TestBuildRenamedOutputRemovesOld(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	st := newFakeStack()
	opt := Options{Paths: []string{data}, Out: out}
	run(t, st, opt)
	write(t, filepath.Join(data, "memo.yaml"), strings.Replace(memo, "2024-11-20", "2024-11-21", 1))
	run(t, st, opt)
	assert.NoFileExists(t, filepath.Join(out, "2024-11-20-hsn-1203-2024-tjansteskrivelse.pdf"))
	assert.FileExists(t, filepath.Join(out, "2024-11-21-hsn-1203-2024-tjansteskrivelse.pdf"))
}

func TestBuildNameCollision(t *testing.T) {
	t.Parallel()
	data, out := tree(t, map[string]string{"a.yaml": memo2, "b.yaml": memo2, "c.yaml": memo2})
	st := newFakeStack()
	s := run(t, st, Options{Paths: []string{data}, Out: out})
	assert.Equal(t, 3, s.Built)
	assert.Equal(t, []string{
		manifest.Name,
		"2025-01-10-hsn-1-2025-tjansteskrivelse-b.docx", "2025-01-10-hsn-1-2025-tjansteskrivelse-b.pdf",
		"2025-01-10-hsn-1-2025-tjansteskrivelse-c.docx", "2025-01-10-hsn-1-2025-tjansteskrivelse-c.pdf",
		"2025-01-10-hsn-1-2025-tjansteskrivelse.docx", "2025-01-10-hsn-1-2025-tjansteskrivelse.pdf",
	}, files(t, out))
	s = run(t, st, Options{Paths: []string{data}, Out: out})
	assert.Equal(t, 3, s.Skipped)
}

func TestBuildCannotEscapeOut(t *testing.T) {
	t.Parallel()
	evil := "typ: tjänsteskrivelse\nversion: 1\ntitel: x\ndatum: 2024-11-20\ndiarienummer: ../../../../etc/passwd\x00\nnämnd: HSN\n"
	root := t.TempDir()
	data, out := filepath.Join(root, "a", "data"), filepath.Join(root, "a", "out")
	write(t, filepath.Join(data, "evil.yaml"), strings.ReplaceAll(evil, "\x00", ""))
	write(t, filepath.Join(data, "abs.yaml"), strings.Replace(evil, "../../../../etc/passwd\x00", "/tmp/abs", 1))
	write(t, filepath.Join(data, "long.yaml"), strings.Replace(evil, "../../../../etc/passwd\x00", strings.Repeat("../", 200), 1))
	st := newFakeStack()
	s := run(t, st, Options{Paths: []string{data}, Out: out})
	assert.Equal(t, 3, s.Built)
	for _, f := range files(t, out) {
		assert.True(t, filepath.IsLocal(f), f)
		assert.LessOrEqual(t, len(filepath.Base(f)), 110)
	}
	// Nothing outside out/ and data/.
	assert.ElementsMatch(t, []string{"a/data/abs.yaml", "a/data/evil.yaml", "a/data/long.yaml"}, filter(files(t, root), "a/data/"))
	assert.Empty(t, filter(files(t, root), "", "a/data/", "a/out/"))
	assert.FileExists(t, filepath.Join(out, "2024-11-20-etc-passwd-tjansteskrivelse.pdf"))

	// A manifest that points outside out/ is not trusted.
	victim := filepath.Join(root, "victim.txt")
	write(t, victim, "keep")
	m, err := manifest.Read(out)
	require.NoError(t, err)
	m.Entries[filepath.ToSlash(filepath.Join(data, "gone.yaml"))] = &manifest.Entry{SHA256: "x", Name: "x",
		Outputs: map[string]*manifest.Output{"pdf": {Path: "../victim.txt"}}}
	require.NoError(t, m.Write(out))
	run(t, st, Options{Paths: []string{data}, Out: out, Prune: true})
	assert.FileExists(t, victim)
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

func TestBuildPrune(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	st := newFakeStack()
	opt := Options{Paths: []string{data}, Out: out}
	run(t, st, opt)
	require.NoError(t, os.Remove(filepath.Join(data, "sub", "annan-memo.yaml")))

	s := run(t, st, opt)
	assert.Len(t, s.Orphans, 2)
	assert.False(t, s.Pruned)
	assert.FileExists(t, s.Orphans[0])

	s = run(t, st, Options{Paths: []string{data}, Out: out, Prune: true})
	assert.Len(t, s.Orphans, 2)
	assert.True(t, s.Pruned)
	assert.NoFileExists(t, s.Orphans[0])
	assert.NoFileExists(t, s.Orphans[1])

	s = run(t, st, opt)
	assert.Empty(t, s.Orphans)
	assert.Equal(t, 3, s.Skipped)
}

func TestBuildShards(t *testing.T) {
	t.Parallel()
	fs := map[string]string{"organisation.yaml": org}
	for i := range 40 {
		fs[filepath.Join("d", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".yaml")] = strings.Replace(memo2, "HSN 1-2025", "HSN "+string(rune('a'+i%26))+"-2025", 1) + strings.Repeat("#\n", i/26)
	}
	data, out := tree(t, fs)
	st := newFakeStack()
	seen := map[string]int{}
	const n = 3
	for i := 1; i <= n; i++ {
		s := run(t, st, Options{Paths: []string{data}, Out: filepath.Join(out, string(rune('0'+i))), Shard: Shard{Index: i, Count: n}})
		assert.NotZero(t, s.Built, "shard %d is not empty", i)
		for _, r := range s.Results {
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

func TestParseFormats(t *testing.T) {
	t.Parallel()
	f, err := ParseFormats("docx, PDF,pdf")
	require.NoError(t, err)
	assert.Equal(t, []Format{PDF, DOCX}, f)
	_, err = ParseFormats("md")
	assert.ErrorContains(t, err, "valid formats are pdf and docx")
	_, err = ParseFormats("")
	assert.Error(t, err)
}

type recorder struct {
	total int
	done  []Status
}

func (r *recorder) Start(n int)     { r.total = n }
func (r *recorder) Done(re *Result) { r.done = append(r.done, re.Status) }

func TestBuildObserverAndWarnings(t *testing.T) {
	t.Parallel()
	data, out := tree(t, map[string]string{"organisation.yaml": org, "d.yaml": strings.Replace(directive, "titel: Nära vård 2025\n", "", 1)})
	st := newFakeStack()
	rec := &recorder{}
	s := run(t, st, Options{Paths: []string{data}, Out: out, Observer: rec})
	assert.Equal(t, 1, rec.total)
	assert.Equal(t, []Status{Built}, rec.done)
	require.Len(t, s.Diagnostics(), 1)
	assert.Equal(t, diag.Warning, s.Diagnostics()[0].Severity)
	assert.True(t, s.OK())

	// The warning is repeated from the manifest when the document is skipped.
	s = run(t, st, Options{Paths: []string{data}, Out: out})
	require.Equal(t, 1, s.Skipped)
	rep := NewReport(s, Shard{})
	require.Len(t, rep.Sources[0].Warnings, 1)
	assert.Contains(t, rep.Sources[0].Warnings[0].Text, "no title")
}

func TestBuildSingleFileAndCancel(t *testing.T) {
	t.Parallel()
	data, out := exampleTree(t)
	st := newFakeStack()
	s := run(t, st, Options{Paths: []string{filepath.Join(data, "sub", "annan-memo.yaml")}, Out: out})
	assert.Equal(t, 1, s.Built)
	assert.FileExists(t, filepath.Join(out, "2025-01-10-hsn-1-2025-tjansteskrivelse.pdf"))

	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	time.Sleep(time.Millisecond)
	_, err := Run(ctx, st.Stages, Options{Paths: []string{data}, Out: out})
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}
