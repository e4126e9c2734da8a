package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/underlag/underlag/generator/atomic"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/pipeline"
)

type renderOptions struct {
	file          string
	format        string
	out           string
	templates     string
	referenceDocx string
	roots         []string
}

func newRenderCmd(a *app) *cobra.Command {
	opts := &renderOptions{}
	cmd := &cobra.Command{
		Use:   "render FILE",
		Short: "Render one document as Markdown, PDF or DOCX",
		Long: `Load one document (uppdragsdirektiv, tjänsteskrivelse, statusrapport or a
kind of the organisation's own), the registries it draws on and the directive
it refers to, check it, compose it with its template and render it in one
format: to standard output, or atomically to the file given with -o, so that
a failed render never leaves a half-written file where the old one stood.

The format is the output file's extension (.pdf, .docx, .md, .html); -t/--to is
needed only when writing to standard output, and must agree with -o.

FILE - reads the document from standard input. Its registries
(organisation.yaml and the others) are then found from the working
directory, and its references (directive, logo, images) are relative to it.

Errors and warnings are printed as file:line:col: field.path: message.`,
		Example: `  # Read a memo as Markdown in the terminal
  underlag render data/tjansteskrivelse-hsn-1203-2024.yaml

  # Write the directive as PDF (the format comes from the extension)
  underlag render data/uppdragsdirektiv-nara-vard-2025.yaml -o out/direktiv.pdf

  # Try a changed template without touching the built-in ones
  underlag render data/tjansteskrivelse-hsn-1203-2024.yaml --templates mina-mallar/

  # Word, with the organisation's own styles
  underlag render data/tjansteskrivelse-hsn-1203-2024.yaml --reference-docx mall.docx -o skrivelse.docx

  # PDF from standard input, as in a pipe (run from the data folder)
  cd data && cat tjansteskrivelse-hsn-1203-2024.yaml | underlag render - -t pdf > skrivelse.pdf`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			return runRender(a, opts)
		},
	}
	f := cmd.Flags()
	addToFlag(a, cmd, &opts.format, "", "output format: "+formatList(a.formats)+"; by default the extension of -o, else md")
	f.StringVarP(&opts.out, "output", "o", "", "write to this file (atomically) instead of standard output")
	f.StringVar(&opts.templates, "templates", "", "directory whose templates override the built-in ones, file by file")
	f.StringVar(&opts.referenceDocx, "reference-docx", "", "Word file whose styles, page setup, header and footer the DOCX output takes, and whose fonts, sizes and colours the HTML takes (pandoc's --reference-doc works too)")
	f.StringArrayVar(&opts.roots, "root", nil, "a directory that references (logo, directive, attachments) may point into besides the document's data tree; repeatable")
	return cmd
}

// renderFormat decides the output format from --to and -o: the
// extension of -o names it, --to must agree with it, and standard
// output defaults to Markdown.
func renderFormat(formats pipeline.Table, flag, out string) (pipeline.Format, error) {
	var byExt, byFlag pipeline.Format
	hasExt := false
	if out != "" && out != "-" {
		byExt, hasExt = formats.ByExt(out)
	}
	if flag != "" {
		f, err := formats.Lookup(flag)
		if err != nil {
			return pipeline.Format{}, usageErr(err)
		}
		byFlag = f
	}
	switch {
	case flag != "" && hasExt && byFlag.Name != byExt.Name:
		return pipeline.Format{}, usageErr(fmt.Errorf("--to %s disagrees with the output file %s, whose extension says %s: drop --to, or name the file *%s", byFlag.Name, out, byExt.Name, byFlag.Ext))
	case flag != "":
		return byFlag, nil
	case hasExt:
		return byExt, nil
	case out != "" && out != "-":
		return pipeline.Format{}, usageErr(fmt.Errorf("cannot tell the format of %s from its extension: name it %s, or give -t/--to", out, formats.Patterns()))
	}
	// Standard output: the first text format, which a terminal shows.
	for _, f := range formats {
		if !f.Binary {
			return f, nil
		}
	}
	return pipeline.Format{}, usageErr(fmt.Errorf("give the format with -t/--to: %s", strings.Join(formats.Names(), ", ")))
}

