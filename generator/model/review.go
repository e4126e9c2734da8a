package model

// Review is an organisation's configuration of the review rules that
// `underlag lint`, `validate` and `build` run (generator/lint): which rules
// apply and how severe they are, words that are not to be flagged, and
// fields its documents must have beyond what each kind requires. It is
// read from the profile's `granskning:` key, so that one file sets the
// rules for every document of the organisation.
type Review struct {
	Rules    map[string]string `yaml:"regler" desc:"Regel-id → av, fel, varning eller info, till exempel undefined-abbreviation: info. Regler som inte nämns har sin standardnivå; underlag lint --help listar reglerna."`
	Allow    []string          `yaml:"tillåtna" desc:"Förkortningar och ord som aldrig flaggas, till exempel [LSG, LPO]."`
	Required []KindFields      `yaml:"kräver" desc:"Fält som en dokumenttyp måste ha utöver typens egna krav."`
}

// KindFields lists fields that documents of one kind must have.
type KindFields struct {
	Kind   Kind     `yaml:"typ" desc:"Dokumenttypen, till exempel tjänsteskrivelse." required:"true"`
	Fields []string `yaml:"fält" desc:"Fältens sökvägar, till exempel [handläggare, beredningsansvariga, organisation.uppdragsledare]." required:"true"`
}

// DocReview is what one document says about the review of itself: words
// that are not to be flagged in it alone, beside the profile's.
type DocReview struct {
	Allow []string `yaml:"tillåtna" desc:"Förkortningar och ord som inte flaggas i just det här dokumentet, utöver organisationsprofilens granskning.tillåtna, till exempel [LSG]."`
}

// AllowedIn lists the words a document allows for itself
// (granskning.tillåtna).
func AllowedIn(d Document) []string {
	if d == nil || d.Base().Review == nil {
		return nil
	}
	return d.Base().Review.Allow
}
