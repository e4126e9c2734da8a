package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/underlag/underlag/generator/pipeline"
)

type lintOptions struct {
	paths         []string
	templates     string
	roots         []string
	includeHidden bool
	jobs          int
	strict        bool
	format        string // one of pipeline.ReportFormats()
	output        string // file for the report; "" for standard output
	rules         bool   // list the rules instead
}

func newLintCmd(a *app) *cobra.Command {
	opts := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint [path...]",
		Short: "Review data files as a committee would, with reports for people and CI",
		Long: `Check every YAML file under the given files and directories (default data/)
as validate does, with the review rules: required fields per kind, dates that
disagree within a document, documents that disagree with each other, names
spelled almost like someone else's, placeholders and undefined abbreviations.
` + "`underlag lint --rules`" + ` lists the rules with their ids and severities.

Each finding has a rule id, a severity (error, warning, info), a message, the
YAML position and a hint. Errors fail the run (exit status 1); with --strict,
warnings do too; info never does.

Silence one finding with a comment on its line, or on its key's line for a
block of text:

  risker: xxxx  # underlag:ignore placeholder

Tune the rules for every document in organisation.yaml:

  granskning:
    regler:
      undefined-abbreviation: info   # av, fel, varning or info
    tillåtna: [LSG, LPO]             # never flagged
    kräver:
      - typ: tjänsteskrivelse
        fält: [handläggare]           # required besides the kind's own

--format human (the default) groups the findings by file; json is for
scripts; sarif is SARIF 2.1.0 for GitHub code scanning; gitlab is a GitLab
Code Quality report. When GITHUB_ACTIONS=true, each finding is also written
as a workflow command (::warning file=…,line=…,col=…::), which GitHub shows
on the line in a pull request; not when a machine format goes to standard
output, which it would corrupt. With -o, the report goes to the file and the
findings for people to standard output, for the CI log.`,
		Example: `  # Review the example data
  underlag lint

  # Fail on warnings too, as CI does on the main branch
  underlag lint --strict data/

  # SARIF for GitHub code scanning, to a file
  underlag lint data/ --format sarif -o underlag.sarif

  # A GitLab Code Quality report
  underlag lint data/ --format gitlab -o gl-code-quality-report.json

  # The rules, their ids and default severities
  underlag lint --rules`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			if len(opts.paths) == 0 {
				opts.paths = []string{"data"}
			}
			return runLint(a, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "human", "report format: "+strings.Join(pipeline.ReportFormats(), ", "))
	f.StringVarP(&opts.output, "output", "o", "", "write the report to this file instead of standard output")
	f.BoolVar(&opts.strict, "strict", false, "fail (exit status 1) on warnings too, not only on errors")
	f.BoolVar(&opts.rules, "rules", false, "list the review rules and exit")
	f.StringVar(&opts.templates, "templates", "", "directory of templates overriding the embedded ones file by file")
	f.BoolVar(&opts.includeHidden, "include-hidden", false, "read files and folders whose names start with \".\" too (skipped by default, with a note)")
	f.StringArrayVar(&opts.roots, "root", nil, "a directory that references (logo, directive, attachments) may point into besides each document's data tree; repeatable")
	f.IntVarP(&opts.jobs, "jobs", "j", 0, "files checked in parallel (default: number of CPUs)")
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return pipeline.ReportFormats(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

func runLint(a *app, opts *lintOptions) error {
	rules := pipeline.DefaultRules()
	if opts.rules {
		return printRules(a.out, rules)
	}
	known := false
	for _, f := range pipeline.ReportFormats() {
		known = known || f == opts.format
	}
	if !known {
		return usageErr(fmt.Errorf("unknown --format %q; valid: %s", opts.format, strings.Join(pipeline.ReportFormats(), ", ")))
	}
	p, err := pipeline.New(pipeline.Config{Version: a.version, TemplateDir: opts.templates, Roots: opts.roots, IncludeHidden: opts.includeHidden,
		Formats: []pipeline.Format{}, Lint: rules, Info: true})
	if err != nil {
		return err
	}
	files, err := p.Find(opts.paths)
	if err != nil {
		return err
	}
	printNotes(a, p.SkippedNotes(opts.paths, ""))
	if len(files) == 0 {
		return fmt.Errorf("no YAML files (*.yaml, *.yml) in %s", strings.Join(opts.paths, ", "))
	}
	run := pipeline.ReviewRun{Linter: rules, Diags: p.ValidateTree(files, opts.jobs), Files: len(files), Version: a.version}
	if wd, err := os.Getwd(); err == nil {
		run.Base = wd
	}
	a.reported = true

	w := a.out
	if opts.output != "" {
		f, err := os.Create(opts.output)
		if err != nil {
			return fmt.Errorf("lint: %w", err)
		}
		defer f.Close()
		w = f
	}
	if err := pipeline.WriteReport(w, opts.format, run); err != nil {
		return fmt.Errorf("lint: write the report: %w", err)
	}
	if opts.output != "" {
		if err := w.(*os.File).Close(); err != nil {
			return fmt.Errorf("lint: %w", err)
		}
	}
	switch {
	case opts.format != "human" && opts.output != "":
		// The report went to a file: the CI log gets the findings for
		// people.
		if err := pipeline.WriteReport(a.out, "human", run); err != nil {
			return err
		}
	case opts.format != "human":
		fmt.Fprintln(a.errOut, run.Summary())
	}
	// Annotations go to standard output, where the runner reads workflow
	// commands, unless a machine report is being written there.
	if a.getenv("GITHUB_ACTIONS") == "true" && (opts.format == "human" || opts.output != "") {
		if err := pipeline.WriteGitHub(a.out, run); err != nil {
			return err
		}
	}
	err = failure(run, opts.strict)
	if err != nil && opts.format == "human" && opts.output == "" {
		return err // the report said it all
	}
	if err != nil {
		fmt.Fprintln(a.errOut, "underlag:", firstLine(err))
	}
	return err
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// printRules lists the rules: id, default severity, what it finds.
func printRules(w io.Writer, l *pipeline.Linter) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tFINDS")
	for _, r := range l.Rules() {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Severity, r.Summary)
	}
	fmt.Fprintf(tw, "\nLevels in organisation.yaml (granskning.regler): %s. See `underlag lint --help`.\n", strings.Join(pipeline.RuleLevels(), ", "))
	return tw.Flush()
}
