// Package build is `underlag build`: it turns every document file of a data
// tree into PDF and DOCX files in an output directory that mirrors the tree,
// in parallel on all cores, and skips the documents whose inputs have not
// changed since the last build.
//
// The work shared by all documents is done once: one loader (each registry
// parsed once per directory), one composer (templates parsed once) and one
// renderer per format (fonts and styles prepared once), all shared read-only
// by the workers. The build itself adds little per document: each source is
// read and hashed once, each dependency (registries, directives) hashed once
// per build, outputs rendered into pooled buffers and written with one
// system call each.
//
// A build runs in three phases:
//
//  1. In parallel, each source is hashed and compared with the manifest of
//     the last build; a document whose source, dependencies, templates,
//     style and tool version are unchanged, and whose outputs are still on
//     disk with their recorded sha256, is skipped without being parsed.
//     Every other file is loaded and checked.
//  2. Output names are given out, in sorted source order, so that two
//     documents that would get the same name get distinct ones, the same way
//     on every run.
//  3. In parallel, each remaining document is composed and rendered to every
//     requested format.
//
// A document that fails leaves nothing behind that looks fresh: its outputs
// from earlier builds are removed and its manifest entry dropped, so that
// the output directory never holds a file that disagrees with its data and
// the next build tries it again.
package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/underlag/underlag/generator/build/filename"
	"github.com/underlag/underlag/generator/build/manifest"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/pipeline"
)

// Format is an output format's name, as in pipeline.Formats.
type Format = string

// Options are the choices of one build.
type Options struct {
	Paths   []string // files and directories to build; default "data"
	Out     string   // output directory; default "out"
	Formats []Format // default the pipeline's default formats (PDF and DOCX)
	Force   bool     // rebuild everything, ignoring the manifest
	Prune   bool     // remove the outputs of sources that no longer exist
	Shard   Shard    // build only this shard's part of the sources
	Jobs    int      // parallel workers; default GOMAXPROCS
	// Observer is told of the build's progress; nil for none.
	Observer Observer
}

// Observer follows a build, for progress bars and log lines. The build
// calls it from one goroutine at a time.
type Observer interface {
	// Start is called once, when the number of documents is known.
	Start(total int)
	// Done is called once per document, in the order they finish.
	Done(r *Result)
}

// Status is what became of a document.
type Status string

const (
	Built   Status = "built"
	Skipped Status = "skipped"
	Failed  Status = "failed"
)

// Result is what became of one source file.
type Result struct {
	Source      string   // as found, slash-separated
	Status      Status   //
	Outputs     []Output // in format order; empty when failed
	Diagnostics diag.List
	// Warnings repeated from the manifest for a skipped document, whose
	// source was not parsed this time.
	Warnings []string
}

// Output is one written (or skipped, still valid) output file.
type Output struct {
	Format Format
	Path   string // the file, under Options.Out
	SHA256 string
	Size   int64
	Pages  int // PDF only; 0 when unknown
}

// Summary is the outcome of a build.
type Summary struct {
	Results  []*Result // one per document, sorted by source
	Built    int
	Skipped  int
	Failed   int
	Duration time.Duration
	// Orphans are outputs whose source no longer exists; Pruned tells
	// whether they were removed.
	Orphans []string
	Pruned  bool
	// Notes are problems with the build itself that did not stop it, such
	// as an unreadable manifest (everything was rebuilt).
	Notes []string
}

// Diagnostics returns every diagnostic of every document, sorted by file
// and position, each once: a broken directive is reported by itself and by
// every memo that refers to it, but listed once.
func (s *Summary) Diagnostics() diag.List {
	var l diag.List
	seen := map[diag.Diagnostic]bool{}
	for _, r := range s.Results {
		for _, d := range r.Diagnostics {
			if !seen[d] {
				seen[d] = true
				l = append(l, d)
			}
		}
	}
	l.Sort()
	return l
}

