package compose

import (
	"slices"
	"strings"

	"github.com/underlag/underlag/generator/model"
)

// fieldLabel is the rubrik a kind defined in data gives its field of the
// key: the field's heading and fact label unless rubriker or the labels
// say otherwise, so that a kind's headings need not be written again in
// etiketter.yaml.
func (r *run) fieldLabel(key string) (string, bool) {
	c, ok := r.in.Doc.(*model.Custom)
	if !ok || c.Spec == nil {
		return "", false
	}
	f, ok := c.Spec.Field(key)
	if !ok || strings.TrimSpace(f.Label) == "" {
		return "", false
	}
	return strings.TrimSpace(f.Label), true
}

// labelKeys are the label keys valid for this document, sorted: those of
// etiketter.yaml and the labelled fields of its kind.
func (r *run) labelKeys() []string {
	keys := slices.Clone(r.c.labelKeys)
	if c, ok := r.in.Doc.(*model.Custom); ok && c.Spec != nil {
		for _, f := range c.Spec.Fields {
			if _, ok := r.fieldLabel(f.Key); ok && !slices.Contains(keys, f.Key) {
				keys = append(keys, f.Key)
			}
		}
	}
	slices.Sort(keys)
	return keys
}
