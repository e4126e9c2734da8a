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
	"github.com/underlag/underlag/generator/pipeline"
)

type packetOptions struct {
	file      string
	out       string
	templates string
	roots     []string
}

func newPacketCmd(a *app) *cobra.Command {
	opts := &packetOptions{}
	cmd := &cobra.Command{
		Use:   "packet FILE -o HANDLING.pdf|HANDLING.html",
		Short: "Write a memo and its attachments as one PDF (or one web page) for the meeting",
		Long: `Packet writes a committee's handling: the memo (tjänsteskrivelse) first, then
each document of its beslutsunderlag that names a file (fil:), in order, as
Bilaga 1, Bilaga 2 … in one PDF, as meeting systems publish it.

An attachment is a data file (.yaml) in the data tree, loaded, checked and
composed in the same run, or a PDF made elsewhere. Each attachment's pages are
marked "Bilaga N" at the top right and keep their own page numbers; the
packet's outline has the memo's headings and one entry per attachment, with
its number and title. The memo's list of its basis names the numbers.

An attachment that is missing, is not a PDF, is encrypted or damaged, or is a
data file with errors fails the packet with an error at its fil: line, and
nothing is written. A PDF that is not tagged or not PDF/A is a warning: the
packet can then not claim conformance.

With -o *.html the packet is one web page: the memo, then each data-file
attachment in full, in order, and a link to each attached PDF (relative to
the page, not embedded).

"underlag build" writes the same packet as <memo>-handling.pdf beside the
memo's PDF, and as <memo>-handling.html beside its HTML, for every memo with
attachments.

For a meeting (typ: sammanträde) the packet is the meeting's: the notice with
its agenda, then every item's memo with its attachments, as build writes it
as <meeting>-handlingar.pdf (docs/meetings.md).`,
		Example: `  # The HSN memo with its directive and agreement, for the meeting
  underlag packet data/tjansteskrivelse-hsn-1203-2024.yaml -o handling.pdf

  # The same as one web page, linking to the attached PDF
  underlag packet data/tjansteskrivelse-hsn-1203-2024.yaml -o out/handling.html

  # A committee meeting's documents: the notice and every item's memo
  underlag packet data/sammantraden/hsn-2024-12-10.yaml -o handlingar.pdf

  # With an organisation's changed templates
  underlag packet data/bun/skolskjuts.yaml --templates mallar/ -o bun-handling.pdf`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			return runPacket(a, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.out, "output", "o", "", "the packet's file, *.pdf or *.html, written atomically (required)")
	f.StringVar(&opts.templates, "templates", "", "directory whose templates override the built-in ones, file by file")
	f.StringArrayVar(&opts.roots, "root", nil, "a directory that references (logo, directive, attachments) may point into besides the document's data tree; repeatable")
	return cmd
}

func runPacket(a *app, opts *packetOptions) error {
	format, ok := a.formats.Packet()
	if !ok {
		return errors.New("no output format lays out a packet")
	}
	switch {
	case opts.out == "" || opts.out == "-":
		return usageErr(fmt.Errorf("give the packet's file with -o, such as -o %s", strings.TrimSuffix(filepath.Base(opts.file), filepath.Ext(opts.file))+pipeline.PacketSuffix+format.Ext))
	}
	// A packet is also one web page, the memo and its attachments in
	// order (Format.PacketPage: generator/html, RenderParts).
	page, hasPage := a.formats.PacketPage()
	switch {
	case hasPage && strings.EqualFold(filepath.Ext(opts.out), page.Ext):
		format = page
	case !strings.EqualFold(filepath.Ext(opts.out), format.Ext) && hasPage:
		return usageErr(fmt.Errorf("a packet is a %s or a web page: name the output *%s or *%s, not %s", strings.ToUpper(format.Name), format.Ext, page.Ext, opts.out))
	case !strings.EqualFold(filepath.Ext(opts.out), format.Ext):
		return usageErr(fmt.Errorf("a packet is a %s: name the output *%s, not %s", strings.ToUpper(format.Name), format.Ext, opts.out))
	}
	if fi, err := os.Stat(opts.out); err == nil && fi.IsDir() {
		return usageErr(fmt.Errorf("-o %s is a directory: give the path of a file", opts.out))
	}
	p, err := pipeline.New(pipeline.Config{Version: a.version, TemplateDir: opts.templates, Formats: []pipeline.Format{format}, Roots: opts.roots})
	if err != nil {
		return err
	}
	d, diags := p.Load(opts.file)
	if d == nil {
		a.reported = reportDiags(a, diags)
		if diags.HasErrors() {
			return diags.Err()
		}
		return errors.New(opts.file + ": this file is a registry, not a document")
	}
	t, cds := p.Compose(d)
	diags = append(diags, cds...)
	if t == nil || diags.HasErrors() {
		a.reported = reportDiags(a, diags)
		return diags.Err()
	}
	pk, pds := p.Packet(d, t)
	diags = append(diags, pds...)
	var render func(io.Writer) (int, error)
	if pk != nil {
		render = pk.Render
	} else {
		// A meeting's packet: the notice and every item's memo with its
		// attachments (see docs/meetings.md).
		prods, mds := p.Products(d, t)
		diags = append(diags, mds...)
		for _, pr := range prods {
			if pr.Packet != nil {
				render = pr.Packet.Render
			}
		}
	}
	// Warnings are printed here; an error after them still is, by main.
	printed := reportDiags(a, diags)
	if diags.HasErrors() {
		a.reported = printed
		return diags.Err()
	}
	if render != nil && pk == nil && format.PacketPage {
		return usageErr(fmt.Errorf("a meeting's packet is a PDF: name the output *.pdf, not %s", opts.out))
	}
	if render == nil {
		return fmt.Errorf("%s has no attachments: a packet needs a beslutsunderlag entry with fil: (a data file or a PDF); render the memo alone with underlag render", opts.file)
	}
	if err := atomic.WriteFile(opts.out, 0o644, func(w io.Writer) error {
		if format.PacketPage {
			return pk.RenderHTML(w, filepath.Dir(opts.out))
		}
		_, err := render(w)
		return err
	}); err != nil {
		return fmt.Errorf("packet %s to %s: %w", opts.file, opts.out, err)
	}
	return nil
}
