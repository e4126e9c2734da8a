package main

import (
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"

	"github.com/underlag/underlag/generator/atomic"
	"github.com/underlag/underlag/generator/build"
	"github.com/underlag/underlag/generator/build/progress"
	"github.com/underlag/underlag/generator/diag"
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
	jobs          int
	quiet         bool
	report        string
	roots         []string
}

func newBuildCmd(a *app) *cobra.Command {
	o := &buildOptions{}
	cmd := &cobra.Command{
		Use:   "build [PATH...]",
		Short: "Generate every document under the paths as PDF and DOCX",
		Long: `Build finds every document file (uppdragsdirektiv, tjänsteskrivelse,
statusrapport) under the given files and directories (default data/) and
writes each as PDF and DOCX into the output directory, mirroring the data
tree. Registry files (organisation.yaml, ordlista.yaml, personer.yaml)
produce no output of their own.

Documents are built in parallel. A manifest in the output directory records
what each output was made from; a document whose data, registries,
directive, templates, style and tool version are unchanged is skipped.

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
	addToFlag(a, cmd, &o.formats, "pdf,docx", "output formats, comma-separated: "+strings.Join(pipeline.FormatNames(), ", "))
	f.StringArrayVar(&o.roots, "root", nil, "a directory that references (logo, directive, attachments) may point into besides each document's data tree; repeatable")
	f.StringVarP(&o.out, "out", "o", "out", "output directory")
	f.StringVar(&o.templates, "templates", "", "directory of templates overriding the embedded ones file by file")
	f.StringVar(&o.referenceDOCX, "reference-docx", "", "Word file whose styles the DOCX outputs take (pandoc's --reference-doc works too)")
	f.BoolVar(&o.force, "force", false, "rebuild every document, ignoring the manifest")
	f.BoolVar(&o.prune, "prune", false, "remove outputs whose source file was deleted")
	f.StringVar(&o.shard, "shard", "", "build only shard i of n, such as 2/4, for a CI matrix")
	f.IntVarP(&o.jobs, "jobs", "j", 0, "documents built in parallel (default: number of CPUs)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print only errors")
	f.StringVar(&o.report, "report", "", "write a JSON report of every document to this file")
	return cmd
}

func runBuild(cmd *cobra.Command, a *app, o *buildOptions) error {
	formats, err := pipeline.ParseFormats(o.formats)
	if err != nil {
		return usageErr(err)
	}
	var shard build.Shard
	if o.shard != "" {
		if shard, err = build.ParseShard(o.shard); err != nil {
			return usageErr(err)
		}
	}
	p, err := pipeline.New(pipeline.Config{Version: a.version, TemplateDir: o.templates, ReferenceDOCX: o.referenceDOCX, Formats: formats, Roots: o.roots})
	if err != nil {
		return err
	}
	var names []string
	for _, f := range formats {
		names = append(names, f.Name)
	}
	rep := progress.New(a.errOut, progress.Choose(o.quiet, a.isTerminal))
	opt := build.Options{Paths: o.paths, Out: o.out, Formats: names, Force: o.force, Prune: o.prune, Shard: shard, Jobs: o.jobs, Observer: rep}
	if len(opt.Paths) == 0 {
		opt.Paths = []string{"data"}
	}
	// Nothing to build is a mistake (a wrong folder), as for validate.
	if files, err := p.Find(opt.Paths); err != nil {
		return err
	} else if len(files) == 0 {
		return fmt.Errorf("no YAML files (*.yaml, *.yml) in %s: nothing to build", strings.Join(opt.Paths, ", "))
	}
	// On Ctrl-C, stop starting documents; what was written is not in the
	// manifest, so the next build checks it again.
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
	defer stop()
	sum, err := build.Run(ctx, p, opt)
	rep.Finish()
	if err != nil {
		return err
	}
	if o.report != "" {
		r := build.NewReport(sum, shard)
		if err := atomic.WriteFile(o.report, 0o644, r.Write); err != nil {
			return err
		}
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
	for _, d := range sum.Diagnostics() {
		if d.Severity == diag.Error || !o.quiet {
			diag.Format(a.errOut, d)
		}
	}
	if !o.quiet {
		// Warnings of skipped documents, kept from the build that made
		// them, so that they are not forgotten until the file changes.
		seen := map[string]bool{}
		for _, r := range sum.Results {
			for _, w := range r.Warnings {
				if !seen[w] {
					seen[w] = true
					fmt.Fprintln(a.errOut, w)
				}
			}
		}
	}
	if !o.quiet || !sum.OK() {
		progress.Summary(a.errOut, sum)
	}
	if !sum.OK() {
		a.reported = true
		return fmt.Errorf("%d of %d documents failed", sum.Failed, len(sum.Results))
	}
	return nil
}
