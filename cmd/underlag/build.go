package main

import (
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"

	"github.com/underlag/underlag/generator/batch"
	"github.com/underlag/underlag/generator/batch/progress"
	"github.com/underlag/underlag/generator/pipeline"
)

type buildOptions struct {
	paths         []string
	formats       string
	out           string
	templates     string
	referenceDOCX string
	force         bool
	prune         bool
	shard         string
	names         string
	noWait        bool
	jobs          int
	quiet         bool
	report        string
	roots         []string
	metadata      []string // -M KEY=VALUE
	includeHidden bool
}

func newBuildCmd(a *app) *cobra.Command {
	o := &buildOptions{}
	cmd := &cobra.Command{
		Use:   "build [PATH...]",
		Short: "Generate every document under the paths as PDF and DOCX",
		Long: `Build finds every document file (uppdragsdirektiv, tjänsteskrivelse,
statusrapport) under the given files and directories (default data/) and
writes each as PDF and DOCX into the output directory, mirroring the data
tree: data/hsn/memo.yaml, built with "underlag build data", becomes
out/hsn/memo.pdf and out/hsn/memo.docx. An output's name depends only on its
source's path, so shards and incremental builds write the same files as a
whole build; with --names beskrivande the document's date, case number and
kind come first (out/hsn/2024-11-20-hsn-1203-2024-tjansteskrivelse_memo.pdf).
Two sources whose outputs would share a name (a.yaml beside a.yml) fail,
naming each other. Registry files (organisation.yaml, ordlista.yaml,
personer.yaml) produce no output of their own.

Documents are built in parallel. A manifest in the output directory records
what each output was made from; a document whose data, registries,
directive, templates, style and tool version are unchanged is skipped. The
manifest is journalled as documents finish, so a build that is killed keeps
what it finished. One build at a time writes to an output directory: another
waits for it (or, with --no-wait, fails at once).

A document that fails is listed with its position and the others are still
built; its outputs from earlier builds are removed so that nothing stale is
left looking fresh. The exit status is 1 when any document failed.`,
		Example: `  # Build everything under data/ into out/
  underlag build

  # Only PDF, into another directory, rebuilding everything
  underlag build data/ -t pdf --out dist/ --force

  # One shard of four in a CI matrix, with a JSON report
  underlag build --shard 2/4 --report report.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return runBuild(cmd, a, o)
		},
	}
	f := cmd.Flags()
	addToFlag(a, cmd, &o.formats, defaultFormats(a.formats), "output formats, comma-separated: "+strings.Join(a.formats.Names(), ", "))
	f.BoolVar(&o.includeHidden, "include-hidden", false, "read files and folders whose names start with \".\" too (skipped by default, with a note)")
	f.StringArrayVar(&o.roots, "root", nil, "a directory that references (logo, directive, attachments) may point into besides each document's data tree; repeatable")
	f.StringVarP(&o.out, "out", "o", "out", "output directory")
	// --output, as render and schema name their output: the same flag.
	f.StringVar(&o.out, "output", "out", "output directory (as --out)")
	_ = f.MarkHidden("output")
	f.StringArrayVarP(&o.metadata, "metadata", "M", nil, "set a field of every document, as pandoc's -M: KEY=VALUE (the value read as YAML), such as -M utkast=true; repeatable")
	f.StringVar(&o.templates, "templates", "", "directory of templates overriding the embedded ones file by file")
	f.StringVar(&o.referenceDOCX, "reference-docx", "", "Word file whose styles the DOCX outputs take, over the profile's referensdokument: (pandoc's --reference-doc works too)")
	f.BoolVar(&o.force, "force", false, "rebuild every document, ignoring the manifest")
	f.BoolVar(&o.prune, "prune", false, "remove outputs whose source file was deleted")
	f.StringVar(&o.shard, "shard", "", "build only shard i of n, such as 2/4, for a CI matrix")
	f.StringVar(&o.names, "names", "sökväg", "how outputs are named: sökväg (mirror the data tree: hsn/memo.pdf) or beskrivande (hsn/2024-11-20-…-tjansteskrivelse_memo.pdf)")
	f.BoolVar(&o.noWait, "no-wait", false, "fail at once when another build is writing to the output directory, instead of waiting")
	f.IntVarP(&o.jobs, "jobs", "j", 0, "documents built in parallel (default: number of CPUs)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print only errors")
	f.StringVar(&o.report, "report", "", "write a JSON report of every document to this file")
	return cmd
}

func runBuild(cmd *cobra.Command, a *app, o *buildOptions) error {
	formats, err := a.formats.Parse(o.formats)
	if err != nil {
		return usageErr(err)
	}
	var shard batch.Shard
	if o.shard != "" {
		if shard, err = batch.ParseShard(o.shard); err != nil {
			return usageErr(err)
		}
	}
	names, err := batch.ParseNaming(o.names)
	if err != nil {
		return usageErr(err)
	}
	ref, err := referenceFor(o.referenceDOCX, o.paths, o.roots)
	if err != nil {
		return err
	}
	meta, err := parseMetadata(o.metadata)
	if err != nil {
		return err
	}
	font, err := fontFor(o.paths, o.roots)
	if err != nil {
		return err
	}
	p, err := pipeline.New(pipeline.Config{Version: a.version, TemplateDir: o.templates, ReferenceDOCX: ref, Formats: formats, Roots: o.roots, Font: font, Metadata: meta, IncludeHidden: o.includeHidden})
	err = fontProblem(err, o.paths, o.roots)
	if err != nil {
		return err
	}
	printNotes(a, p.Notes())
	var fnames []string
	for _, f := range formats {
		fnames = append(fnames, f.Name)
	}
	rep := progress.New(a.errOut, progress.Choose(o.quiet, a.isTerminal))
	obs := []batch.Observer{rep, memoryObserver{}}
	var report *batch.ReportWriter
	if o.report != "" {
		// Opened first, so that a report that cannot be written fails
		// before the build, not after it.
		if report, err = batch.NewReportWriter(o.report, shard); err != nil {
			return err
		}
		obs = append(obs, report)
	}
	opt := batch.Options{Paths: o.paths, Out: o.out, Formats: fnames, Names: names, Force: o.force, Prune: o.prune,
		Shard: shard, Jobs: o.jobs, NoWait: o.noWait, Observer: batch.Observers(obs...)}
	if len(opt.Paths) == 0 {
		opt.Paths = []string{"data"}
	}
	printNotes(a, p.SkippedNotes(opt.Paths, opt.Out))
	// On Ctrl-C, stop starting documents; what was finished is in the
	// manifest.
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
	defer stop()
	sum, err := batch.Run(ctx, p, opt)
	rep.Finish()
	if report != nil {
		var rerr error
		if err != nil {
			rerr = report.Close(nil, err.Error())
		} else {
			rerr = report.Close(sum)
		}
		if rerr != nil && err == nil {
			err = rerr
		}
	}
	if err != nil {
		return err
	}
	for _, n := range sum.Notes {
		fmt.Fprintln(a.errOut, "underlag: note:", n)
	}
	if len(sum.Orphans) > 0 && !o.quiet {
		verb := "have no source any more (remove them with --prune)"
		if sum.Pruned {
			verb = "had no source any more and were removed"
		}
		fmt.Fprintf(a.errOut, "%d outputs %s:\n  %s\n", len(sum.Orphans), verb, strings.Join(sum.Orphans, "\n  "))
	}
	if !o.quiet || !sum.OK() {
		progress.Summary(a.errOut, sum)
	}
	if !sum.OK() {
		a.reported = true
		return fmt.Errorf("%d of %d documents failed", sum.Failed, sum.Total)
	}
	return nil
}
