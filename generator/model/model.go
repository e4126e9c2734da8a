// Package model is the typed data of underlag's documents and registries:
// what a YAML file holds once it is loaded. It knows nothing of templates,
// PDF or DOCX.
//
// The YAML keys are Swedish, because the users are Swedish officials and the
// keys are administrative terms with exact meanings (uppdragsägare,
// beslutspunkt, diarienummer, beslutsunderlag, expedieras_till). The Go
// names are English. Each field's `desc` tag is the documentation the JSON
// Schema carries into the user's editor.
//
// Types that implement encoding.TextUnmarshaler may be written as a plain
// scalar as well as a mapping: a Person as just a name, a Proposal as just
// its text.
package model

import (
	"bytes"
	"unicode/utf8"

	"github.com/underlag/underlag/generator/date"
)

// Kind is what a file is: the value of its `typ` key. The document kinds
// (uppdragsdirektiv, tjänsteskrivelse, statusrapport and any kind an
// organisation adds) are listed in the table of generator/kind; the
// registries are fixed here, because every data tree has the same three.
type Kind string

const (
	KindOrganisation Kind = "organisation"
	KindGlossary     Kind = "ordlista"
	KindPeople       Kind = "personer"
)

// Registry kinds, in the order documentation shows them.
var RegistryKinds = []Kind{KindOrganisation, KindGlossary, KindPeople}

// Registry file names, looked for in a document's directory and its
// ancestors up to the first that holds an organisation profile.
const (
	OrganisationFile = "organisation.yaml"
	GlossaryFile     = "ordlista.yaml"
	PeopleFile       = "personer.yaml"
)

// RegistryFiles are the registry files in the order they are looked for.
var RegistryFiles = []string{OrganisationFile, GlossaryFile, PeopleFile}

// FormatVersion is the version of the data format this build reads. A file
// states the version it was written for, so that a later format can still
// read it or say clearly why not.
const FormatVersion = 1

// Markdown is free text in Markdown: paragraphs, bullet and numbered lists,
// bold, italic and links.
type Markdown string

// Head is what every file starts with: what it is and which format version.
type Head struct {
	Type    Kind `yaml:"typ" desc:"Vad filen är: en dokumenttyp (uppdragsdirektiv, tjänsteskrivelse, statusrapport …) eller ett register (organisation, ordlista, personer)." required:"true"`
	Version int  `yaml:"version" desc:"Vilken version av dataformatet filen är skriven för; underlag läser version 1." required:"true"`
}

// Head returns the file's head; every model type has one.
func (h *Head) FileHead() *Head { return h }

// Common holds what every document kind shares.
type Common struct {
	Head        `yaml:",inline"`
	Title       string            `yaml:"titel" desc:"Dokumentets rubrik."`
	Date        date.Date         `yaml:"datum" desc:"Dokumentets datum: 2024-11-20 (dag), 2025-03 (månad), 2025-Q4 (kvartal), 2025-H2 (halvår) eller 2025 (år)."`
	CaseNumber  CaseNumbers       `yaml:"diarienummer" desc:"Diarienummer, till exempel HSN 1203-2024; flera som lista, till exempel [TE-2018-00895, TE-2023-00973]."`
	Template    string            `yaml:"mall" desc:"Namn på en annan mall än standardmallen för dokumenttypen."`
	Labels      map[string]string `yaml:"rubriker" desc:"Egna rubriker i stället för standardrubrikerna, nyckel → text, till exempel expedieras_till: Beslutet skickas till."`
	Extra       []Section         `yaml:"extra_avsnitt" desc:"Egna avsnitt (rubrik + Markdown, nästlingsbara) på valfri plats."`
	Order       []string          `yaml:"ordning" desc:"Avsnittens ordning: nycklarna (till exempel förslag_till_beslut, sammanfattning) i den ordning de ska stå; de byter plats sinsemellan, övriga står kvar."`
	Omit        []string          `yaml:"utelämna" desc:"Standardavsnitt som inte ska finnas med, till exempel bedömda_resultat_och_konsekvenser."`
	Office      string            `yaml:"förvaltning" desc:"Id för den förvaltning i organisationsprofilen som skickar dokumentet; dess namn och adress står i sidhuvud och sidfot."`
	Definitions []Definition      `yaml:"definitioner" desc:"Begrepp och förkortningar som dokumentet själv definierar."`
	Signers     []Signer          `yaml:"underskrifter" desc:"Vilka som skriver under dokumentet: roll och, om det är känt, person, ort och datum."`
	// SignatureBlock changes the profile's signature block settings for
	// this document alone.
	SignatureBlock *SignatureBlock `yaml:"underskriftsblock" desc:"Hur underskrifterna ritas i just det här dokumentet: layout, placering, ort och datum, signeringsbar; utelämnade nycklar tas från organisationsprofilen."`
	// Review is the document's own review settings.
	Review *DocReview `yaml:"granskning" desc:"Granskningen av just det här dokumentet: tillåtna förkortningar och ord utöver organisationsprofilens."`

	// Source is where the document was loaded from; set by the loader.
	Source *Source `yaml:"-"`
}

