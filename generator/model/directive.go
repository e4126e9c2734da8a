package model

import "github.com/underlag/underlag/generator/date"

// Directive is an uppdragsdirektiv: a commission directive with numbered
// sections, timeline, milestones, activities, organisation, definitions and
// signatures. Its fields follow the sections of a Swedish regional
// directive; optional sections left out are left out of the document.
type Directive struct {
	Common     `yaml:",inline"`
	Year       int      `yaml:"år" desc:"Året uppdraget gäller."`
	Committees []string `yaml:"nämnder" desc:"Förkortningar för nämnderna uppdraget riktas till, ur organisationsregistret, till exempel [HSN, RS]." register:"nämnder"`

	Background    Markdown     `yaml:"bakgrund" desc:"Avsnitt 1: varför uppdraget ges – läget i dag, vad som har hänt och vilka beslut uppdraget bygger på; Markdown." required:"true"`
	Idea          Markdown     `yaml:"idé" desc:"Uppdragets idé: i korthet hur uppdraget ska lösa det som bakgrunden beskriver; Markdown."`
	EffectGoals   Markdown     `yaml:"effektmål" desc:"Mål och verksamhetsnytta: effektmål."`
	Goals         Markdown     `yaml:"uppdragsmål" desc:"Mål och verksamhetsnytta: uppdragsmål."`
	Prerequisites Markdown     `yaml:"förutsättningar" desc:"Krav på uppdraget: förutsättningar."`
	Scope         Markdown     `yaml:"avgränsningar" desc:"Krav på uppdraget: avgränsningar."`
	Dependencies  Markdown     `yaml:"kopplingar_och_beroenden" desc:"Andra uppdrag, projekt, planer eller beslut som uppdraget hänger ihop med eller väntar på; Markdown."`
	Timeline      []Phase      `yaml:"tidplan" desc:"Tidplan: faser och beslutspunkter."`
	Costs         Markdown     `yaml:"kostnader" desc:"Budgetens kostnadssida: vad uppdraget beräknas kosta, gärna per år eller post; Markdown, tabeller går bra."`
	Funding       Markdown     `yaml:"finansiering" desc:"Budgetens finansiering: ur vilken ram, vilket anslag eller vilka bidrag kostnaderna betalas; Markdown."`
	Risks         Markdown     `yaml:"risker" desc:"Det som kan hindra uppdraget och hur det möts; Markdown."`
	Organisation  Organisation `yaml:"organisation" desc:"Vilka som har uppdragets roller: uppdragsägare, uppdragsledare, medlemmar, mottagare av resultatet, övriga intressenter och egna roller."`
	Milestones    []Milestone  `yaml:"milstolpar" desc:"Planeringens milstolpar: datum, beslut och beslutspunkt per rad; statusrapporter följer upp dem."`
	Activities    []Activity   `yaml:"delaktiviteter" desc:"Planeringens delaktiviteter med id, tid och ansvarig; statusrapporter följer upp dem med sina id."`
	Communication Markdown     `yaml:"kommunikation" desc:"Hur och till vilka uppdraget informerar under arbetet; Markdown."`
	Reporting     Markdown     `yaml:"återrapportering" desc:"Hur och hur ofta uppdraget rapporterar till uppdragsägaren, som statusrapporter; Markdown."`
	Handover      Markdown     `yaml:"överlämning" desc:"Hur resultatet lämnas över när uppdraget är klart, och vem som förvaltar det sedan; Markdown."`
}

// Phase is a row of the timeline: a phase or decision point with its
// start and end.
type Phase struct {
	ID          string    `yaml:"beslutspunkt" desc:"Beslutspunkt, till exempel BP1." required:"true"`
	Label       string    `yaml:"rubrik" desc:"Kort rubrik efter beslutspunkten, till exempel Beslut."`
	Description string    `yaml:"beskrivning" desc:"Vad fasen eller beslutspunkten gäller." required:"true"`
	Start       date.Date `yaml:"start" desc:"Start: dag, månad eller år."`
	End         date.Date `yaml:"slut" desc:"Slut: dag, månad eller år; inte före start."`
}

// Milestone is a row of the milestones table.
type Milestone struct {
	Date     date.Date `yaml:"datum" desc:"När: dag, månad eller år." required:"true"`
	Decision string    `yaml:"beslut" desc:"Beslutet eller händelsen." required:"true"`
	ID       string    `yaml:"beslutspunkt" desc:"Beslutspunkt eller milstolpe, till exempel BP2 eller MS1." required:"true"`
	Comment  string    `yaml:"kommentar" desc:"Det läsaren behöver veta om milstolpen utöver beslutet: vem som beslutar, vad som krävs före."`
}

