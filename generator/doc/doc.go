// Package doc is the format-neutral document tree that sits between the
// data and the output formats, as goldmark's AST sits between its parser
// and its renderers.
//
// The compose stage builds a *Document from a model and a template; the
// Markdown, PDF and DOCX renderers walk the same tree and never see YAML or
// templates. A node type exists only where a renderer must behave
// differently: everything else is a Paragraph of inline runs.
//
// Layout decisions that must be the same in every format live here, not in
// the renderers: heading numbers (Number), what the running header and
// footer say (Meta.Header, Meta.Footer), which columns a table has and how
// wide they should be (Table.Columns, ColumnWidths), how a list of
// definitions is drawn (DefinitionTable), and the files' timestamps
// (Meta.FileTime), the status line (Status.Line) and the place-and-date
// line (Signatures.PlaceDateText). A renderer keeps a table of functions
// by Kind (Funcs), walks the tree with Walk when it writes in document
// order, and fails with the *UnknownBlockError Funcs gives on a block it
// has no function for.
package doc

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/underlag/underlag/generator/date"
)

// Renderer turns a document into one output format. A Renderer is prepared
// once (fonts parsed, styles built) and is then safe to use from many
// goroutines at once.
type Renderer interface {
	Render(w io.Writer, d *Document) error
}

// Document is a whole document: its metadata and its blocks in order.
type Document struct {
	Meta   Meta
	Blocks []Block
}

// Meta is what a document says about itself: what goes into the running
// header and footer and into the file's properties.
//
// Date is a date.Date rather than a time.Time because a document may be
// dated by a month or a year ("2025-03"), which a time.Time would turn
// into a day. The header shows it as compose wrote it into Header; the
// renderers take the files' timestamps from FileTime and never parse a
// date back from text.
type Meta struct {
	Type         string    // machine name of the kind: uppdragsdirektiv, tjänsteskrivelse, statusrapport
	KindLabel    string    // the kind as the header shows it: "Tjänsteskrivelse"
	Title        string    // the document's title
	Subject      string    // one line on what it is about, for file properties
	Keywords     []string  // for file properties
	Organisation string    // author: the organisation's name
	Committee    string    // the committee (nämnd) the document goes to, in full
	Date         date.Date // the document's date, at the precision it was written with
	CaseNumber   string    // diarienummer, such as "HSN 1203-2024"
	CaseOfficer  string    // handläggare
	Language     string    // BCP 47 tag; "sv-SE"
	Creator      string    // the producing program: "underlag v1.2.3"
	Header       Header    // the running header on every page
	Footer       []Line    // the running footer, one entry a line
	First        *Page     // page one's own header and footer, when they differ; nil for none
	Logo         *Image    // optional logo at the header's left
	Attachments  []Attachment

	// HeaderBand and FooterBand, when set, are a furniture template's
	// header and footer and replace Header and Footer (see Band).
	HeaderBand, FooterBand *Band
	Numbering              Numbering // how the page fields count

	// Names are the names of people and organisations the registries
	// know (the people, the organisation, its offices and committees):
	// a renderer never hyphenates a word of them.
	Names []string
}

// FileTime is the moment a document's file says it was created and last
// modified: midnight UTC of the document's own day, never the clock, so
// that the same input gives the same bytes. ok is false when the date
// names no single day (a month, a year, or no date): a timestamp would
// claim a day the author never gave.
func (m *Meta) FileTime() (t time.Time, ok bool) {
	if m.Date.Prec != date.Day {
		return time.Time{}, false
	}
	return m.Date.First(), true
}

// Header is the running header: lines at the left (the organisation) and
// lines at the right (kind, page "1 (3)", date, case number). Page numbers
// are inline fields so that each format fills them in its own way: the PDF
// per page, the DOCX as Word's PAGE and NUMPAGES fields.
type Header struct {
	Left  []Line
	Right []Line
}

// Page is the header and footer of a page that differs from the others:
// page one of a memo often carries the address footer alone.
type Page struct {
	Header                 Header
	Footer                 []Line
	HeaderBand, FooterBand *Band // as Meta's
}

