package model

import "github.com/underlag/underlag/generator/date"

// TableChoice is how an organisation draws one computed table of a kind
// (aktivitetsstatus, milstolpsstatus, risker; tidplan, milstolpar,
// delaktiviteter; or a table field of a kind defined in data): which columns in what order, their headings, the date
// style, and whether a column empty in every row is left out. Profile
// key: kolumner: {statusrapport: {aktivitetsstatus: {visa: […]}}}.
type TableChoice struct {
	Columns   []string          `yaml:"visa" desc:"Kolumnerna i ordning, med sina nycklar, till exempel [nr, aktivitet, ansvarig, planerat_klart, status, kommentar]; utelämnat: standardkolumnerna."`
	Headings  map[string]string `yaml:"rubriker" desc:"Kolumnrubriker per nyckel, till exempel planerat_klart: Planerat klart."`
	DropEmpty bool              `yaml:"dölj_tomma" desc:"En kolumn som är tom på varje rad utelämnas."`
	DateStyle date.Style        `yaml:"datumformat" desc:"Hur datum i tabellen skrivs: iso, namn, lång eller kort."`
	NoHeader  bool              `yaml:"utan_rubrikrad" desc:"Tabellen ritas utan rubrikrad, som en tabell med nyckel och värde."`
}
