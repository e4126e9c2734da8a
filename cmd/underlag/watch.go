package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/underlag/underlag/generator/batch"
	"github.com/underlag/underlag/generator/batch/progress"
	"github.com/underlag/underlag/generator/pipeline"
	"github.com/underlag/underlag/generator/watch"
)

type watchOptions struct {
	paths         []string
	formats       string
	out           string
	templates     string
	referenceDOCX string
	roots         []string
	metadata      []string // -M KEY=VALUE
	jobs          int
	quiet         bool

	// rounds, when set, receives each build's outcome once it is printed
	// (tests wait on it instead of sleeping).
	rounds chan<- watchRound
}

// watchRound is the outcome of one build of the watch: a summary, or an
// error that stopped it (a broken template folder).
type watchRound struct {
	changed  []string
	sum      *batch.Summary
	statuses map[string]batch.Status // by source, as the build found them
	err      error
}

// roundObserver prints a round's results as they come, as build does, and
// keeps what became of each source for the round.
type roundObserver struct {
	*progress.Reporter
	statuses map[string]batch.Status
}

func (o *roundObserver) Done(r *batch.Result) {
	o.statuses[r.Source] = r.Status
	o.Reporter.Done(r)
}

func newWatchCmd(a *app) *cobra.Command {
	o := &watchOptions{}
	cmd := &cobra.Command{
		Use:   "watch [PATH...]",
		Short: "Rebuild the documents you change, every time you save",
		Long: `Build the documents under the given files and directories (default data/),
as build does, then watch them and rebuild on every save. Only what changed
is rebuilt: the same manifest in the output directory as build's tells what
is up to date, so a changed document rebuilds itself, a changed registry
(organisation.yaml, ordlista.yaml, personer.yaml) or directive the documents
that draw on it, and a changed template everything.

Errors and warnings are printed as build prints them,

  file:line:col: error: field.path: message

with the line and a caret. A broken file is reported and the watch goes
on; save it again to retry. The folders above a data folder, up to its
organisation.yaml, and the --templates folder are watched too. Stop with
Ctrl-C.`,
		Example: `  # Rebuild data/ into out/ on every save
  underlag watch

  # Only one office's documents, only PDF
  underlag watch data/bun -t pdf

  # With the organisation's Word template
  underlag watch --reference-docx mall.docx`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			if len(o.paths) == 0 {
				o.paths = []string{"data"}
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			return runWatch(ctx, a, o)
		},
	}
	f := cmd.Flags()
	addToFlag(a, cmd, &o.formats, defaultFormats(a.formats), "output formats, comma-separated: "+strings.Join(a.formats.Names(), ", "))
	f.StringVarP(&o.out, "out", "o", "out", "output directory; outputs whose source is renamed or deleted are removed from it")
	f.StringVar(&o.out, "output", "out", "output directory (as --out)")
	_ = f.MarkHidden("output")
	f.StringArrayVarP(&o.metadata, "metadata", "M", nil, "set a field of every document, as pandoc's -M: KEY=VALUE (the value read as YAML), such as -M utkast=true; repeatable")
	f.StringVar(&o.templates, "templates", "", "directory of templates overriding the embedded ones file by file")
	f.StringVar(&o.referenceDOCX, "reference-docx", "", "Word file whose styles the DOCX outputs take (pandoc's --reference-doc works too)")
	f.StringArrayVar(&o.roots, "root", nil, "a directory that references (logo, directive, attachments) may point into besides each document's data tree; repeatable")
	f.IntVarP(&o.jobs, "jobs", "j", 0, "documents built in parallel (default: number of CPUs)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print only errors")
	return cmd
}

func runWatch(ctx context.Context, a *app, o *watchOptions) error {
	formats, err := a.formats.Parse(o.formats)
	if err != nil {
		return usageErr(err)
	}
	for _, p := range o.paths {
		if _, err := os.Stat(p); err != nil {
			return err
		}
	}
	w, err := watch.New(watchSet(o))
	if err != nil {
		return err
	}
	defer w.Close()
	a.reported = true
	rebuild := func(changed []string) {
		r := watchBuild(ctx, a, o, formats, changed)
		if ctx.Err() != nil {
			return
		}
		if !o.quiet {
			fmt.Fprintf(a.errOut, "watching %s for changes (Ctrl-C to stop)\n", strings.Join(o.paths, ", "))
		}
		if o.rounds != nil {
			o.rounds <- r
		}
	}
	rebuild(nil)
	return w.Run(ctx, rebuild)
}