func runRender(a *app, opts *renderOptions) error {
	if opts.out != "" && opts.out != "-" {
		if fi, err := os.Stat(opts.out); (err == nil && fi.IsDir()) || strings.HasSuffix(opts.out, "/") || strings.HasSuffix(opts.out, string(filepath.Separator)) {
			ext := a.formats[0].Ext
			if f, err := a.formats.Lookup(opts.format); err == nil && opts.format != "" {
				ext = f.Ext
			}
			return usageErr(fmt.Errorf("-o %s is a directory: give the path of a file, such as %s", opts.out, filepath.Join(opts.out, strings.TrimSuffix(filepath.Base(opts.file), filepath.Ext(opts.file))+ext)))
		}
	}
	format, err := renderFormat(a.formats, opts.format, opts.out)
	if err != nil {
		return err
	}
	if opts.referenceDocx != "" && format.Reference == nil && !format.ReferenceLook {
		var takes []string
		for _, f := range a.formats.TakingReference() {
			takes = append(takes, strings.ToUpper(f.Name))
		}
		return usageErr(fmt.Errorf("--reference-docx applies to %s output only, not %s", strings.Join(takes, " and "), format.Name))
	}
	if (opts.out == "" || opts.out == "-") && format.Binary && isCharDevice(a.out) {
		return fmt.Errorf("%s is binary: write it to a file with -o FILE, or pipe it", format.Name)
	}
	// Prepare the renderer first: a broken template or reference file
	// should fail before any work on the data.
	p, err := pipeline.New(pipeline.Config{
		Version: a.version, TemplateDir: opts.templates, ReferenceDOCX: opts.referenceDocx,
		Formats: []pipeline.Format{format}, Roots: opts.roots,
	})
	if err != nil {
		return err
	}
	printNotes(a, p.Notes())
	d, diags, err := loadRenderInput(a, p, opts.file)
	if err != nil {
		return err
	}
	if d != nil {
		t, cd := p.Compose(d)
		diags = append(diags, cd...)
		if t != nil && !diags.HasErrors() {
			a.reported = reportDiags(a, diags)
			return writeRendered(a, opts, format, func(w io.Writer) error {
				_, err := p.Render(w, format.Name, t)
				return err
			})
		}
	}
	a.reported = reportDiags(a, diags)
	if diags.HasErrors() {
		return diags.Err()
	}
	return errors.New(opts.file + ": this file is a registry, not a document: render a document such as an uppdragsdirektiv, tjänsteskrivelse or statusrapport")
}

func writeRendered(a *app, opts *renderOptions, format pipeline.Format, write func(io.Writer) error) error {
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

// stdinName stands for standard input in messages; having no directory,
// it places the document in the working directory.
const stdinName = "<stdin>"

// loadRenderInput loads the document to render: the file, or for "-"
// what standard input holds, read up to one byte past the largest data
// file the pipeline takes, so that it can say the input is too large.
func loadRenderInput(a *app, p *pipeline.Pipeline, file string) (*pipeline.Doc, diag.List, error) {
	if file != "-" {
		d, diags := p.Load(file)
		return d, diags, nil
	}
	if isCharDevice(a.in) {
		fmt.Fprintln(a.errOut, "underlag: reading the document from standard input (end it with Ctrl-D, or Ctrl-Z and Enter on Windows)")
	}
	data, err := io.ReadAll(io.LimitReader(a.in, pipeline.MaxFileSize+1))
	if err != nil {
		return nil, nil, fmt.Errorf("read standard input: %w", err)
	}
	d, diags := p.LoadBytes(stdinName, data)
	return d, diags, nil
}