// OK reports whether every document was built or skipped.
func (s *Summary) OK() bool { return s.Failed == 0 }

// Run builds the documents under opt.Paths. Problems with documents are in
// the Summary; the error is for problems that stop the whole build (no
// paths to read, an output directory that cannot be written).
func Run(ctx context.Context, p *pipeline.Pipeline, opt Options) (*Summary, error) {
	start := time.Now()
	if len(opt.Paths) == 0 {
		opt.Paths = []string{"data"}
	}
	if opt.Out == "" {
		opt.Out = "out"
	}
	if len(opt.Formats) == 0 {
		for _, f := range p.Formats() {
			if f.Default {
				opt.Formats = append(opt.Formats, f.Name)
			}
		}
	}
	if opt.Jobs <= 0 {
		opt.Jobs = runtime.GOMAXPROCS(0)
	}
	prepared := map[string]bool{}
	for _, f := range p.Formats() {
		prepared[f.Name] = true
	}
	for _, f := range opt.Formats {
		if !prepared[f] {
			return nil, fmt.Errorf("build: the pipeline was not prepared for %s", f)
		}
	}
	files, err := p.Find(opt.Paths)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	b := &builder{p: p, opt: opt, hashes: &fileHashes{m: map[string]*fileHash{}}, dirs: &dirCache{m: map[string]error{}}}
	sum := &Summary{}
	b.old, err = manifest.Read(opt.Out)
	if err != nil {
		sum.Notes = append(sum.Notes, err.Error())
	}
	roots, err := rootsOf(opt.Paths)
	if err != nil {
		return nil, err
	}
	found := map[string]bool{}
	for _, f := range files {
		src := filepath.ToSlash(filepath.Clean(f))
		found[src] = true
		if !opt.Shard.Contains(src) {
			continue
		}
		b.items = append(b.items, &item{src: src, file: f, dir: outDir(roots, f)})
	}
	sort.Slice(b.items, func(i, j int) bool { return b.items[i].src < b.items[j].src })

	// Phase 1: hash, compare with the manifest, load what changed.
	b.parallel(ctx, b.items, b.examine)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Phase 2: names.
	b.name()
	var docs []*item
	for _, it := range b.items {
		if !it.registry {
			docs = append(docs, it)
		}
	}
	if opt.Observer != nil {
		opt.Observer.Start(len(docs))
	}
	var todo []*item
	for _, it := range docs {
		if it.res.Status == "" {
			todo = append(todo, it)
			continue
		}
		b.done(it.res)
	}
	// Phase 3: compose, render, write.
	b.parallel(ctx, todo, func(it *item) {
		b.make(it)
		b.done(it.res)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	b.finish(sum, roots, found)
	for _, it := range docs {
		sum.Results = append(sum.Results, it.res)
		switch it.res.Status {
		case Built:
			sum.Built++
		case Skipped:
			sum.Skipped++
		case Failed:
			sum.Failed++
		}
	}
	if err := b.manifest.Write(opt.Out); err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	sum.Duration = time.Since(start)
	return sum, nil
}

// builder is one run of the build.
type builder struct {
	p        *pipeline.Pipeline
	opt      Options
	old      *manifest.Manifest
	manifest *manifest.Manifest
	items    []*item
	hashes   *fileHashes
	dirs     *dirCache
	mu       sync.Mutex // serialises Observer calls
}

// item is one source file on its way through the build.
type item struct {
	src  string // slash-separated, cleaned: the manifest key
	file string // as found
	dir  string // output subdirectory, slash-separated, "" for the top

	sum string // sha256 of the source's bytes
	old *manifest.Entry

	registry bool // a registry file: no output of its own
	loaded   bool
	doc      *pipeline.Doc
	deps     []manifest.Dep
	name     string            // base name before disambiguation
	paths    map[Format]string // output paths relative to Out, slash-separated
	entry    *manifest.Entry   // the new manifest entry, when built

	res *Result
}

func (b *builder) done(r *Result) {
	if b.opt.Observer == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.opt.Observer.Done(r)
}

// parallel runs fn on every item with opt.Jobs workers.
func (b *builder) parallel(ctx context.Context, items []*item, fn func(*item)) {
	n := min(b.opt.Jobs, len(items))
	if n <= 1 {
		for _, it := range items {
			if ctx.Err() != nil {
				return
			}
			fn(it)
		}
		return
	}
	ch := make(chan *item)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range ch {
				fn(it)
			}
		}()
	}
	for _, it := range items {
		if ctx.Err() != nil {
			break
		}
		ch <- it
	}
	close(ch)
	wg.Wait()
}

