package model

// Organisation profile, glossary and people registry: files in the data
// tree that every document draws on.

import (
	"strings"

	"github.com/underlag/underlag/generator/date"
)

// OrgProfile is the organisation a data tree belongs to: its name,
// committees, footer address and logo, and headings it renames for all its
// documents.
type OrgProfile struct {
	Head       `yaml:",inline"`
	Name       string            `yaml:"namn" desc:"Organisationens namn, till exempel Region Västerbotten." required:"true"`
	Unit       string            `yaml:"förvaltning" desc:"Förvaltning som visas under namnet i sidhuvudet."`
	Committees []Committee       `yaml:"nämnder" desc:"Nämnder och styrelser med förkortningar." required:"true"`
	Address    Address           `yaml:"adress" desc:"Adressuppgifter för sidfoten."`
	Logo       string            `yaml:"logotyp" desc:"Sökväg till logotypen (PNG eller JPEG), relativ till filen."`
	LogoAlt    string            `yaml:"logotyp_alt" desc:"Alternativtext för logotypen."`
	Labels     map[string]string `yaml:"rubriker" desc:"Egna rubriker för alla organisationens dokument."`
	Review     Review            `yaml:"granskning" desc:"Granskningsreglerna för organisationens dokument: nivå per regel, tillåtna förkortningar och fler obligatoriska fält."`

	Templates  string                `yaml:"mallar" desc:"Mapp med organisationens egna mallar (och etiketter.yaml), relativ till organisation.yaml; de går före de inbyggda för organisationens dokument."`
	Offices    []Office              `yaml:"förvaltningar" desc:"Förvaltningar (kontor) som skickar dokument; ett dokument väljer sin med förvaltning: id."`
	Order      map[string][]string   `yaml:"ordning" desc:"Avsnittens ordning per dokumenttyp, till exempel tjänsteskrivelse: [förslag_till_beslut, sammanfattning]."`
	Omit       map[string][]string   `yaml:"utelämna" desc:"Standardavsnitt som organisationens dokument inte har, per dokumenttyp."`
	DateStyles map[string]date.Style `yaml:"datumformat" desc:"Hur datum skrivs per tabell eller fält (datum, tidplan, milstolpar, delaktiviteter, beslutsunderlag eller en tabell i en egen dokumenttyp): iso (2024-12), namn (december 2024), lång (den 20 november 2024), kort (dag som ISO, annars med namn) eller ord (Kvartal fyra 2025)."`
	Header     *HeaderSpec           `yaml:"sidhuvud" desc:"Vad sidhuvudet visar; utelämnat: organisation och förvaltning till vänster, dokumenttyp, sida, datum och diarienummer till höger."`
	Footer     *FooterSpec           `yaml:"sidfot" desc:"Vad sidfoten visar; utelämnat: organisationens namn och adressuppgifter."`
	// Font is read by the CLI (cmd/underlag, load.Fonts).
	Font *FontSpec `yaml:"typsnitt" desc:"Organisationens eget typsnitt ur den grafiska profilen: TrueType-filer (.ttf) i datamappen, inbäddade i PDF-filen och namngivna i DOCX-filen."`
	// ReferenceDOCX is read by the CLI (cmd/underlag, load.ReferenceDOCX).
	ReferenceDOCX string   `yaml:"referensdokument" desc:"Word-fil (.docx) vars formatmallar DOCX-filerna får, relativ till organisation.yaml, till exempel mallar/referens.docx; --reference-docx går före."`
	Kinds         []string `yaml:"dokumenttyper" desc:"Filer (typ: dokumenttyp) med organisationens egna dokumenttyper, relativa till organisation.yaml."`

	Columns  map[string]map[string]TableChoice `yaml:"kolumner" desc:"Beräknade tabellers kolumner per dokumenttyp och tabell (aktivitetsstatus, milstolpsstatus, risker, tidplan, milstolpar, delaktiviteter eller en egen dokumenttyps tabellfält): visa, rubriker, dölj_tomma, datumformat, utan_rubrikrad."`
	Numbered []string                          `yaml:"numrerade_rubriker" desc:"Dokumenttyper vars rubriker numreras (1, 1.1, 2 …), till exempel [statusrapport, protokollsutdrag]."`

	SignatureBlock *SignatureBlock `yaml:"underskriftsblock" desc:"Hur organisationens underskrifter ritas: layout (formulär eller namn_under_linje), placering (under eller bredvid), ort_och_datum, ort och signeringsbar (signaturfält i PDF och signaturrader i DOCX)."`

	Source *Source `yaml:"-"`
}