// Activity is a row of the activities table.
type Activity struct {
	ID          string    `yaml:"id" desc:"Kort id som statusrapporter hänvisar till, till exempel DA1."`
	Activity    Markdown  `yaml:"aktivitet" desc:"Aktiviteten, i Markdown." required:"true"`
	Start       date.Date `yaml:"start" desc:"När delaktiviteten börjar: dag, månad eller år."`
	End         date.Date `yaml:"slut" desc:"Slutdatum; inte före start."`
	Responsible string    `yaml:"ansvarig" desc:"Vem eller vilken funktion som ansvarar för delaktiviteten."`
}

// Organisation is the commission's organisation: its roles in the order
// the directive lists them.
type Organisation struct {
	Owner        Role        `yaml:"uppdragsägare" desc:"Den som äger uppdraget och beslutar om det, oftast en förvaltningschef: personer eller text."`
	Leader       Role        `yaml:"uppdragsledare" desc:"Den som leder arbetet och rapporterar till uppdragsägaren: personer eller text."`
	Members      Role        `yaml:"uppdragsmedlemmar" desc:"De som arbetar i uppdraget: personer eller text."`
	Recipient    Role        `yaml:"mottagare_av_resultatet" desc:"Den verksamhet eller funktion som tar emot och förvaltar resultatet: personer eller text."`
	Stakeholders Role        `yaml:"övriga_intressenter" desc:"Andra som berörs av uppdraget eller ska höras: personer eller text."`
	Other        []NamedRole `yaml:"övriga_roller" desc:"Fler roller med egna namn."`
}

// Role is who holds a role: people (from the registry or in full) and/or
// free text. As a plain scalar it is the text.
type Role struct {
	People []Person `yaml:"personer" desc:"Personer i rollen."`
	Text   Markdown `yaml:"text" desc:"Rollen beskriven i text."`
}

// UnmarshalText takes a plain scalar as the role's text.
func (r *Role) UnmarshalText(b []byte) error {
	*r = Role{Text: Markdown(b)}
	return nil
}

// IsZero reports whether the role is left out.
func (r Role) IsZero() bool { return len(r.People) == 0 && r.Text == "" }

// NamedRole is a role with a name of its own.
type NamedRole struct {
	Name string `yaml:"roll" desc:"Namnet på en roll som inte är en av standardrollerna, till exempel Styrgrupp." required:"true"`
	Role `yaml:",inline"`
}

// Commission is the directive itself: a directive defines its own
// commission (see model.Commission).
func (d *Directive) Commission() *Directive { return d }

// Addressees are the committees the commission is given to.
func (d *Directive) Addressees(*Directive) []string { return d.Committees }

// Point is a decision point or milestone of a directive, wherever the
// directive names it: its milestone table, or failing that its timeline.
type Point struct {
	ID       string
	Decision string    // what is decided or happens
	Date     date.Date // when: the milestone's date, or the phase's end
}

// Point finds a decision point or milestone by id: first in milstolpar,
// then in tidplan, whose phases are decision points too (a status report
// may report on BP1 though only the timeline names it). Check and compose
// both use it, so they agree on which ids exist.
func (d *Directive) Point(id string) (Point, bool) {
	if d == nil || id == "" {
		return Point{}, false
	}
	for _, m := range d.Milestones {
		if m.ID == id {
			return Point{ID: m.ID, Decision: m.Decision, Date: m.Date}, true
		}
	}
	for _, p := range d.Timeline {
		if p.ID == id {
			dec := p.Label
			if dec == "" {
				dec = p.Description
			}
			return Point{ID: p.ID, Decision: dec, Date: p.End}, true
		}
	}
	return Point{}, false
}

// PointIDs lists the ids Point finds, milestones first, each once.
func (d *Directive) PointIDs() []string {
	if d == nil {
		return nil
	}
	seen := map[string]bool{}
	var ids []string
	add := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, m := range d.Milestones {
		add(m.ID)
	}
	for _, p := range d.Timeline {
		add(p.ID)
	}
	return ids
}

// Activity finds an activity by id.
func (d *Directive) Activity(id string) (Activity, bool) {
	if d == nil || id == "" {
		return Activity{}, false
	}
	for _, a := range d.Activities {
		if a.ID == id {
			return a, true
		}
	}
	return Activity{}, false
}

// ActivityIDs lists the ids of the activities that have one.
func (d *Directive) ActivityIDs() []string {
	if d == nil {
		return nil
	}
	var ids []string
	for _, a := range d.Activities {
		if a.ID != "" {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

// Ids are the identifiers a directive defines (decision points,
// milestones, activities): they are named in its text and in the memos
// and reports about it, and are not abbreviations to define.
func (d *Directive) Ids() []string {
	return append(d.PointIDs(), d.ActivityIDs()...)
}

// HeldRoles are the roles of the commission someone must hold: its owner
// and its leader.
func (d *Directive) HeldRoles() []RoleAt {
	return []RoleAt{
		{"organisation.uppdragsägare", d.Organisation.Owner},
		{"organisation.uppdragsledare", d.Organisation.Leader},
	}
}
