package model

import (
	"reflect"
	"strings"
)

// KindDefinition is the registry kind of a file that defines a document
// kind of the organisation's own (dokumenttyp), listed in its profile.
const KindDefinition Kind = "dokumenttyp"

// KindSpec is a document kind an organisation defines in data: its name,
// its fields and their types, which are required, and its template. Its
// documents are loaded, checked, composed and built like the built-in
// kinds'.
type KindSpec struct {
	Head     `yaml:",inline"`
	Name     string      `yaml:"namn" desc:"Dokumenttypens namn, som dokumenten anger med typ:, till exempel projektbeställning." required:"true"`
	Label    string      `yaml:"rubrik" desc:"Dokumenttypen som den skrivs i sidhuvudet, till exempel Projektbeställning; utelämnat: namnet med stor bokstav."`
	Desc     string      `yaml:"beskrivning" desc:"Vad dokumenttypen är, en mening."`
	FileName string      `yaml:"filnamn" desc:"Regel för beskrivande filnamn med {datum}, {diarienummer}, {titel} och fältens nycklar, till exempel {datum}-projektbestallning."`
	Template string      `yaml:"mall" desc:"Mallen (.md.tmpl), relativ till den här filen; utelämnat: namnet utan å, ä, ö med .md.tmpl i organisationens mallmapp."`
	Fields   []FieldSpec `yaml:"fält" desc:"Dokumentets egna fält, utöver titel, datum, diarienummer och de andra som alla dokument har." required:"true"`

	Source *Source `yaml:"-"`
}

// Field types of a KindSpec.
const (
	FieldText       = "text"
	FieldMarkdown   = "markdown"
	FieldDate       = "datum"
	FieldPerson     = "person"
	FieldCommittee  = "nämnd"
	FieldList       = "lista"
	FieldTable      = "tabell"
	FieldSignatures = "underskrifter"
	FieldDocument   = "dokument"
)

// FieldTypes are the field types a KindSpec may use.
var FieldTypes = []string{FieldText, FieldMarkdown, FieldDate, FieldPerson, FieldCommittee, FieldList, FieldTable, FieldSignatures, FieldDocument}

// FieldSpec is one field of a kind defined in data.
type FieldSpec struct {
	Key      string       `yaml:"nyckel" desc:"Fältets nyckel i dokumenten, till exempel beställare." required:"true"`
	Type     string       `yaml:"typ" desc:"text, markdown, datum, person, nämnd, lista, tabell, underskrifter eller dokument (ett annat dokument i dataträdet)." required:"true" enum:"text,markdown,datum,person,nämnd,lista,tabell,underskrifter,dokument"`
	Label    string       `yaml:"rubrik" desc:"Fältets rubrik, till exempel Beställare."`
	Desc     string       `yaml:"beskrivning" desc:"Vad fältet ska innehålla; visas i redigeraren."`
	Required bool         `yaml:"obligatorisk" desc:"Om dokumenten måste ha fältet."`
	Columns  []ColumnSpec `yaml:"kolumner" desc:"En tabells kolumner, i ordning."`
	Kinds    []string     `yaml:"dokumenttyper" desc:"För ett fält av typ dokument: de dokumenttyper det får hänvisa till, till exempel [tjänsteskrivelse]; utelämnat: alla."`
}

// ColumnSpec is a column of a table field. As a plain scalar it is the key,
// and its heading is the key with a capital first letter.
type ColumnSpec struct {
	Key   string  `yaml:"nyckel" desc:"Kolumnens nyckel i raderna, till exempel mottagare." required:"true"`
	Label string  `yaml:"rubrik" desc:"Kolumnens rubrik, till exempel Mottagare."`
	Type  string  `yaml:"typ" desc:"text (Markdown, standard) eller datum (2025-Q4, 2025-03 …; skrivs som tabellens datumformat)." enum:"text,datum"`
	Width float64 `yaml:"bredd" desc:"Relativ bredd; utelämnat: efter innehållet."`
}

// UnmarshalText takes a plain scalar as the column's key.
func (c *ColumnSpec) UnmarshalText(b []byte) error {
	*c = ColumnSpec{Key: string(b)}
	return nil
}

// Heading is the column's heading.
func (c ColumnSpec) Heading() string {
	if c.Label != "" {
		return c.Label
	}
	return Capitalise(strings.ReplaceAll(c.Key, "_", " "))
}

// Capitalise upper-cases the first letter of s.
func Capitalise(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// Custom is a document of a kind defined in data. Its own fields are in
// Values, a struct made from the kind's field list (so the loader decodes
// it, with positions and did-you-mean, as it decodes the built-in kinds),
// and in Fält by key for templates: {{ md .Fält.bakgrund }}.
type Custom struct {
	Common `yaml:",inline"`
	// Values points to the struct of the kind's own fields; inline, so
	// that field paths are the keys themselves.
	Values any `yaml:",inline"`
	// Fält holds the same values by key, for templates.
	Fält map[string]any `yaml:"-"`
	// Spec is the kind's definition.
	Spec *KindSpec `yaml:"-"`
}

// Field returns a field's spec by key.
func (s *KindSpec) Field(key string) (FieldSpec, bool) {
	for _, f := range s.Fields {
		if f.Key == key {
			return f, true
		}
	}
	return FieldSpec{}, false
}

// Table is a table field's columns and rows, each row a cell per column in
// the column order (a Markdown or, in a datum column, a date.Date); ok is
// false when key is not a table field.
func (c *Custom) Table(key string) (cols []ColumnSpec, rows [][]any, ok bool) {
	f, ok := c.Spec.Field(key)
	if !ok || f.Type != FieldTable {
		return nil, nil, false
	}
	v := reflect.ValueOf(c.Fält[key])
	if v.Kind() != reflect.Slice {
		return f.Columns, nil, true
	}
	for i := 0; i < v.Len(); i++ {
		row := v.Index(i)
		cells := make([]any, len(f.Columns))
		for j := range f.Columns {
			if j < row.NumField() {
				cells[j] = row.Field(j).Interface()
			}
		}
		rows = append(rows, cells)
	}
	return f.Columns, rows, true
}

// KindName is the kind's name, for the table of kinds: every custom kind
// shares this Go type.
func (c *Custom) KindName() Kind { return c.Type }
