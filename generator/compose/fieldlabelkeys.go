package compose

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// checkFieldLabelKeys reports the keys of the profile's header and footer
// etiketter that name no field of theirs, at their line with a
// did-you-mean: a lead text for a field that does not exist would
// otherwise be accepted and never printed.
func (r *run) checkFieldLabelKeys() {
	if r.org == nil || r.org.Source == nil {
		return
	}
	check := func(path string, labels model.FieldLabels, valid []string) {
		keys := make([]string, 0, len(labels))
		for k := range labels {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if slices.Contains(valid, k) {
				continue
			}
			p := path + "." + k
			pos := r.org.Source.Pos(p)
			r.diags.Add(diag.Diagnostic{File: r.org.Source.Path, Line: pos.Line, Col: pos.Col, Path: p,
				Msg: fmt.Sprintf("no field %q to label; %s", k, fieldSuggestion(k, valid))})
		}
	}
	for h, path := r.org.Header, "sidhuvud"; h != nil; h, path = h.FirstPage, path+".första_sidan" {
		check(path+".etiketter", h.Labels, headerFields)
	}
	if f := r.org.Footer; f != nil {
		check("sidfot.etiketter", f.Labels, footerFields)
	}
}

func fieldSuggestion(s string, valid []string) string {
	if c := diag.Closest(s, valid); c != "" {
		return fmt.Sprintf("did you mean %q?", c)
	}
	return "valid fields: " + strings.Join(valid, ", ")
}