// examine is phase 1 for one source.
func (b *builder) examine(it *item) {
	it.res = &Result{Source: it.src}
	data, err := os.ReadFile(it.file)
	if err != nil {
		it.fail(diag.Diagnostic{File: it.file, Msg: fmt.Sprintf("cannot read: %v", err)})
		return
	}
	it.sum = sum(data)
	if !b.opt.Force {
		it.old = b.old.Entries[it.src]
	}
	if it.old != nil && b.fresh(it) {
		it.name = it.old.Name
		it.res.Status = Skipped
		it.res.Warnings = it.old.Warnings
		return
	}
	b.load(it)
}

// fresh reports whether the outputs recorded for it in the manifest are
// still what a build would make: same source, same dependencies, same
// fingerprint, and the files still on disk with their recorded sha256.
func (b *builder) fresh(it *item) bool {
	e := it.old
	if e.SHA256 != it.sum || e.Name == "" {
		return false
	}
	for _, d := range e.Deps {
		if b.hashes.get(filepath.FromSlash(d.Path)) != d.SHA256 {
			return false
		}
	}
	for _, f := range b.opt.Formats {
		o := e.Outputs[string(f)]
		if o == nil || o.Inputs != b.inputs(f, o.Path, it.sum, e.Deps) {
			return false
		}
		if !b.outputIntact(o) {
			return false
		}
	}
	return true
}

// outputIntact reports whether the output file is on disk with the size
// and sha256 the manifest records.
func (b *builder) outputIntact(o *manifest.Output) bool {
	p := filepath.Join(b.opt.Out, filepath.FromSlash(o.Path))
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() != o.Size || !fi.Mode().IsRegular() {
		return false
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return false
	}
	return hex.EncodeToString(h.Sum(nil)) == o.SHA256
}