// DateStyleKeys are the tables and fields of the built-in kinds whose
// dates datumformat sets; a table field of a kind defined in data is one
// too, by its key.
var DateStyleKeys = []string{"datum", "tidplan", "milstolpar", "delaktiviteter", "beslutsunderlag"}

// Office is a sending office (förvaltning) of an organisation: documents
// name it by id, and it replaces the organisation's unit and address in
// their header and footer.
type Office struct {
	ID      string  `yaml:"id" desc:"Id som dokumenten anger med förvaltning:, till exempel bun." required:"true"`
	Name    string  `yaml:"namn" desc:"Förvaltningens namn, till exempel Barn- och utbildningsförvaltningen." required:"true"`
	Address Address `yaml:"adress" desc:"Förvaltningens adressuppgifter; tomma fält tas från organisationen."`
}

// Office returns the office with the given id.
func (o *OrgProfile) Office(id string) (Office, bool) {
	if o == nil {
		return Office{}, false
	}
	for _, of := range o.Offices {
		if of.ID == id {
			return of, true
		}
	}
	return Office{}, false
}

// HeaderSpec says which fields the running header shows, left and right,
// and what page one shows instead.
type HeaderSpec struct {
	Left      []string    `yaml:"vänster" desc:"Fält till vänster, uppifrån: organisation, förvaltning, dokumenttyp, sida, datum, diarienummer, handläggare, nämnd, titel."`
	Right     []string    `yaml:"höger" desc:"Fält till höger, uppifrån; samma fält som till vänster."`
	Labels    FieldLabels `yaml:"etiketter" desc:"Ledtext före ett fält, till exempel diarienummer: \"Dnr \"."`
	FirstPage *HeaderSpec `yaml:"första_sidan" desc:"Sidhuvudet på första sidan, om det ska skilja sig."`
}

// FooterSpec says which fields the running footer shows, one list a line.
type FooterSpec struct {
	Lines         [][]string  `yaml:"rader" desc:"Rader med fält: organisation, förvaltning, postadress, besöksadress, telefon, epost, webb, organisationsnummer, handläggare; rader: [] ger ingen sidfot."`
	Labels        FieldLabels `yaml:"etiketter" desc:"Ledtext före ett fält, till exempel besöksadress: \"Besöksadress: \", telefon: \"Telefon: \"."`
	FirstPageOnly bool        `yaml:"bara_första_sidan" desc:"Sidfoten står bara på första sidan."`
}

// FieldLabels are the lead texts before header and footer fields, by field
// name.
type FieldLabels map[string]string

// Committee is a committee (nämnd) or board, with its abbreviation when
// it has one. Documents name it by its key: the abbreviation, or the name
// when it has none (Nämnden för Teknik).
type Committee struct {
	Abbrev string `yaml:"förkortning" desc:"Förkortning, till exempel HSN; utelämnad när nämnden inte har någon, och dokumenten anger då hela namnet."`
	Name   string `yaml:"namn" desc:"Fullständigt namn, till exempel Hälso- och sjukvårdsnämnden." required:"true"`
}

// Key is what documents name the committee by: its abbreviation, or its
// name when it has none.
func (c Committee) Key() string {
	if a := strings.TrimSpace(c.Abbrev); a != "" {
		return a
	}
	return strings.TrimSpace(c.Name)
}