// Line is one line of inline runs.
type Line []Inline

// Attachment is a file embedded in the output, such as the YAML source the
// document was made from.
type Attachment struct {
	Name        string // file name shown to the reader
	Description string
	MIME        string
	Data        []byte
}

// Style is a bit set of inline styles.
type Style uint8

const (
	Bold Style = 1 << iota
	Italic
	Code
)

// Field is a value a renderer fills in at layout time.
type Field uint8

const (
	NoField    Field = iota
	PageField        // the current page number
	PagesField       // the total number of pages
)

// Inline is one run of text with one style. A run is a line break when
// Break is set, a field when Field is set, and a link when Link is set.
// Inline content is a flat slice of runs: nesting (bold inside a link) is
// expressed by the combination of fields on each run.
//
// Lang marks a passage in another language than the document's (Meta.
// Language), as a BCP 47 tag ("en", "se" for Northern Sami), so that a
// screen reader switches its voice: the PDF tags it as a Span with /Lang,
// the DOCX sets w:lang on the run.
type Inline struct {
	Text  string
	Style Style
	Link  string // URL; empty when not a link
	Lang  string // BCP 47 tag of a passage in another language; empty for the document's
	Break bool   // a hard line break; Text is ignored
	Field Field  // a page field; Text is ignored
}

// Text returns a plain run.
func Text(s string) Inline { return Inline{Text: s} }

// Strong returns a bold run.
func Strong(s string) Inline { return Inline{Text: s, Style: Bold} }

// Plain joins the text of runs, with a line break as "\n" and fields as
// empty; used for measuring, searching and metadata.
func Plain(runs []Inline) string {
	n := 0
	for _, r := range runs {
		n += len(r.Text) + 1
	}
	b := make([]byte, 0, n)
	for _, r := range runs {
		switch {
		case r.Break:
			b = append(b, '\n')
		case r.Field != NoField:
		default:
			b = append(b, r.Text...)
		}
	}
	return string(b)
}

// Kind tells a block's type without a type switch; renderers keep a table
// of functions indexed by Kind, as goldmark's do.
type Kind uint8

const (
	KindHeading Kind = iota + 1
	KindParagraph
	KindList
	KindTable
	KindSignatures
	KindStatus
	KindImage
	KindPageBreak
	KindTimeline
	kindEnd
)

// NumKinds is one more than the largest Kind, for sizing renderer tables.
const NumKinds = int(kindEnd)

var kindNames = [...]string{"", "Heading", "Paragraph", "List", "Table", "Signatures", "Status", "Image", "PageBreak", "Timeline"}

func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Block is a block-level node.
type Block interface {
	Kind() Kind
}

// Heading is a section heading. Level 0 is the document title; levels 1–3
// are sections. Numbered headings get their Number ("1", "1.1") from
// Number, so that every format numbers them the same way.
type Heading struct {
	Level    int
	Text     []Inline
	Numbered bool
	Number   string // "2.1"; set by Number, empty for unnumbered headings
	ID       string // stable anchor for bookmarks and links, such as "sec-2-1"
}

// Paragraph is a run of text. Small is for fine print such as a caption
// or a note under a table.
type Paragraph struct {
	Text  []Inline
	Small bool
	// KeepWithNext keeps the paragraph on the same page as the block after
	// it, as a lead-in such as "Efter genomfört uppdrag ser vi följande:"
	// should be.
	KeepWithNext bool
}

// List is a bullet or numbered list. Items hold blocks, so a list item can
// carry paragraphs and nested lists.
type List struct {
	Ordered bool
	Start   int // first number of an ordered list; 0 means 1
	Items   []ListItem
}

// ListItem is one item of a list.
type ListItem struct {
	Blocks []Block
}

// Table is a grid with header rows that repeat on every page the table
// continues onto. Cells hold blocks (paragraphs and lists).
type Table struct {
	Columns []Column
	Header  []Row // header rows, repeated on each page
	Rows    []Row // body rows; a row is never split across pages
	Caption string
	// Borderless draws no grid: for key–value blocks such as a memo's
	// first-page facts. A borderless table without header rows is read as
	// such a block: its first column labels the rows, and the PDF tags
	// those cells as row headers.
	Borderless bool
}

