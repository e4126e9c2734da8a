package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/compose"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/load"
)

type validateOptions struct {
	paths     []string
	templates string
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

Warnings (placeholders such as "xxxx", undefined abbreviations) are printed
but do not fail. The exit status is 1 when there is any error.`,
		Example: `  # Check the example data
  underlag validate

  # Check one directory and one file
  underlag validate data/hsn/ data/uppdragsdirektiv-nara-vard.yaml

  # Check against an organisation's own templates
  underlag validate --templates mallar/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			if len(opts.paths) == 0 {
				opts.paths = []string{"data"}
			}
			return runValidate(a, opts)
		},
	}
	cmd.Flags().StringVar(&opts.templates, "templates", "", "directory of templates overriding the embedded ones file by file")
	return cmd
}

func runValidate(a *app, opts *validateOptions) error {
	files, err := load.Find(opts.paths)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no YAML files (*.yaml, *.yml) in %s", strings.Join(opts.paths, ", "))
	}
	var copts []compose.Option
	if opts.templates != "" {
		copts = append(copts, compose.WithTemplateDir(opts.templates))
	}
	c, err := compose.New(copts...)
	if err != nil {
		return err
	}
	diags := validate(load.New(), c, files)
	a.reported = true
	printDiags(a.errOut, diags)
	errs, warns := len(diags.Errors()), len(diags.Warnings())
	fmt.Fprintf(a.errOut, "%d %s checked: %s, %s\n", len(files), plural(len(files), "file", "files"),
		count(errs, "error", "errors"), count(warns, "warning", "warnings"))
	if errs > 0 {
		return diags.Err()
	}
	return nil
}

// validate loads, checks and composes files in parallel and returns every
// diagnostic once, sorted.
func validate(l *load.Loader, c *compose.Composer, files []string) diag.List {
	results := make([]diag.List, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, f := range files {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = validateFile(l, c, f)
		})
	}
	wg.Wait()
	var all diag.List
	seen := map[diag.Diagnostic]bool{}
	for _, r := range results {
		for _, d := range r {
			if !seen[d] {
				seen[d] = true
				all = append(all, d)
			}
		}
	}
	all.Sort()
	return all
}

func validateFile(l *load.Loader, c *compose.Composer, path string) diag.List {
	// A file that did not load has nothing to check; one whose registries
	// or directive had errors is still checked, so that every problem is
	// reported in one run.
	in, diags := l.Document(path)
	switch {
	case in.Doc != nil:
		diags = append(diags, check.Document(in.Doc, in.Registries, in.Directive)...)
		if !diags.HasErrors() {
			// Only the diagnostics matter; the tree is thrown away.
			_, cd := c.Compose(compose.Input{Doc: in.Doc, Registries: in.Registries, Directive: in.Directive})
			diags = append(diags, cd...)
		}
	case in.Registries != nil:
		diags = append(diags, check.Registries(in.Registries)...)
	}
	return diags
}

func printDiags(w io.Writer, diags diag.List) {
	for _, d := range diags {
		fmt.Fprintln(w, d.Error())
	}
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
