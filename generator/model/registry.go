package model

// Organisation profile, glossary and people registry: files in the data
// tree that every document draws on.

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

	Source *Source `yaml:"-"`
}

// Committee is a committee (nämnd) or board with its abbreviation.
type Committee struct {
	Abbrev string `yaml:"förkortning" desc:"Förkortning, till exempel HSN." required:"true"`
	Name   string `yaml:"namn" desc:"Fullständigt namn, till exempel Hälso- och sjukvårdsnämnden." required:"true"`
}

// Address is the organisation's contact details for the footer.
type Address struct {
	Postal   string `yaml:"postadress" desc:"Postadress."`
	Visiting string `yaml:"besöksadress" desc:"Besöksadress."`
	Phone    string `yaml:"telefon" desc:"Telefon."`
	Email    string `yaml:"epost" desc:"E-post."`
	Web      string `yaml:"webb" desc:"Webbadress."`
	OrgNr    string `yaml:"organisationsnummer" desc:"Organisationsnummer."`
}

// Committee returns the committee with the given abbreviation.
func (o *OrgProfile) Committee(abbrev string) (Committee, bool) {
	if o == nil {
		return Committee{}, false
	}
	for _, c := range o.Committees {
		if c.Abbrev == abbrev {
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
	Entries []PersonEntry `yaml:"personer" desc:"Personer." required:"true"`

	Source *Source `yaml:"-"`
}

// PersonEntry is a person in the registry.
type PersonEntry struct {
	ID    string `yaml:"id" desc:"Id som dokumenten hänvisar till, till exempel erika-frohm." required:"true"`
	Name  string `yaml:"namn" desc:"Namn." required:"true"`
	Title string `yaml:"titel" desc:"Titel."`
	Unit  string `yaml:"enhet" desc:"Enhet eller förvaltning."`
	Email string `yaml:"epost" desc:"E-post."`
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
	out := Person{ID: p.ID, Name: e.Name, Title: e.Title, Unit: e.Unit}
	if p.Title != "" {
		out.Title = p.Title
	}
	if p.Unit != "" {
		out.Unit = p.Unit
	}
	return out, true
}