// Summary is what a table is, in one line, for readers who cannot see
// it: its caption, then the labels of its columns. The PDF writes it as
// the table's Summary attribute and the DOCX as its description
// (w:tblDescription), so both formats say the same.
func (t *Table) Summary() string {
	var labels []string
	if len(t.Header) > 0 {
		for _, c := range t.Header[0].Cells {
			var text []string
			for _, b := range c.Blocks {
				if p, ok := b.(*Paragraph); ok {
					text = append(text, Plain(p.Text))
				}
			}
			if s := strings.Join(text, " "); s != "" {
				labels = append(labels, s)
			}
		}
	}
	switch {
	case t.Caption != "" && len(labels) > 0:
		return t.Caption + ": " + strings.Join(labels, ", ")
	case len(labels) > 0:
		return strings.Join(labels, ", ")
	}
	return t.Caption
}

// Column describes one column. Width is a relative hint (the widths of a
// table's columns are shares of the text width, whatever they sum to); 0
// means "from content".
type Column struct {
	Width float64
	Align Align
}

// Align is horizontal alignment within a cell.
type Align uint8

const (
	AlignLeft Align = iota
	AlignRight
	AlignCenter
)

// Row is one table row.
type Row struct {
	Cells []Cell
}

// Cell is one table cell.
type Cell struct {
	Blocks []Block
}

// TextCell returns a cell holding one paragraph of plain text.
func TextCell(s string) Cell {
	if s == "" {
		return Cell{}
	}
	return Cell{Blocks: []Block{&Paragraph{Text: []Inline{Text(s)}}}}
}

// Definition is one term and what it means.
type Definition struct {
	Term       string
	Definition []Inline
}

// DefinitionTable is the block a list of terms and their explanations is
// drawn as, in every format: a table of two columns sized from their
// content, the terms and then what they mean, under a header row of the
// two labels ("Begrepp/förkortning", "Förklaring"). It is an ordinary
// Table so that the renderers have nothing of their own to decide.
//
// When both labels are empty the table has no header row at all: a row of
// empty cells would say nothing, and would be repeated on every page the
// table continues onto. One label alone keeps the row, with the other
// cell empty.
func DefinitionTable(termLabel, definitionLabel string, items []Definition) *Table {
	t := &Table{Columns: []Column{{}, {}}}
	if termLabel != "" || definitionLabel != "" {
		t.Header = []Row{{Cells: []Cell{TextCell(termLabel), TextCell(definitionLabel)}}}
	}
	t.Rows = make([]Row, len(items))
	for i, it := range items {
		t.Rows[i] = Row{Cells: []Cell{TextCell(it.Term), {Blocks: []Block{&Paragraph{Text: it.Definition}}}}}
	}
	return t
}

// Signatures is a signature block: one or more signers, each with a line to
// sign on. A renderer keeps the whole block on one page, and on the page of
// the block before it: a signature alone on a page signs nothing the reader
// can see.
type Signatures struct {
	Labels  SignatureLabels
	Signers []Signer
	// Layout is how each signer is drawn.
	Layout SignatureLayout
	// Beside puts the signers side by side, two to a row, rather than one
	// under another.
	Beside bool
	// PlaceDate draws a place and date line above the signers, with Place
	// and Date printed on it when known: "Kungsbacka 2025-08-22".
	PlaceDate bool
	Place     string
	Date      string
	// Signable gives each signer an empty field to sign electronically: a
	// signature form field in the PDF, a signature line in the DOCX.
	Signable bool
}

// SignatureLayout is how one signer is drawn.
type SignatureLayout uint8

const (
	// FormLines is a line to sign on labelled "Underskrift Roll" with a
	// date line beside it, and a line for the name in clear under it:
	// what a form a secretary prints and signs by hand looks like.
	FormLines SignatureLayout = iota
	// NameUnderLine is one line to sign on, with the signer's name and
	// title (or the role alone, when no one is named) printed under it.
	NameUnderLine
	// NameOnly is the signer's name and title (or role) with room above
	// to sign, and no line: what many organisations print.
	NameOnly
)

