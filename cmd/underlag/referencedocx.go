package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/underlag/underlag/generator/atomic"
	"github.com/underlag/underlag/generator/pipeline"
)

type referenceDocxOptions struct {
	output string
	force  bool
}

func newReferenceDocxCmd(a *app) *cobra.Command {
	o := &referenceDocxOptions{}
	cmd := &cobra.Command{
		Use:   "reference-docx -o FILE",
		Short: "Write underlag's own Word reference document, to restyle as the organisation's",
		Long: `Write the reference document underlag's DOCX output is styled from: every
style it uses (Normal, heading 1–3, List Bullet, Table Text, Table Heading,
Signature Label …), each shown in a paragraph that names it.

Open it in Word, change the styles (Modify Style, not the text), set the
page, header and footer, save it, and give it back with --reference-docx
(or pandoc's spelling, --reference-doc). Styles are matched by the names
Word shows; a style the file lacks is taken from underlag. The text stays
Swedish whatever language the file's styles say. docs/word-styles.md lists
every style and what it is for.

Start from this file rather than pandoc's reference.docx: pandoc's has none
of underlag's own styles (Table Text, Signature Label, the status colours).`,
		Example: `  # Start the organisation's Word template
  underlag reference-docx -o mall.docx

  # Use it once it is restyled in Word
  underlag build --reference-docx mall.docx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runReferenceDocx(a, o)
		},
	}
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "write the document to `FILE` (.docx); without it, to standard output when that is not a terminal")
	cmd.Flags().BoolVar(&o.force, "force", false, "overwrite FILE if it exists")
	_ = cmd.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var exts []string
		for _, f := range a.formats.WithReference() {
			exts = append(exts, strings.TrimPrefix(f.Ext, "."))
		}
		return exts, cobra.ShellCompDirectiveFilterFileExt
	})
	return cmd
}

func runReferenceDocx(a *app, o *referenceDocxOptions) error {
	if o.output == "" || o.output == "-" {
		if isCharDevice(a.out) {
			return usageErr(errors.New("the reference document is a binary DOCX: write it to a file with -o FILE"))
		}
		return pipeline.WriteReferenceDOCX(a.out)
	}
	if f, ok := a.formats.ByExt(o.output); !ok || f.Reference == nil {
		return usageErr(fmt.Errorf("%s: name the reference document *.docx, as Word expects", o.output))
	}
	if !o.force {
		if _, err := os.Lstat(o.output); err == nil {
			return fmt.Errorf("%s already exists; it may be the organisation's restyled template, so it was left alone (use --force to overwrite)", o.output)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := atomic.WriteFile(o.output, 0o644, pipeline.WriteReferenceDOCX); err != nil {
		return fmt.Errorf("reference-docx: %w", err)
	}
	fmt.Fprintf(a.errOut, "wrote %s: restyle it in Word, then build with --reference-docx %s\n", o.output, o.output)
	return nil
}
