package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/underlag/underlag/generator/pipeline"
)

type validateOptions struct {
	paths         []string
	templates     string
	roots         []string
	includeHidden bool
	jobs          int
	strict        bool
}

func newValidateCmd(a *app) *cobra.Command {
	opts := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate [path...]",
		Short: "Check data files without producing documents",
		Long: `Load every YAML file under the given files and directories (default data/),
the registries they draw on (organisation.yaml, ordlista.yaml, personer.yaml in
their directory or the nearest one above it) and the directives they
reference, and check them; then compose each document with the templates, as
build would, so that a renamed heading (rubriker) or an extra section's place
(efter) that the templates do not know is caught too. Every problem is
printed as

  file:line:col: field.path: message

validate runs the review rules of ` + "`underlag lint`" + ` too (see ` + "`underlag lint --rules`" + `):
a finding ends with its rule's id in brackets. Warnings (placeholders such as
"xxxx", undefined abbreviations) are printed but do not fail, unless --strict
is given. The exit status is 1 when there is any error, or with --strict any
warning.`,
		Example: `  # Check the example data
  underlag validate

  # Check one directory and one file
  underlag validate data/hsn/ data/uppdragsdirektiv-nara-vard.yaml

  # Check against an organisation's own templates
  underlag validate --templates mallar/

  # Fail on warnings too, as CI does on the main branch
  underlag validate --strict data/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			if len(opts.paths) == 0 {
				opts.paths = []string{"data"}
			}
			return runValidate(a, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.templates, "templates", "", "directory of templates overriding the embedded ones file by file")
	f.BoolVar(&opts.includeHidden, "include-hidden", false, "read files and folders whose names start with \".\" too (skipped by default, with a note)")
	f.StringArrayVar(&opts.roots, "root", nil, "a directory that references (logo, directive, attachments) may point into besides each document's data tree; repeatable")
	f.IntVarP(&opts.jobs, "jobs", "j", 0, "files checked in parallel (default: number of CPUs)")
	f.BoolVar(&opts.strict, "strict", false, "fail (exit status 1) on warnings too, not only on errors")
	return cmd
}

func runValidate(a *app, opts *validateOptions) error {
	// No renderer is prepared: validate composes, but draws nothing.
	// The organisation's typeface, so that the glyph check follows it as
	// the build's does.
	font, err := fontFor(opts.paths, opts.roots)
	if err != nil {
		return err
	}
	p, err := pipeline.New(pipeline.Config{Version: a.version, TemplateDir: opts.templates, Roots: opts.roots, IncludeHidden: opts.includeHidden, Formats: []pipeline.Format{}, Info: true, Font: font})
	if err = fontProblem(err, opts.paths, opts.roots); err != nil {
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
	diags := p.ValidateTree(files, opts.jobs)
	a.reported = true
	printDiags(a.errOut, diags)
	run := pipeline.ReviewRun{Diags: diags, Files: len(files)}
	fmt.Fprintln(a.errOut, run.Summary())
	err = failure(run, opts.strict)
	if errs, _, _ := run.Count(); err != nil && errs == 0 {
		fmt.Fprintln(a.errOut, "underlag:", err)
	}
	return err
}

// failure is the error a run of validate or lint ends with: its errors,
// or with strict its warnings too; nil when it passed.
func failure(run pipeline.ReviewRun, strict bool) error {
	errs, warns, _ := run.Count()
	switch {
	case errs > 0:
		return run.Diags.Err()
	case strict && warns > 0:
		return fmt.Errorf("%s (--strict fails on warnings)", count(warns, "warning", "warnings"))
	}
	return nil
}

func count(n int, one, many string) string {
	return fmt.Sprintf("%d %s", n, plural(n, one, many))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