// PlaceDateText is what the place and date line says: "Kungsbacka
// 2025-08-22", or what is known of it. complete is true when both are
// known, and the line is then text; else it is a line to write them on,
// with the text printed on it and Labels.PlaceDate under it.
func (s *Signatures) PlaceDateText() (text string, complete bool) {
	text = s.Place
	if s.Date != "" {
		if text != "" {
			text += " "
		}
		text += s.Date
	}
	return text, s.Place != "" && s.Date != ""
}

// SignatureLabels are the words printed under the lines.
type SignatureLabels struct {
	Signature string // "Underskrift"
	Date      string // "Datum"
	Name      string // "Namnförtydligande"
	Place     string // "Ort"
	PlaceDate string // "Ort och datum", under an empty place and date line
	// Instructions are what a signing program shows the signer, such as
	// Word's signature line's instructions.
	Instructions string
}

// Signer is one person to sign. Empty fields leave a blank to fill in by
// hand.
type Signer struct {
	Role      string // "Uppdragsägare"
	Name      string // printed above the Namnförtydligande line when known
	Title     string // the signer's title, printed after the name
	Place     string // Ort, printed when known; the Ort line is drawn only when ShowPlace
	Date      string // printed above the Datum line when known
	ShowPlace bool
	// Field names the signer's signature field: unique in the document,
	// ASCII, such as "Underskrift_Uppdragsagare_Isabell_Zemren", so that a
	// signing service or pdfsig -sign can name it on a command line.
	Field string
}

// Caption is what a signer's line is, for the label under a form line and
// for the field's description read by a screen reader: "Underskrift
// Uppdragsägare", or either word alone.
func (s *Signatures) Caption(sg *Signer) string {
	switch {
	case sg.Role == "":
		return s.Labels.Signature
	case s.Labels.Signature == "":
		return sg.Role
	}
	return s.Labels.Signature + " " + sg.Role
}

// NameLines are the lines printed under a NameUnderLine signer's line: the
// name and the title, or the role when there is no title, or the role
// alone when no one is named.
func (sg *Signer) NameLines() []string {
	var out []string
	if sg.Name != "" {
		out = append(out, sg.Name)
	}
	switch {
	case sg.Title != "":
		out = append(out, sg.Title)
	case sg.Role != "":
		out = append(out, sg.Role)
	}
	return out
}

// StatusLevel is a traffic-light status.
type StatusLevel uint8

const (
	Green StatusLevel = iota + 1
	Yellow
	Red
)

// Status shows a traffic-light status as a coloured mark and, always, its
// word: colour alone tells nothing to a reader who cannot see it.
//
// Line is the text after the mark, the same in every format, so it is
// composed with the tree (generator/kind, statusline.go) and the
// renderers only draw it: what the status is of, the
// word in bold and an explanation, as "Tid: **Grön** – Enligt plan".
type Status struct {
	Level StatusLevel
	Word  string   // "Grön", "Gul", "Röd"
	Line  []Inline // the line after the mark; it holds Word
}

// Image is a picture with its alternative text.
type Image struct {
	Data   []byte
	Format string  // "png" or "jpeg"; "emf" only as a renderer draws it (a DOCX chart)
	Alt    string  // read by screen readers; required
	Width  float64 // in millimetres; 0 means natural size up to the text width
}

// PageBreak starts a new page.
type PageBreak struct{}

func (*Heading) Kind() Kind    { return KindHeading }
func (*Paragraph) Kind() Kind  { return KindParagraph }
func (*List) Kind() Kind       { return KindList }
func (*Table) Kind() Kind      { return KindTable }
func (*Signatures) Kind() Kind { return KindSignatures }
func (*Status) Kind() Kind     { return KindStatus }
func (*Image) Kind() Kind      { return KindImage }
func (*PageBreak) Kind() Kind  { return KindPageBreak }