// Base returns the shared part of a document.
func (c *Common) Base() *Common { return c }

// Document is a document of any kind: a pointer to a struct that embeds
// Common. What a kind adds (its fields, what it refers to, whom it is
// addressed to) it says through the optional interfaces below, implemented
// in the kind's own file, so that no stage has to switch on the kind.
type Document interface {
	Base() *Common
}

// Referrer is a document that refers to an uppdragsdirektiv: a memo about
// a commission, a status report on one.
type Referrer interface {
	// DirectiveRef is the path of the directive as written in the file,
	// relative to the file's directory; "" when it refers to none.
	DirectiveRef() string
}

// Addressed is a document addressed to committees.
type Addressed interface {
	// Addressees are the committees' abbreviations; dir is the directive
	// the document refers to, nil when none.
	Addressees(dir *Directive) []string
}

// Officered is a document with a case officer (handläggare).
type Officered interface {
	Officer() Person
}

// Titled is a document whose title, when it has none of its own, is made
// from the directive it refers to.
type Titled interface {
	// DefaultTitle is the title for a document without titel; kindLabel
	// is the kind's printed name. "" falls back to kindLabel.
	DefaultTitle(dir *Directive, kindLabel string) string
}

// DirectiveOf returns the directive path a document refers to, or "".
func DirectiveOf(d Document) string {
	if r, ok := d.(Referrer); ok {
		return r.DirectiveRef()
	}
	return ""
}

// AddresseesOf returns the committees a document is addressed to.
func AddresseesOf(d Document, dir *Directive) []string {
	if a, ok := d.(Addressed); ok {
		return a.Addressees(dir)
	}
	return nil
}

// Commission is the directive that defines the commission a document
// belongs to: the document itself when it is a directive, else ref, the
// directive it refers to (nil when none).
func Commission(d Document, ref *Directive) *Directive {
	if c, ok := d.(interface{ Commission() *Directive }); ok {
		return c.Commission()
	}
	return ref
}

// Section is an extra section a document adds to its template's fixed
// ones: a heading, Markdown text and nested subsections.
type Section struct {
	ID       string    `yaml:"id" desc:"Valfri nyckel, så att andra avsnitt kan placeras efter detta."`
	Heading  string    `yaml:"rubrik" desc:"Rubriken som avsnittet står under i dokumentet." required:"true"`
	Text     Markdown  `yaml:"text" desc:"Avsnittets text i Markdown."`
	After    string    `yaml:"efter" desc:"Nyckeln för det avsnitt som detta avsnitt ska komma efter, till exempel risker eller jämställdhet; utelämnat: sist."`
	Before   string    `yaml:"före" desc:"Nyckeln för det avsnitt som detta avsnitt ska komma före, till exempel sammanfattning; i stället för efter."`
	Numbered *bool     `yaml:"numrerad" desc:"Om rubriken numreras; utelämnat: som dokumentets övriga rubriker."`
	Sections []Section `yaml:"avsnitt" desc:"Underavsnitt till det här avsnittet, med egna rubriker ett steg lägre."`
}

