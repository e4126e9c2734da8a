package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/underlag/underlag/generator/atomic"
	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/compose"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/markdown"
	"github.com/underlag/underlag/generator/pdf"
	"github.com/underlag/underlag/generator/style"
)

type renderOptions struct {
	file          string
	format        string
	out           string
	templates     string
	referenceDocx string
}

func newRenderCmd(a *app) *cobra.Command {
	opts := &renderOptions{}
	cmd := &cobra.Command{
		Use:   "render FILE",
		Short: "Render one document as Markdown, PDF or DOCX",
		Long: `Load one document (uppdragsdirektiv, tjänsteskrivelse or statusrapport), the
registries it draws on and the directive it refers to, check it, compose it
with its template and render it in one format: to standard output, or
atomically to the file given with -o, so that a failed render never leaves a
half-written file where the old one stood.

Errors and warnings are printed as file:line:col: field.path: message.`,
		Example: `  # Read a memo as Markdown in the terminal
  underlag render data/tjansteskrivelse-hsn-1203-2024.yaml

  # Write the directive as PDF
  underlag render data/uppdragsdirektiv-nara-vard-2025.yaml --format pdf -o out/direktiv.pdf

  # Try a changed template without touching the built-in ones
  underlag render data/tjansteskrivelse-hsn-1203-2024.yaml --templates mina-mallar/

  # Word, with the organisation's own styles
  underlag render data/tjansteskrivelse-hsn-1203-2024.yaml --format docx --reference-docx mall.docx -o skrivelse.docx`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			return runRender(a, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.format, "format", "f", "md", "output format: md, pdf or docx")
	f.StringVarP(&opts.out, "output", "o", "", "write to this file (atomically) instead of standard output")
	f.StringVar(&opts.templates, "templates", "", "directory whose templates override the built-in ones, file by file")
	f.StringVar(&opts.referenceDocx, "reference-docx", "", "Word file whose styles, page setup, header and footer the DOCX output takes")
	return cmd
}

func runRender(a *app, opts *renderOptions) error {
	format := strings.ToLower(strings.TrimSpace(opts.format))
	if format != "md" && format != "pdf" && format != "docx" {
		return fmt.Errorf("--format %q: valid formats are md, pdf and docx", opts.format)
	}
	if opts.referenceDocx != "" && format != "docx" {
		return fmt.Errorf("--reference-docx applies to --format docx only")
	}
	if opts.out == "" && format != "md" && isCharDevice(a.out) {
		return fmt.Errorf("%s is binary: write it to a file with -o FILE, or pipe it", format)
	}

	// Prepare the renderer first: a missing format should fail before any
	// work on the data.
	renderer, err := newRenderer(format, opts)
	if err != nil {
		return err
	}

	d, diags := composeFile(a, opts)
	if len(diags) > 0 {
		diags.Sort()
		a.reported = true
		printDiags(a.errOut, diags)
	}
	if d == nil {
		if diags.HasErrors() {
			return diags.Err()
		}
		return errors.New("nothing to render")
	}
	write := func(w io.Writer) error { return renderer.Render(w, d) }
	if opts.out == "" || opts.out == "-" {
		if err := write(a.out); err != nil {
			return fmt.Errorf("render %s: %w", opts.file, err)
		}
		return nil
	}
	if err := atomic.WriteFile(opts.out, 0o644, write); err != nil {
		return fmt.Errorf("render %s to %s: %w", opts.file, opts.out, err)
	}
	return nil
}

func newRenderer(format string, opts *renderOptions) (doc.Renderer, error) {
	switch format {
	case "pdf":
		return pdf.New(style.Default())
	case "docx":
		var dopts []docx.Option
		if opts.referenceDocx != "" {
			dopts = append(dopts, docx.WithReference(opts.referenceDocx))
		}
		return docx.New(style.Default(), dopts...)
	}
	return markdown.New(), nil
}

// composeFile loads, checks and composes one document. The list holds
// every problem found on the way; the document is nil when any is an
// error.
func composeFile(a *app, opts *renderOptions) (*doc.Document, diag.List) {
	in, diags := load.New().Document(opts.file)
	if in.Doc == nil {
		if diags.HasErrors() {
			return nil, diags
		}
		diags.Add(diag.Diagnostic{File: opts.file, Path: "typ", Msg: "this file is a registry, not a document: render an uppdragsdirektiv, tjänsteskrivelse or statusrapport"})
		return nil, diags
	}
	diags = append(diags, check.Document(in.Doc, in.Registries, in.Directive)...)
	if diags.HasErrors() {
		return nil, diags
	}
	var copts []compose.Option
	if opts.templates != "" {
		copts = append(copts, compose.WithTemplateDir(opts.templates))
	}
	c, err := compose.New(copts...)
	if err != nil {
		diags.Add(diag.Diagnostic{Msg: err.Error()})
		return nil, diags
	}
	d, ds := c.Compose(compose.Input{Doc: in.Doc, Registries: in.Registries, Directive: in.Directive, Creator: "underlag " + a.version})
	diags = append(diags, ds...)
	return d, diags
}
