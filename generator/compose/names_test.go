package compose

import (
	"slices"
	"testing"
)

// TestNames checks that the names the renderers never hyphenate are the
// registries' people and the organisation, its committees and offices.
func TestNames(t *testing.T) {
	t.Parallel()
	c := newComposer(t)
	in := fixture(t, testdata("tjansteskrivelse.yaml"))
	d := compose(t, c, in)
	want := []string{in.Registries.Organisation.Name}
	for _, e := range in.Registries.People.Entries {
		want = append(want, e.Name)
	}
	for _, cm := range in.Registries.Organisation.Committees {
		want = append(want, cm.Name)
	}
	for _, o := range in.Registries.Organisation.Offices {
		want = append(want, o.Name)
	}
	for _, n := range want {
		if n != "" && !slices.Contains(d.Meta.Names, n) {
			t.Errorf("%q is not among the names never hyphenated: %q", n, d.Meta.Names)
		}
	}
	if len(want) < 3 {
		t.Fatalf("the fixture has too few names to test: %q", want)
	}
}