// inputs is the hash of everything one output is made from.
func (b *builder) inputs(f Format, out, srcSum string, deps []manifest.Dep) string {
	h := sha256.New()
	io.WriteString(h, "underlag-build-1\x00")
	io.WriteString(h, b.p.Fingerprint())
	h.Write([]byte{0})
	io.WriteString(h, string(f))
	h.Write([]byte{0})
	io.WriteString(h, out)
	h.Write([]byte{0})
	io.WriteString(h, srcSum)
	for _, d := range deps {
		h.Write([]byte{0})
		io.WriteString(h, d.Path)
		h.Write([]byte{0})
		io.WriteString(h, d.SHA256)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (it *item) fail(ds ...diag.Diagnostic) {
	it.res.Status = Failed
	it.res.Diagnostics = append(it.res.Diagnostics, ds...)
}

// load parses and checks a source whose outputs must be made.
func (b *builder) load(it *item) {
	if it.loaded {
		return
	}
	it.loaded = true
	d, ds := b.p.Load(it.file)
	it.res.Diagnostics = append(it.res.Diagnostics, ds...)
	if d == nil {
		if ds.HasErrors() {
			it.res.Status = Failed
		} else {
			it.registry = true
		}
		return
	}
	it.doc = d
	it.deps = b.deps(d)
	m := d.Model().Base()
	it.name = filename.For(m.Date.ISO(), m.CaseNumber, string(d.Kind().Name), strings.TrimSuffix(path.Base(it.src), path.Ext(it.src)))
}

// deps hashes the files a document's outputs depend on besides its source,
// as the loader found them.
func (b *builder) deps(d *pipeline.Doc) []manifest.Dep {
	var deps []manifest.Dep
	for _, p := range d.Deps() {
		deps = append(deps, manifest.Dep{Path: filepath.ToSlash(p), SHA256: b.hashes.get(p)})
	}
	return deps
}

// name is phase 2: it gives every document its output paths, in sorted
// source order, so that names stay distinct and do not depend on timing.
// A skipped document whose paths would change is loaded again and rebuilt.
func (b *builder) name() {
	taken := map[string]bool{}
	for _, it := range b.items {
		if it.registry || it.res.Status == Failed || it.name == "" {
			continue
		}
		stem := filename.Slug(strings.TrimSuffix(path.Base(it.src), path.Ext(it.src)))
		candidates := []string{it.name}
		if stem != "" && stem != it.name {
			candidates = append(candidates, it.name+"-"+stem)
		}
		h := fnv.New32a()
		io.WriteString(h, it.src)
		candidates = append(candidates, it.name+"-"+strconv.FormatUint(uint64(h.Sum32()), 36))
		var base string
		for i, c := range candidates {
			key := path.Join(it.dir, c)
			if !taken[key] || i == len(candidates)-1 {
				base = key
				break
			}
		}
		taken[base] = true
		it.paths = map[Format]string{}
		for _, f := range b.opt.Formats {
			it.paths[f] = base + "." + string(f)
		}
		if it.res.Status == Skipped {
			for _, f := range b.opt.Formats {
				o := it.old.Outputs[string(f)]
				if o.Path != it.paths[f] {
					it.res.Status, it.res.Warnings, it.res.Outputs = "", nil, nil
					break
				}
				it.res.Outputs = append(it.res.Outputs, b.output(f, o))
			}
		}
	}
}

// make is phase 3 for one document: compose once, render each format,
// write each output.
func (b *builder) make(it *item) {
	b.load(it)
	if it.res.Status == Failed {
		return
	}
	if it.registry {
		// A file skipped by the manifest that is now a registry: it has
		// no outputs.
		it.res.Status = Failed
		it.res.Diagnostics = append(it.res.Diagnostics, diag.Diagnostic{File: it.file, Msg: "was a document in the last build and is now a registry; build again"})
		return
	}
	d, ds := b.p.Compose(it.doc)
	it.res.Diagnostics = append(it.res.Diagnostics, ds...)
	if ds.HasErrors() || d == nil {
		it.res.Status = Failed
		return
	}
	entry := &manifest.Entry{SHA256: it.sum, Deps: it.deps, Name: it.name, Outputs: map[string]*manifest.Output{}}
	for _, f := range b.opt.Formats {
		rel := it.paths[f]
		o, err := b.render(f, d, rel)
		if err != nil {
			it.res.Diagnostics = append(it.res.Diagnostics, diag.Diagnostic{File: it.file, Msg: fmt.Sprintf("%s: %v", f, err)})
			it.res.Status = Failed
			// Leave nothing of this document that looks fresh.
			for _, w := range it.res.Outputs {
				os.Remove(w.Path)
			}
			it.res.Outputs = nil
			return
		}
		o.Inputs = b.inputs(f, rel, it.sum, it.deps)
		entry.Outputs[string(f)] = o
		it.res.Outputs = append(it.res.Outputs, b.output(f, o))
	}
	for _, w := range it.res.Diagnostics.Warnings() {
		entry.Warnings = append(entry.Warnings, w.Error())
	}
	it.entry = entry
	it.res.Status = Built
}

func (b *builder) output(f Format, o *manifest.Output) Output {
	return Output{Format: f, Path: filepath.Join(b.opt.Out, filepath.FromSlash(o.Path)), SHA256: o.SHA256, Size: o.Size, Pages: o.Pages}
}

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render renders one format into a pooled buffer and writes it.
func (b *builder) render(f Format, d *doc.Document, rel string) (*manifest.Output, error) {
	buf := buffers.Get().(*bytes.Buffer)
	buf.Reset()
	defer buffers.Put(buf)
	pages, err := b.p.Render(buf, f, d)
	if err != nil {
		return nil, err
	}
	if !manifest.Local(rel) {
		return nil, fmt.Errorf("output path %q is outside the output directory", rel)
	}
	p := filepath.Join(b.opt.Out, filepath.FromSlash(rel))
	if err := b.dirs.ensure(filepath.Dir(p)); err != nil {
		return nil, err
	}
	if err := writeFile(p, buf.Bytes()); err != nil {
		return nil, err
	}
	return &manifest.Output{Path: rel, SHA256: sum(buf.Bytes()), Size: int64(buf.Len()), Pages: pages}, nil
}

// finish assembles the new manifest, removes outputs that are stale (of
// failed documents, of documents whose names changed, of other formats
// whose inputs changed) and reports or prunes the outputs of deleted
// sources.
func (b *builder) finish(s *Summary, roots []root, found map[string]bool) {
	m := manifest.New()
	for k, e := range b.old.Entries {
		m.Entries[k] = e
	}
	live := map[string]bool{} // output paths this build made or kept
	var stale []string
	for _, it := range b.items {
		if it.res == nil {
			continue
		}
		for _, p := range it.paths {
			if it.res.Status != Failed {
				live[p] = true
			}
		}
	}
	for _, it := range b.items {
		if it.registry || it.res == nil {
			delete(m.Entries, it.src)
			continue
		}
		old := b.old.Entries[it.src]
		switch it.res.Status {
		case Skipped:
		case Failed:
			delete(m.Entries, it.src)
			if old != nil {
				for _, o := range old.Outputs {
					stale = append(stale, o.Path)
				}
			}
		case Built:
			if old != nil {
				for f, o := range old.Outputs {
					if it.entry.Outputs[f] != nil {
						if o.Path != it.entry.Outputs[f].Path {
							stale = append(stale, o.Path)
						}
						continue
					}
					// A format not built this time: keep it only if it
					// would still be made the same way.
					if o.Inputs == b.inputs(Format(f), o.Path, it.sum, it.deps) && !live[o.Path] {
						it.entry.Outputs[f] = o
						live[o.Path] = true
					} else {
						stale = append(stale, o.Path)
					}
				}
			}
			m.Entries[it.src] = it.entry
		default: // not reached: cancelled
		}
	}
	// Sources gone from the tree.
	var orphanSrcs []string
	for src := range b.old.Entries {
		if !found[src] && underRoots(roots, src) && b.opt.Shard.Contains(src) {
			orphanSrcs = append(orphanSrcs, src)
		}
	}
	sort.Strings(orphanSrcs)
	for _, src := range orphanSrcs {
		e := b.old.Entries[src]
		var outs []string
		for _, o := range e.Outputs {
			outs = append(outs, o.Path)
		}
		sort.Strings(outs)
		for _, o := range outs {
			s.Orphans = append(s.Orphans, filepath.Join(b.opt.Out, filepath.FromSlash(o)))
		}
		if b.opt.Prune {
			stale = append(stale, outs...)
			delete(m.Entries, src)
		}
	}
	s.Pruned = b.opt.Prune && len(s.Orphans) > 0
	for _, p := range stale {
		if live[p] || !manifest.Local(p) {
			continue
		}
		if err := os.Remove(filepath.Join(b.opt.Out, filepath.FromSlash(p))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			s.Notes = append(s.Notes, fmt.Sprintf("remove stale output: %v", err))
		}
	}
	b.manifest = m
}

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
