package model

import "github.com/underlag/underlag/generator/date"

// StatusReport is a statusrapport: how a commission stands against its own
// directive's milestones and activities.
type StatusReport struct {
	Common    `yaml:",inline"`
	Directive string `yaml:"uppdragsdirektiv" desc:"Sökväg till uppdragsdirektivet rapporten gäller." required:"true"`
	Period    Period `yaml:"period" desc:"Rapportperioden."`
	Author    Person `yaml:"rapportör" desc:"Den som rapporterar."`
	Status    Status `yaml:"status" desc:"Övergripande status: grön, gul eller röd, med kommentar." required:"true"`

	Activities      []ActivityStatus  `yaml:"aktiviteter" desc:"Status per delaktivitet, med id ur direktivet."`
	Milestones      []MilestoneStatus `yaml:"milstolpar" desc:"Status per milstolpe, med beslutspunkt ur direktivet."`
	Deviations      Markdown          `yaml:"avvikelser" desc:"Avvikelser från plan."`
	Risks           []Risk            `yaml:"risker" desc:"Risker."`
	NextSteps       Markdown          `yaml:"nästa_steg" desc:"Nästa steg."`
	DecisionsNeeded Markdown          `yaml:"beslut_som_behövs" desc:"Beslut som behövs."`
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
	Forecast date.Date `yaml:"prognos" desc:"När aktiviteten nu väntas bli klar."`
	Actual   date.Date `yaml:"utfall" desc:"När aktiviteten faktiskt blev klar."`
	Comment  Markdown  `yaml:"kommentar" desc:"Kommentar."`
}

// MilestoneStatus is the status of one of the directive's milestones.
type MilestoneStatus struct {
	ID       string    `yaml:"beslutspunkt" desc:"Milstolpens beslutspunkt i direktivet, till exempel BP2." required:"true"`
	Reached  bool      `yaml:"nådd" desc:"Om milstolpen är nådd."`
	Forecast date.Date `yaml:"prognos" desc:"När milstolpen nu väntas nås."`
	Actual   date.Date `yaml:"utfall" desc:"När milstolpen faktiskt nåddes."`
	Comment  Markdown  `yaml:"kommentar" desc:"Kommentar."`
}

// Risk is one risk with its assessment.
type Risk struct {
	Risk        string   `yaml:"risk" desc:"Risken." required:"true"`
	Probability string   `yaml:"sannolikhet" desc:"låg, medel eller hög." enum:"låg,medel,hög"`
	Impact      string   `yaml:"konsekvens" desc:"låg, medel eller hög." enum:"låg,medel,hög"`
	Action      Markdown `yaml:"åtgärd" desc:"Åtgärd."`
}
