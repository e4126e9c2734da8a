// Package batch is `underlag build`: it turns every document file under
// the given paths into PDF and DOCX files (or Markdown) in an output
// directory that mirrors the data tree, in parallel on all cores, and skips
// the documents whose inputs have not changed since the last build.
//
// The work shared by all documents is the pipeline's, prepared once
// (templates, fonts, styles, registries read once per tree). Each document
// then goes through the build on its own, start to end: its source is
// hashed and compared with the manifest of the last build; unless
// everything it is made from is unchanged and its outputs are intact, it
// is loaded, checked, composed, rendered and written; its manifest line is
// appended to the journal; its result goes to the Observer; and nothing of
// it is kept. A build's memory does not grow with the number of documents,
// apart from their paths and their manifest entries.
//
// An output's name depends only on its source's path (see Naming), never
// on which other documents are in the run, so that the shards of a CI
// matrix write exactly the files a whole build writes, and adding a
// document never changes what an existing path holds. Two sources whose
// outputs would share a name are an error that names both.
//
// One build at a time writes to an output directory: a second waits for
// the lock file in it (see LockName), or fails at once with NoWait.
//
// A document that fails leaves nothing behind that looks fresh: its outputs
// from earlier builds are removed and its manifest entry dropped, so that
// the output directory never holds a file that disagrees with its data and
// the next build tries it again.
package batch

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/underlag/underlag/generator/batch/manifest"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/generator/pipeline"
)

// Options are the choices of one build.
type Options struct {
	Paths   []string // files and directories to build; default "data"
	Out     string   // output directory; default "out"
	Formats []string // format names; default the pipeline's default formats
	Names   Naming   // how outputs are named; default PathNames
	Force   bool     // rebuild everything, ignoring the manifest
	Prune   bool     // remove the outputs of sources that no longer exist
	Shard   Shard    // build only this shard's part of the sources
	Jobs    int      // parallel workers; default GOMAXPROCS
	// NoWait fails the build with ErrBusy when another build is writing
	// to Out, instead of waiting for it.
	NoWait bool
	// Observer is told of the build's progress; nil for none. It may
	// also be a Waiter.
	Observer Observer
}

// Observer follows a build, for progress bars, log lines and reports. The
// build calls it from one goroutine at a time.
type Observer interface {
	// Start is called once, when the number of documents is known.
	Start(total int)
	// Done is called once per document, in the order of their sources'
	// paths, as soon as the document and those before it are done. The
	// Result is the observer's to keep or drop; the build keeps nothing of
	// it.
	Done(r *Result)
}

// Waiter is an Observer that is told when the build waits for another
// build to finish writing to the output directory.
type Waiter interface {
	Waiting(out string)
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
	Source      string   // slash-separated and cleaned: the manifest's key
	File        string   // as found, for comparing with diagnostics' files
	Status      Status   //
	Outputs     []Output // in format order; empty when failed
	Diagnostics diag.List
	// Warnings repeated from the manifest for a skipped document, whose
	// source was not parsed this time.
	Warnings []string
}

// Output is one written (or skipped, still valid) output file.
type Output struct {
	Format string
	Path   string // the file, under Options.Out
	SHA256 string
	Size   int64
	Pages  int // PDF only; 0 when unknown
}

