package load

import (
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/underlag/underlag/generator/diag"
)

// Fields set from the command line, as pandoc's -M/--metadata KEY=VALUE
// sets metadata: a CI stamp (a draft mark, a version) without editing the
// data. Each sets a top-level key of every document the loader reads (not
// the registries), over what the file says; the value is read as YAML,
// so that numbers, dates and lists keep their type. The document is then
// decoded as if the key stood in the file: an unknown key or a wrong value
// is reported as any other, naming the -M that set it.

// Metadata is one -M KEY=VALUE.
type Metadata struct{ Key, Value string }

// ParseMetadata reads "KEY=VALUE" as -M takes it.
func ParseMetadata(s string) (Metadata, error) {
	k, v, ok := strings.Cut(s, "=")
	k = strings.TrimSpace(k)
	if !ok || k == "" {
		return Metadata{}, fmt.Errorf("-M %q: want KEY=VALUE, such as -M utkast=true", s)
	}
	return Metadata{Key: k, Value: v}, nil
}

// WithMetadata sets the fields of -M on every document the loader reads.
func WithMetadata(ms ...Metadata) Option {
	return func(l *Loader) { l.metadata = append(l.metadata, ms...) }
}

// setMetadata sets each of ms in the document's root mapping and returns
// the keys it set, by key.
func setMetadata(root *yaml.Node, ms []Metadata) (map[string]Metadata, diag.List) {
	set := map[string]Metadata{}
	var diags diag.List
	for _, m := range ms {
		var doc yaml.Node
		var val *yaml.Node
		if err := yaml.Unmarshal([]byte(m.Value), &doc); err != nil {
			diags.Add(diag.Diagnostic{Path: m.Key, Msg: fmt.Sprintf("-M %s=%s: the value is not YAML: %v", m.Key, m.Value, err)})
			continue
		}
		if len(doc.Content) == 0 {
			val = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: ""}
		} else {
			val = doc.Content[0]
		}
		zero(val)
		replaced := false
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == m.Key {
				root.Content[i+1] = val
				replaced = true
			}
		}
		if !replaced {
			key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: m.Key}
			root.Content = append(root.Content, key, val)
		}
		set[m.Key] = m
	}
	return set, diags
}

// zero clears the positions of a node from the command line: it stands
// on no line of the file.
func zero(n *yaml.Node) {
	n.Line, n.Column = 0, 0
	for _, c := range n.Content {
		zero(c)
	}
}

// blameMetadata names the -M behind each problem of a key it set.
func blameMetadata(ds diag.List, set map[string]Metadata, file string) diag.List {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i := range ds {
		for _, k := range keys {
			if ds[i].Line == 0 && (ds[i].Path == k || strings.HasPrefix(ds[i].Path, k+".") || strings.HasPrefix(ds[i].Path, k+"[")) {
				ds[i].File = file
				ds[i].Msg = fmt.Sprintf("%s (set with -M %s=%s)", ds[i].Msg, k, set[k].Value)
				break
			}
		}
	}
	return ds
}
