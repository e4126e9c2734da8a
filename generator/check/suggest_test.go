package check

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/underlag/underlag/generator/model"
)

func TestCommitteeHint(t *testing.T) {
	t.Parallel()
	cs := []model.Committee{{Abbrev: "KS", Name: "Kommunstyrelsen"}, {Abbrev: "KF", Name: "Kommunfullmäktige"}, {Abbrev: "BUN", Name: "Barn- och utbildningsnämnden"}, {Name: "Valnämnden"}}
	var many []model.Committee
	for i := range maxListed + 1 {
		many = append(many, model.Committee{Abbrev: fmt.Sprintf("N%02d", i), Name: fmt.Sprintf("Nämnd %d", i)})
	}
	for _, tc := range []struct {
		in   string
		cs   []model.Committee
		want string
	}{
		{"kommunstyrelsen", cs, `did you mean "KS" (Kommunstyrelsen)? Committees are named exactly as the profile writes them`},
		{"ks", cs, `did you mean "KS" (Kommunstyrelsen)?`},
		{"valnämnden", cs, `did you mean "Valnämnden" (Valnämnden)?`},
		{"Valnämden", cs, `did you mean "Valnämnden" (Valnämnden)?`},
		{"KSS", cs, `did you mean "KS" (Kommunstyrelsen)?`},
		{"Barn och utbildningsnämnden", cs, `did you mean "BUN" (Barn- och utbildningsnämnden)?`},
		{"XYZQW", cs, "valid: KS, KF, BUN, Valnämnden"},
		{"XYZQW", many, fmt.Sprintf("it lists %d committees, none close to this", len(many))},
		{"KS", nil, "it lists no committees"},
	} {
		assert.Contains(t, committeeHint(tc.in, tc.cs), tc.want, tc.in)
	}
}

func TestPersonHint(t *testing.T) {
	t.Parallel()
	es := []model.PersonEntry{{ID: "anna-andersson", Name: "Anna Andersson"}, {ID: "erika-frohm", Name: "Erika Frohm"}, {ID: "ek", Name: "Per-Olof Ekström"}}
	for _, tc := range []struct{ in, want string }{
		{"ana-andersson", `did you mean "anna-andersson" (Anna Andersson)?`},
		{"erika-from", `did you mean "erika-frohm" (Erika Frohm)?`},
		{"per-olof-ekstrom", `did you mean "ek" (Per-Olof Ekström)?`},
		{"zzzzzzzz", "valid: anna-andersson, erika-frohm, ek"},
	} {
		assert.Contains(t, personHint(tc.in, es), tc.want, tc.in)
	}
}