// Summary is the outcome of a build: counts, not documents, so that it
// stays small however many documents there are. What became of each
// document went to the Observer.
type Summary struct {
	Total    int // documents in this build (this shard's)
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

// OK reports whether every document was built or skipped.
func (s *Summary) OK() bool { return s.Failed == 0 }

// maxNotes bounds Summary.Notes: a problem that recurs for every document
// (a full disk) is said a few times, then counted.
const maxNotes = 20

func (s *Summary) note(format string, args ...any) {
	switch {
	case len(s.Notes) < maxNotes:
		s.Notes = append(s.Notes, fmt.Sprintf(format, args...))
	case len(s.Notes) == maxNotes:
		s.Notes = append(s.Notes, "and more notes like these")
	}
}

// Run builds the documents under opt.Paths. Problems with documents go to
// the Observer and are counted in the Summary; the error is for problems
// that stop the whole build: no documents to build, an output directory
// that cannot be written or is held by another build with NoWait, or ctx
// done. When ctx is done, what was finished is in the manifest.
func Run(ctx context.Context, p Pipeline, opt Options) (*Summary, error) {
	start := time.Now()
	if err := opt.complete(p); err != nil {
		return nil, err
	}
	files, srcs, roots, err := sources(p, opt.Paths, opt.Out)
	if err != nil {
		return nil, err
	}
	out, err := openOut(opt.Out)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	defer out.Close()
	var wait func(string)
	if w, ok := opt.Observer.(Waiter); ok {
		wait = w.Waiting
	}
	lock, err := lockOut(ctx, out, opt.NoWait, wait)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	defer lock.Unlock()

	// Read only once the lock is ours: the build before may have just
	// written it.
	b, err := newBatch(p, opt, out, roots, srcs)
	if err != nil {
		return nil, err
	}
	b.buildAll(ctx, files, srcs)
	if err := b.finish(ctx); err != nil {
		return nil, err
	}
	b.sum.Duration = time.Since(start)
	return b.sum, nil
}

// complete fills in the defaults of the options and checks that the
// pipeline was prepared for every format asked for.
func (opt *Options) complete(p Pipeline) error {
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
	for _, f := range opt.Formats {
		if !slices.ContainsFunc(p.Formats(), func(pf pipeline.Format) bool { return pf.Name == f }) {
			return fmt.Errorf("build: the pipeline was not prepared for %s", f)
		}
	}
	return nil
}

// sources finds the document files under paths, leaving out the output
// directory out, as found (files) and as
// the manifest keys them (srcs: slash-separated, cleaned), and the roots
// their outputs are named from.
func sources(p Pipeline, paths []string, out string) (files, srcs []string, roots []root, err error) {
	files, err = p.Find(paths)
	if err != nil {
		return nil, nil, nil, err
	}
	// The output directory is never data, whatever it is named.
	files = slices.DeleteFunc(files, func(f string) bool { return under(out, f) })
	roots, err = rootsOf(paths)
	if err != nil {
		return nil, nil, nil, err
	}
	// Registry files have no output of their own: they are read by the
	// documents that draw on them.
	files = slices.DeleteFunc(files, p.Registry)
	if len(files) == 0 {
		return nil, nil, nil, fmt.Errorf("no documents (*.yaml, *.yml other than %s) in %s", strings.Join(model.RegistryFiles, ", "), strings.Join(paths, ", "))
	}
	srcs = make([]string, len(files))
	for i, f := range files {
		srcs[i] = filepath.ToSlash(filepath.Clean(f))
	}
	return files, srcs, roots, nil
}

// newBatch starts a build into the locked output directory: it reads the
// manifest of the last build (an unreadable one is a note, and everything
// is rebuilt) and opens the journal.
func newBatch(p Pipeline, opt Options, out *outDir, roots []root, srcs []string) (*batch, error) {
	sum := &Summary{}
	m, err := manifest.Read(opt.Out)
	if err != nil {
		sum.note("%v", err)
	}
	j, err := manifest.OpenJournal(out.root)
	if err != nil {
		return nil, fmt.Errorf("build: cannot write to the output directory %s: %w", opt.Out, unwrapPath(err))
	}
	found := make(map[string]bool, len(srcs))
	for _, s := range srcs {
		found[s] = true
	}
	return &batch{
		p: p, opt: opt, out: out, roots: roots, found: found,
		clash: collisions(roots, srcs), m: m, j: j, sum: sum,
		hashes: newFileHashes(), claimed: map[string]string{},
	}, nil
}

// buildAll builds this shard's sources, tells the observer, and counts
// what became of them.
func (b *batch) buildAll(ctx context.Context, files, srcs []string) {
	var mine []int
	for i, src := range srcs {
		if b.opt.Shard.Contains(src) {
			mine = append(mine, i)
		}
	}
	b.sum.Total = len(mine)
	if b.opt.Observer != nil {
		b.opt.Observer.Start(len(mine))
	}
	itemOf := func(k int) *item { return b.item(files[mine[k]], srcs[mine[k]]) }
	own := make([]string, len(mine))
	for k, i := range mine {
		own[k] = files[i]
	}
	b.ahead = newAhead(ctx, own, itemOf, b.buildSafely)
	b.ahead.learn(b.m)
	b.run(ctx, len(mine), itemOf, func(r *Result) {
		switch r.Status {
		case Built:
			b.sum.Built++
		case Skipped:
			b.sum.Skipped++
		case Failed:
			b.sum.Failed++
		}
		if b.opt.Observer != nil {
			b.opt.Observer.Done(r)
		}
	})
}

// finish finds the orphans of a build that ran to its end, and compacts
// the journal into the manifest: also when cancelled, so that what was
// finished is kept. It returns ctx's error when the build was cancelled.
func (b *batch) finish(ctx context.Context) error {
	if ctx.Err() == nil {
		b.orphans()
	}
	jerr := b.j.Close()
	if err := b.m.Write(b.opt.Out); err != nil {
		return fmt.Errorf("build: %w", errors.Join(err, jerr))
	}
	return ctx.Err()
}

// batch is one run of the build.
type batch struct {
	p      Pipeline
	opt    Options
	out    *outDir
	roots  []root
	found  map[string]bool     // every document source found, in any shard
	clash  map[string][]string // sources whose outputs would share a name
	hashes *fileHashes
	ahead  *ahead // builds ahead of their turn (ahead.go); nil outside buildAll

	mu      sync.Mutex // guards what follows
	m       *manifest.Manifest
	j       *manifest.Journal
	claimed map[string]string // output path → source writing it now
	sum     *Summary          // Notes only, while workers run
}

// item is one source file on its way through the build.
type item struct {
	src      string // slash-separated, cleaned: the manifest key
	file     string // as found
	dir      string // output directory, slash-separated, "" for the top
	stem     string // the source's name without extension
	pathName string // the outputs' name under PathNames, "" if none
	nameErr  error  // why there is none
	sum      string // sha256 of the source's bytes
	early    bool   // built ahead of its turn (ahead.go), and so builds nothing ahead itself
}

func (b *batch) item(file, src string) *item {
	it := &item{src: src, file: file}
	it.dir, it.stem = place(b.roots, src)
	it.pathName, it.nameErr = outputName(PathNames, it.dir, it.stem, "")
	return it
}

func (b *batch) output(f string, o *manifest.Output) Output {
	return Output{Format: f, Path: filepath.Join(b.opt.Out, filepath.FromSlash(o.Path)), SHA256: o.SHA256, Size: o.Size, Pages: o.Pages}
}

// orphans finds the entries of sources that no longer exist under the
// paths built (in this shard) and, with Prune, removes their outputs.
func (b *batch) orphans() {
	b.mu.Lock()
	defer b.mu.Unlock()
	var gone []string
	for src := range b.m.Entries {
		if !b.found[src] && underRoots(b.roots, src) && b.opt.Shard.Contains(src) {
			gone = append(gone, src)
		}
	}
	slices.Sort(gone)
	for _, src := range gone {
		var outs []string
		for _, o := range b.m.Entries[src].Outputs {
			outs = append(outs, o.Path)
		}
		slices.Sort(outs)
		for _, o := range outs {
			b.sum.Orphans = append(b.sum.Orphans, filepath.Join(b.opt.Out, filepath.FromSlash(o)))
			if b.opt.Prune {
				b.removeLocked(src, o)
			}
		}
		if b.opt.Prune {
			b.m.Delete(src)
			b.journal(b.j.Delete(src))
		}
	}
	b.sum.Pruned = b.opt.Prune && len(b.sum.Orphans) > 0
}

// removeLocked removes an output of src that is stale, unless another
// source holds or is writing that path now.
func (b *batch) removeLocked(src, rel string) {
	if o := b.m.Owner(rel); o != "" && o != src {
		return
	}
	if c := b.claimed[rel]; c != "" && c != src {
		return
	}
	if err := b.out.remove(rel); err != nil {
		b.sum.note("remove stale output: %v", err)
	}
}

func (b *batch) journal(err error) {
	if err != nil {
		b.sum.note("%v; the next build redoes what this one did", err)
	}
}

// Observers is an Observer that tells each of obs in turn, and each that
// is a Waiter when the build waits.
func Observers(obs ...Observer) Observer { return observers(obs) }

type observers []Observer

func (o observers) Start(total int) {
	for _, x := range o {
		x.Start(total)
	}
}

func (o observers) Done(r *Result) {
	for _, x := range o {
		x.Done(r)
	}
}

func (o observers) Waiting(out string) {
	for _, x := range o {
		if w, ok := x.(Waiter); ok {
			w.Waiting(out)
		}
	}
}
