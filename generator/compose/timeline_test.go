package compose

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// timelineOf is the document's one timeline and the caption after it.
func timelineOf(t *testing.T, d *doc.Document) (*doc.Timeline, string) {
	t.Helper()
	for i, b := range d.Blocks {
		if tl, ok := b.(*doc.Timeline); ok {
			require.Less(t, i+1, len(d.Blocks), "a caption follows the timeline")
			p, ok := d.Blocks[i+1].(*doc.Paragraph)
			require.True(t, ok, "a caption follows the timeline")
			return tl, doc.Plain(p.Text)
		}
	}
	t.Fatal("no timeline in the document")
	return nil, ""
}

// spoken is a span of dates as the alternative text says it.
func spoken(from, to date.Date) string {
	switch {
	case !from.IsZero() && !to.IsZero() && from != to:
		return from.Named() + " till " + to.Named()
	case !to.IsZero():
		return to.Named()
	}
	return from.Named()
}

// The directive's figure lists every phase, activity and milestone with
// its dates in words, never in ISO, and draws a mark for each.
func TestDirectiveTimeline(t *testing.T) {
	t.Parallel()
	in := fixture(t, testdata("uppdragsdirektiv.yaml"))
	dir := in.Doc.(*model.Directive)
	tl, caption := timelineOf(t, compose(t, newComposer(t), in))
	var want []string
	for _, p := range dir.Timeline {
		want = append(want, p.ID+" "+p.Description+", "+spoken(p.Start, p.End))
	}
	for _, m := range dir.Milestones {
		want = append(want, m.ID+" "+m.Decision+", "+m.Date.Named())
	}
	for _, a := range dir.Activities {
		if !a.End.IsZero() {
			want = append(want, a.ID+" ")
			want = append(want, ", "+spoken(a.Start, a.End))
		}
	}
	for _, w := range want {
		assert.Contains(t, tl.Alt, w)
	}
	assert.NotRegexp(t, `\d{4}-\d{2}`, tl.Alt, "dates in words, not ISO")
	assert.True(t, strings.HasPrefix(tl.Alt, "Tidplan, delaktiviteter och milstolpar."), tl.Alt)
	assert.Equal(t, "Figur 1. Tidplan, delaktiviteter och milstolpar", caption)

	marks := 0
	for _, r := range tl.Rows {
		marks += len(r.Marks)
	}
	assert.Equal(t, len(dir.Timeline)+len(dir.Milestones)+len(dir.Activities), marks)
	assert.True(t, tl.Today.IsZero(), "a directive has no report date")
	var legend []string
	for _, it := range tl.Legend {
		legend = append(legend, it.Text)
	}
	assert.Equal(t, []string{"Fas eller aktivitet", "Milstolpe eller beslutspunkt"}, legend)
}

// The status report's figure compares planned, forecast and actual: what
// is late is red and says so in words, the report date is a line, and the
// legend names every mark and colour used.
func TestStatusTimeline(t *testing.T) {
	t.Parallel()
	tl, _ := timelineOf(t, compose(t, newComposer(t), fixture(t, testdata("statusrapport.yaml"))))
	require.False(t, tl.Today.IsZero())
	assert.Contains(t, tl.Alt, "Rapportdatum "+tl.Today.Named()+".")
	roles := map[doc.MarkRole]bool{}
	late := 0
	for _, r := range tl.Rows {
		for _, m := range r.Marks {
			roles[m.Role] = true
			if m.Role == doc.Forecast || m.Role == doc.Actual {
				assert.Equal(t, r.Level, m.Level, "%s: a row's marks take its traffic light", r.ID)
			}
		}
		if r.Note == "Försenad" {
			late++
			assert.Equal(t, doc.Red, r.Level, "%s is late", r.ID)
			assert.Contains(t, tl.Alt, r.ID+" ")
		}
	}
	assert.Positive(t, late, "the report has late rows")
	assert.Equal(t, strings.Count(tl.Alt, ", försenad"), late, "each late row says so in words")
	texts := map[string]bool{}
	for _, it := range tl.Legend {
		texts[it.Text] = true
	}
	for role, label := range map[doc.MarkRole]string{doc.Planned: "Planerat", doc.Forecast: "Prognos", doc.Actual: "Utfall"} {
		if roles[role] {
			assert.True(t, texts[label], "legend has %s", label)
		}
	}
	assert.True(t, texts["Röd"] && texts["Rapportdatum"], "legend: %+v", tl.Legend)
}

// A template's options: a wrong one is an error that says what is valid.
func TestTimelineOptions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, call, want string }{
		{"colour", `{{ tidslinje . "färg" "#00646E" }}`, ""},
		{"date style", `{{ tidslinje . "datumformat" "namn" }}`, ""},
		{"bad colour", `{{ tidslinje . "färg" "blå" }}`, "#RRGGBB"},
		{"unknown option", `{{ tidslinje . "färj" "#00646E" }}`, `did you mean "färg"`},
		{"odd options", `{{ tidslinje . "färg" }}`, "in pairs"},
		{"bad date style", `{{ tidslinje . "datumformat" "kinesiskt" }}`, "valid styles"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "uppdragsdirektiv.md.tmpl"), []byte("# {{ titel }}\n\n"+tc.call+"\n"), 0o644))
			d, ds := newComposer(t, WithTemplateDir(dir)).Compose(fixture(t, testdata("uppdragsdirektiv.yaml")))
			if tc.want != "" {
				assert.True(t, ds.HasErrors())
				assert.Contains(t, ds.Error(), tc.want)
				return
			}
			require.False(t, ds.HasErrors(), ds.Error())
			tl, _ := timelineOf(t, d)
			if strings.Contains(tc.call, "färg") {
				assert.Equal(t, "#00646E", tl.Color)
			}
			if strings.Contains(tc.call, "namn") {
				for _, r := range tl.Rows {
					for _, m := range r.Marks {
						if m.Point() {
							assert.Equal(t, m.From.Named(), m.Text)
						}
					}
				}
			}
		})
	}
}

// The timeline reads the same rows as the status tables, and what those
// report (an id the directive lacks) is reported once, not again for the
// figure.
func TestStatusTimelineReportsOnce(t *testing.T) {
	t.Parallel()
	in := fixture(t, testdata("statusrapport.yaml"))
	sr := in.Doc.(*model.StatusReport)
	sr.Activities = append(sr.Activities, model.ActivityStatus{ID: "DA99", Progress: model.Ongoing})
	d, ds := newComposer(t).Compose(in)
	require.False(t, ds.HasErrors(), ds.Error())
	assert.Equal(t, 1, strings.Count(ds.Error(), `"DA99"`), ds.Error())
	tl, _ := timelineOf(t, d)
	assert.Contains(t, tl.Alt, "DA99", "the figure has the row too")
}