// CommitteeKeys are the keys documents may name the profile's committees
// by, in its order, without empty ones.
func (o *OrgProfile) CommitteeKeys() []string {
	if o == nil {
		return nil
	}
	var out []string
	for _, c := range o.Committees {
		if k := c.Key(); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// Address is the organisation's contact details for the footer.
type Address struct {
	Postal   string `yaml:"postadress" desc:"Adressen post skickas till, i sidfoten, till exempel Box 1, 901 89 Umeå."`
	Visiting string `yaml:"besöksadress" desc:"Var besökare hittar organisationen, i sidfoten."`
	Phone    string `yaml:"telefon" desc:"Växelns telefonnummer, i sidfoten."`
	Email    string `yaml:"epost" desc:"Organisationens allmänna e-postadress (registratur), i sidfoten."`
	Web      string `yaml:"webb" desc:"Organisationens webbplats, i sidfoten."`
	OrgNr    string `yaml:"organisationsnummer" desc:"Organisationsnumret, tio siffror med bindestreck, i sidfoten."`
}

// Committee returns the committee with the given key (abbreviation, or
// name when it has none) or full name.
func (o *OrgProfile) Committee(abbrev string) (Committee, bool) {
	if o == nil {
		return Committee{}, false
	}
	// By its key first, then by its full name, which a document may
	// write even when the committee has an abbreviation.
	for _, c := range o.Committees {
		if c.Key() == abbrev {
			return c, true
		}
	}
	for _, c := range o.Committees {
		if strings.TrimSpace(c.Name) == abbrev && abbrev != "" {
			return c, true
		}
	}
	return Committee{}, false
}

// Glossary is the shared list of abbreviations and terms; a document's
// definitions list takes the entries it uses from here.
type Glossary struct {
	Head    `yaml:",inline"`
	Entries []Definition `yaml:"termer" desc:"Begrepp och förkortningar." required:"true"`

	Source *Source `yaml:"-"`
}

// People is the people registry, so that a person's name is spelled the
// same everywhere.
type People struct {
	Head    `yaml:",inline"`
	Entries []PersonEntry `yaml:"personer" desc:"Alla personer som dokumenten hänvisar till med id, så att namn och titlar stavas lika överallt." required:"true"`

	Source *Source `yaml:"-"`
}

// PersonEntry is a person in the registry.
type PersonEntry struct {
	ID    string `yaml:"id" desc:"Id som dokumenten hänvisar till, till exempel erika-frohm." required:"true"`
	Name  string `yaml:"namn" desc:"Personens för- och efternamn, som det ska stå i dokumenten." required:"true"`
	Title string `yaml:"titel" desc:"Personens titel eller befattning, som den ska stå i dokumenten."`
	Unit  string `yaml:"enhet" desc:"Enhet eller förvaltning."`
	Email string `yaml:"epost" desc:"Personens e-postadress, för sidfot och kontaktuppgifter."`
	Phone string `yaml:"telefon" desc:"Telefonnummer, till exempel 090-785 00 00."`
}

// Lookup returns the registry entry with the given id.
func (p *People) Lookup(id string) (PersonEntry, bool) {
	if p == nil {
		return PersonEntry{}, false
	}
	for _, e := range p.Entries {
		if e.ID == id {
			return e, true
		}
	}
	return PersonEntry{}, false
}

// Registries are the shared registries of a data tree. Any of them may be
// nil when the tree has none.
type Registries struct {
	Organisation *OrgProfile
	Glossary     *Glossary
	People       *People
}

// Resolve fills a person given by id from the people registry; a person
// given in full is returned as it is.
func (r *Registries) Resolve(p Person) (Person, bool) {
	if p.ID == "" {
		return p, true
	}
	if r == nil {
		return p, false
	}
	e, ok := r.People.Lookup(p.ID)
	if !ok {
		return p, false
	}
	out := Person{ID: p.ID, Name: e.Name, Title: e.Title, Unit: e.Unit, Phone: e.Phone, Email: e.Email}
	// What the document says itself goes before the registry.
	for _, f := range []struct{ own, dst *string }{{&p.Title, &out.Title}, {&p.Unit, &out.Unit}, {&p.Phone, &out.Phone}, {&p.Email, &out.Email}} {
		if *f.own != "" {
			*f.dst = *f.own
		}
	}
	return out, true
}

// FontSpec is an organisation's own typeface: its name and the files of
// its faces, relative to organisation.yaml.
type FontSpec struct {
	Name       string `yaml:"namn" desc:"Typsnittets namn som Word känner det, till exempel Carlito." required:"true"`
	Regular    string `yaml:"normal" desc:"Fil med normal stil, till exempel typsnitt/Carlito-Regular.ttf." required:"true"`
	Bold       string `yaml:"fet" desc:"Fil med fet stil, till exempel typsnitt/Carlito-Bold.ttf."`
	Italic     string `yaml:"kursiv" desc:"Fil med kursiv stil, till exempel typsnitt/Carlito-Italic.ttf."`
	BoldItalic string `yaml:"fet_kursiv" desc:"Fil med fet kursiv stil, till exempel typsnitt/Carlito-BoldItalic.ttf."`
}