// Definition is a term and its explanation, in a document or the glossary.
type Definition struct {
	Term        string `yaml:"term" desc:"Begrepp eller förkortning." required:"true"`
	Explanation string `yaml:"förklaring" desc:"Vad begreppet eller förkortningen betyder, skrivet för den som inte känner till det." required:"true"`
}

// Person is a person, written in full or as a reference into the people
// registry. As a plain scalar it is the name.
type Person struct {
	ID    string `yaml:"id" desc:"Id i personregistret; namn, titel, enhet, telefon och e-post hämtas därifrån." register:"personer"`
	Name  string `yaml:"namn" desc:"Personens för- och efternamn, som det ska stå i dokumentet."`
	Title string `yaml:"titel" desc:"Titel eller roll."`
	Unit  string `yaml:"enhet" desc:"Enhet eller förvaltning."`
	Phone string `yaml:"telefon" desc:"Telefonnummer, till exempel 090-785 00 00; utelämnat: personregistrets."`
	Email string `yaml:"epost" desc:"E-postadress; utelämnad: personregistrets."`
}

// UnmarshalText takes a plain scalar as the person's name.
func (p *Person) UnmarshalText(b []byte) error {
	*p = Person{Name: string(b)}
	return nil
}

// IsZero reports whether no person is given.
func (p Person) IsZero() bool { return p == Person{} }

// Signer is one signature in a signature block.
type Signer struct {
	Role      string    `yaml:"roll" desc:"Rollen som skriver under, till exempel Uppdragsägare." required:"true"`
	Person    Person    `yaml:"person" desc:"Den som skriver under, om det är känt."`
	Place     string    `yaml:"ort" desc:"Orten som står före datumet vid underskriften."`
	Date      date.Date `yaml:"datum" desc:"Datum, om det är känt."`
	ShowPlace bool      `yaml:"visa_ort" desc:"Rita en rad för ort."`
}

// FileRef is a file a document names: the field path it is written at and
// the path as written, relative to the document's directory.
type FileRef struct {
	Field string
	Path  string
}

// Source records the file a model came from and where each field stood in
// it, so that later stages can report problems at the right line.
type Source struct {
	Path      string         // as given by the user
	Data      []byte         // the file's bytes, embedded in the outputs
	Positions map[string]Pos // field path → position
}

// Pos is a 1-based line and column.
type Pos struct{ Line, Col int }

// Pos returns the position of a field path, or the nearest enclosing path
// that has one ("tidplan[2].slut" falls back to "tidplan[2]", then
// "tidplan"), or the zero Pos.
func (s *Source) Pos(path string) Pos {
	if s == nil {
		return Pos{}
	}
	for path != "" {
		if p, ok := s.Positions[path]; ok {
			return p
		}
		i := lastSep(path)
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return Pos{}
}

// Offset is the byte offset in Data of a 1-based line and column (in
// characters), or -1 when the file has no such place.
func (s *Source) Offset(line, col int) int {
	if s == nil || line < 1 || col < 1 {
		return -1
	}
	data, i := s.Data, 0
	for l := 1; l < line; l++ {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return -1
		}
		i += j + 1
	}
	for c := 1; c < col && i < len(data); c++ {
		_, size := utf8.DecodeRune(data[i:])
		i += size
	}
	return i
}

// LineCol is the 1-based line and column (in characters) of a byte offset
// in Data.
func (s *Source) LineCol(off int) (int, int) {
	line, start := 1, 0
	for i := 0; i < off && i < len(s.Data); i++ {
		if s.Data[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, utf8.RuneCount(s.Data[start:min(off, len(s.Data))]) + 1
}

// LineOf is line n (1-based) of data without its line break, for a
// diagnostic's excerpt; "" when there is no such line.
func LineOf(data []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			return ""
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	return string(bytes.TrimRight(data, "\r"))
}

func lastSep(path string) int {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '.' || path[i] == '[' {
			return i
		}
	}
	return -1
}
