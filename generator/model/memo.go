package model

import (
	"strings"

	"github.com/underlag/underlag/generator/date"
)

// Memo is a tjänsteskrivelse: an official's memo to a committee with a
// proposal for decision.
type Memo struct {
	Common      `yaml:",inline"`
	Committee   string `yaml:"nämnd" desc:"Nämnden skrivelsen går till, ur organisationsregistret: dess förkortning, till exempel HSN, eller namnet för en nämnd utan förkortning." required:"true" register:"nämnder"`
	CaseOfficer Person `yaml:"handläggare" desc:"Den som har skrivit skrivelsen och kan svara på frågor om den: ett id ur personregistret eller namn, titel och kontaktuppgifter."`
	Directive   string `yaml:"uppdragsdirektiv" desc:"Sökväg till ett uppdragsdirektiv som skrivelsen gäller; dess titel, uppdragsägare och uppdragsledare kan återanvändas."`

	Summary      Markdown        `yaml:"sammanfattning" desc:"Ärendet i korthet, så att en ledamot förstår det utan att läsa vidare; Markdown." required:"true"`
	Proposal     Proposal        `yaml:"förslag_till_beslut" desc:"Förslag till beslut: som text, eller som inledning och punkter." required:"true"`
	Consequences Markdown        `yaml:"bedömda_resultat_och_konsekvenser" desc:"Vad förslaget väntas leda till, för verksamheten och för dem den är till för; Markdown."`
	Resources    Markdown        `yaml:"resurser_och_finansiering" desc:"Vad förslaget kostar och kräver av personal och andra resurser, och hur det betalas; Markdown."`
	Equality     Markdown        `yaml:"jämställdhet" desc:"Hur förslaget påverkar kvinnor och män, flickor och pojkar; Markdown."`
	Equity       Markdown        `yaml:"jämlikhet" desc:"Hur förslaget påverkar skillnader mellan grupper i hälsa, levnadsvillkor och tillgång till tjänster; Markdown."`
	Children     Markdown        `yaml:"barnperspektiv" desc:"Hur förslaget påverkar barn och hur barnets bästa har beaktats, enligt barnkonventionen; Markdown."`
	Environment  Markdown        `yaml:"miljö" desc:"Miljö och hållbarhet."`
	Legal        Markdown        `yaml:"juridik" desc:"Juridiska konsekvenser."`
	Preparers    Markdown        `yaml:"beredningsansvariga" desc:"Vilka som har berett ärendet och med vilka det har samråtts; Markdown."`
	Basis        []BasisDocument `yaml:"beslutsunderlag" desc:"Beslutsunderlag: dokument med datum."`
	DispatchTo   []Person        `yaml:"expedieras_till" desc:"Beslutet expedieras till: personer eller funktioner."`
}

// Proposal is the proposal for decision. As a plain scalar it is free text;
// as a mapping it is an introduction and points, numbered or as
// "att"-clauses.
type Proposal struct {
	Text   Markdown   `yaml:"text" desc:"Förslaget som fri text."`
	Intro  string     `yaml:"inledning" desc:"Inledning före punkterna, till exempel: Hälso- och sjukvårdsnämnden föreslås besluta"`
	Points []Markdown `yaml:"punkter" desc:"Det nämnden föreslås besluta, en punkt per beslut; numreras eller inleds med att enligt form."`
	Form   string     `yaml:"form" desc:"Hur punkterna skrivs: numrerad (1. 2. 3.) eller att (att …)." enum:"numrerad,att"`
}

// UnmarshalText takes a plain scalar as the proposal's text.
func (p *Proposal) UnmarshalText(b []byte) error {
	*p = Proposal{Text: Markdown(b)}
	return nil
}

// BasisDocument is one document in the decision basis. As a plain scalar it
// is the title.
type BasisDocument struct {
	Title string    `yaml:"titel" desc:"Dokumentets titel; utelämnad när dokument anges: det dokumentets titel."`
	Date  date.Date `yaml:"datum" desc:"Dokumentets datum; utelämnat när dokument anges: det dokumentets datum."`
	File  string    `yaml:"fil" desc:"Sökväg till en datafil eller en PDF som hör till underlaget; den blir en numrerad bilaga."`
	// Document refers to another document in the data tree without
	// attaching it; its title, date, case numbers and § fill the entry.
	Document DocRef `yaml:"dokument" desc:"Ett annat dokument i dataträdet som underlaget hänvisar till (utan att bifoga det): sökväg till dess datafil, eller fil och paragraf; dess typ, titel, datum, diarienummer och paragraf står i listan."`
}

// UnmarshalText takes a plain scalar as the title.
func (b *BasisDocument) UnmarshalText(t []byte) error {
	*b = BasisDocument{Title: string(t)}
	return nil
}

// DirectiveRef is the directive the memo is about, if any.
func (m *Memo) DirectiveRef() string { return m.Directive }

// Addressees is the committee the memo goes to.
func (m *Memo) Addressees(*Directive) []string { return []string{m.Committee} }

// Officer is the memo's case officer.
func (m *Memo) Officer() Person { return m.CaseOfficer }

// DefaultTitle is the title of the directive the memo is about.
func (m *Memo) DefaultTitle(dir *Directive, _ string) string {
	if dir == nil {
		return ""
	}
	return strings.TrimSpace(dir.Title)
}
