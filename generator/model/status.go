package model

import (
	"strings"

	"github.com/underlag/underlag/generator/date"
)

// StatusReport is a statusrapport: how a commission stands against its own
// directive's milestones and activities.
type StatusReport struct {
	Common    `yaml:",inline"`
	Directive string `yaml:"uppdragsdirektiv" desc:"Sökväg till uppdragsdirektivet rapporten gäller." required:"true"`
	Period    Period `yaml:"period" desc:"Perioden rapporten gäller: från och till, som dag, månad, kvartal, halvår eller år."`
	Author    Person `yaml:"rapportör" desc:"Den som rapporterar."`
	Status    Status `yaml:"status" desc:"Övergripande status: grön, gul eller röd, med kommentar." required:"true"`

	Activities      []ActivityStatus  `yaml:"aktiviteter" desc:"Status per delaktivitet, med id ur direktivet."`
	Milestones      []MilestoneStatus `yaml:"milstolpar" desc:"Status per milstolpe, med beslutspunkt ur direktivet."`
	Facts           []Fact            `yaml:"fakta" desc:"Egna faktarader på första sidan, till exempel Uppdragsgivare, Rapport nr, Mottagare."`
	Deviations      Markdown          `yaml:"avvikelser" desc:"Avvikelser från plan."`
	Economy         Markdown          `yaml:"ekonomi" desc:"Ekonomi: utfall mot budget, gärna som tabell."`
	Risks           []Risk            `yaml:"risker" desc:"Risker för uppdraget med sannolikhet, konsekvens och åtgärd, en rad per risk."`
	NextSteps       Markdown          `yaml:"nästa_steg" desc:"Vad som ska göras under nästa period; Markdown."`
	DecisionsNeeded Markdown          `yaml:"beslut_som_behövs" desc:"Beslut som uppdragsägaren eller nämnden behöver fatta för att uppdraget ska kunna fortsätta; Markdown."`
}

// Fact is a row of a document's own facts on page one.
type Fact struct {
	Label string `yaml:"etikett" desc:"Radens etikett, till exempel Uppdragsgivare." required:"true"`
	Value string `yaml:"värde" desc:"Det som står efter etiketten på raden." required:"true"`
}

// Period is a reporting period.
type Period struct {
	From date.Date `yaml:"från" desc:"Första dagen." required:"true"`
	To   date.Date `yaml:"till" desc:"Sista dagen; inte före från." required:"true"`
}

// Level is a traffic-light status.
type Level string

const (
	Green  Level = "grön"
	Yellow Level = "gul"
	Red    Level = "röd"
)

// Levels are the valid levels, best first.
var Levels = []Level{Green, Yellow, Red}

// Status is an overall status and why. As a plain scalar it is the level.
type Status struct {
	Level   Level    `yaml:"nivå" desc:"grön, gul eller röd." required:"true" enum:"grön,gul,röd"`
	Comment Markdown `yaml:"kommentar" desc:"Varför statusen är vad den är."`
}

// UnmarshalText takes a plain scalar as the level.
func (s *Status) UnmarshalText(b []byte) error {
	*s = Status{Level: Level(b)}
	return nil
}

// Progress is how far an activity has come.
type Progress string

const (
	NotStarted Progress = "ej_påbörjad"
	Ongoing    Progress = "pågående"
	Done       Progress = "klar"
	Cancelled  Progress = "avbruten"
)

// Progresses are the valid values of Progress.
var Progresses = []Progress{NotStarted, Ongoing, Done, Cancelled}

// ActivityStatus is the status of one of the directive's activities.
type ActivityStatus struct {
	ID       string    `yaml:"id" desc:"Delaktivitetens id i direktivet." required:"true"`
	Progress Progress  `yaml:"status" desc:"ej_påbörjad, pågående, klar eller avbruten." required:"true" enum:"ej_påbörjad,pågående,klar,avbruten"`
	Level    Level     `yaml:"nivå" desc:"Radens status som trafikljus: grön, gul eller röd." enum:"grön,gul,röd"`
	Forecast date.Date `yaml:"prognos" desc:"När aktiviteten nu väntas bli klar."`
	Actual   date.Date `yaml:"utfall" desc:"När aktiviteten faktiskt blev klar."`
	Comment  Markdown  `yaml:"kommentar" desc:"Vad läsaren behöver veta om raden: orsaken till en försening, vad som återstår; Markdown."`
}

// MilestoneStatus is the status of one of the directive's milestones.
type MilestoneStatus struct {
	ID       string    `yaml:"beslutspunkt" desc:"Milstolpens beslutspunkt i direktivet, till exempel BP2." required:"true"`
	Reached  bool      `yaml:"nådd" desc:"Om milstolpen är nådd."`
	Level    Level     `yaml:"nivå" desc:"Radens status som trafikljus: grön, gul eller röd." enum:"grön,gul,röd"`
	Forecast date.Date `yaml:"prognos" desc:"När milstolpen nu väntas nås."`
	Actual   date.Date `yaml:"utfall" desc:"När milstolpen faktiskt nåddes."`
	Comment  Markdown  `yaml:"kommentar" desc:"Vad läsaren behöver veta om raden: orsaken till en försening, vad som återstår; Markdown."`
}

// Risk is one risk with its assessment.
type Risk struct {
	ID          string   `yaml:"id" desc:"Riskens id, till exempel R1."`
	Risk        string   `yaml:"risk" desc:"Vad som kan hända, i en mening." required:"true"`
	Owner       Person   `yaml:"ägare" desc:"Den som äger risken och dess åtgärd."`
	Probability string   `yaml:"sannolikhet" desc:"låg, medel eller hög." enum:"låg,medel,hög"`
	Impact      string   `yaml:"konsekvens" desc:"låg, medel eller hög." enum:"låg,medel,hög"`
	Action      Markdown `yaml:"åtgärd" desc:"Vad som görs för att minska sannolikheten eller konsekvensen; Markdown."`
}

// DirectiveRef is the directive the report is on.
func (s *StatusReport) DirectiveRef() string { return s.Directive }

// Addressees are the committees of the directive the report is on.
func (s *StatusReport) Addressees(dir *Directive) []string {
	if dir == nil {
		return nil
	}
	return dir.Committees
}

// DefaultTitle is "Statusrapport: <the directive's title>".
func (s *StatusReport) DefaultTitle(dir *Directive, kindLabel string) string {
	if dir != nil && strings.TrimSpace(dir.Title) != "" {
		return kindLabel + ": " + strings.TrimSpace(dir.Title)
	}
	return kindLabel
}

// AsOf is the date the report's statuses are judged at: its date, or the
// end of its period when it has none.
func (s *StatusReport) AsOf() date.Date {
	if !s.Date.IsZero() {
		return s.Date
	}
	return s.Period.To
}

// Late reports whether something planned to be finished by end, and now
// forecast for forecast, is late as of asOf: it is not done and either date
// has passed. date.Before compares spans, so an end of 2025-09 has passed
// on 2025-11-15 but an end of 2025-11 has not. Check and compose both ask
// it, so a late activity is late everywhere.
func Late(asOf, end, forecast date.Date, done bool) bool {
	return !done && (end.Before(asOf) || forecast.Before(asOf))
}

// Finished reports whether an activity needs no more work.
func (a ActivityStatus) Finished() bool { return a.Progress == Done || a.Progress == Cancelled }

// IsReached reports whether a milestone is reached: marked so, or with an
// actual date.
func (m MilestoneStatus) IsReached() bool { return m.Reached || !m.Actual.IsZero() }