// watchBuild builds once and prints what it did. A new pipeline each time:
// a pipeline's loader caches registries and directives for one run.
func watchBuild(ctx context.Context, a *app, o *watchOptions, formats []pipeline.Format, changed []string) watchRound {
	r := watchRound{changed: changed}
	if len(changed) > 0 && !o.quiet {
		fmt.Fprintf(a.errOut, "%s changed: %s\n", time.Now().Format("15:04:05"), strings.Join(relPaths(changed), ", "))
	}
	ref, err := referenceFor(o.referenceDOCX, o.paths, o.roots)
	if err != nil {
		r.err = err
		fmt.Fprintln(a.errOut, "underlag:", err)
		return r
	}
	meta, err := parseMetadata(o.metadata)
	if err != nil {
		r.err = err
		fmt.Fprintln(a.errOut, "underlag:", err)
		return r
	}
	font, err := fontFor(o.paths, o.roots)
	if err != nil {
		r.err = err
		fmt.Fprintln(a.errOut, "underlag:", err)
		return r
	}
	p, err := pipeline.New(pipeline.Config{Version: a.version, TemplateDir: o.templates, ReferenceDOCX: ref, Formats: formats, Roots: o.roots, Font: font, Metadata: meta})
	err = fontProblem(err, o.paths, o.roots)
	if err != nil {
		r.err = err
		fmt.Fprintln(a.errOut, "underlag:", err)
		return r
	}
	printNotes(a, p.Notes())
	var names []string
	for _, f := range formats {
		names = append(names, f.Name)
	}
	mode := progress.Lines
	if o.quiet {
		mode = progress.Quiet
	}
	obs := &roundObserver{Reporter: progress.New(a.errOut, mode), statuses: map[string]batch.Status{}}
	r.statuses = obs.statuses
	// Prune: a source renamed or deleted while watching takes its outputs
	// (and the folders they leave empty) with it, so out/ holds only what
	// the data makes.
	r.sum, r.err = batch.Run(ctx, p, batch.Options{Paths: o.paths, Out: o.out, Formats: names, Jobs: o.jobs, Observer: batch.Observers(obs, memoryObserver{}), Prune: true})
	obs.Finish()
	if r.err != nil {
		if ctx.Err() == nil {
			fmt.Fprintln(a.errOut, "underlag:", r.err)
		}
		return r
	}
	for _, n := range r.sum.Notes {
		fmt.Fprintln(a.errOut, "underlag: note:", n)
	}
	if len(r.sum.Orphans) > 0 && !o.quiet {
		fmt.Fprintf(a.errOut, "removed %d outputs whose source is gone:\n  %s\n", len(r.sum.Orphans), strings.Join(r.sum.Orphans, "\n  "))
	}
	if !o.quiet || !r.sum.OK() {
		progress.Summary(a.errOut, r.sum)
	}
	return r
}

// watchSet is what to watch: the data folders with the folders below them,
// the folders above them up to the organisation profile they draw on, and
// the folders of the templates, the reference document and --root; never
// the output folder.
func watchSet(o *watchOptions) watch.Options {
	var opt watch.Options
	for _, p := range o.paths {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			opt.Recursive = append(opt.Recursive, p)
		} else {
			opt.Flat = append(opt.Flat, filepath.Dir(p))
		}
		opt.Flat = append(opt.Flat, profileDirs(p)...)
	}
	if o.templates != "" {
		opt.Recursive = append(opt.Recursive, o.templates)
	}
	if o.referenceDOCX != "" {
		opt.Flat = append(opt.Flat, filepath.Dir(o.referenceDOCX))
	}
	opt.Recursive = append(opt.Recursive, o.roots...)
	out, _ := filepath.Abs(o.out)
	opt.Skip = func(dir string) bool {
		// As build finds data files: not in out/ or hidden folders.
		abs, _ := filepath.Abs(dir)
		return filepath.Base(dir) == "out" || abs == out
	}
	return opt
}

// profileDirs are the folders above path up to the nearest one with
// organisation.yaml, which a document under path draws its registries
// from; none when there is none above it.
func profileDirs(path string) []string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	if _, err := os.Stat(filepath.Join(abs, "organisation.yaml")); err == nil {
		return nil // a data folder with its own profile
	}
	var dirs []string
	for d := filepath.Dir(abs); ; d = filepath.Dir(d) {
		dirs = append(dirs, d)
		if _, err := os.Stat(filepath.Join(d, "organisation.yaml")); err == nil {
			return dirs
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if filepath.Dir(d) == d {
			return nil
		}
	}
}

// relPaths shows paths relative to the working directory where they are
// below it.
func relPaths(paths []string) []string {
	wd, _ := os.Getwd()
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = p
		if abs, err := filepath.Abs(p); err == nil {
			if rel, err := filepath.Rel(wd, abs); err == nil && filepath.IsLocal(rel) {
				out[i] = rel
			}
		}
	}
	return out
}
