package doc

// MergeRuns joins neighbouring runs of the same style, link and field, so
// that runs put together from pieces ("**BP1** " and a paragraph's text)
// come out as the runs the same text would parse into.
func MergeRuns(in []Inline) []Inline {
	var out []Inline
	for _, x := range in {
		if k := len(out) - 1; k >= 0 && !x.Break && x.Field == NoField && !out[k].Break && out[k].Field == NoField && out[k].Style == x.Style && out[k].Link == x.Link {
			out[k].Text += x.Text
			continue
		}
		out = append(out, x)
	}
	return out
}
