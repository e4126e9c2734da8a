package serve

import (
	"bytes"
	"cmp"
	"net/http"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/underlag/underlag/generator/filename"
	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/generator/pipeline"
)

// newData is the new-document form's data.
type newData struct {
	Frame
	Kinds                    []string
	Orgs                     []*org
	Typ, Namnd, Titel, Datum string
	Msg                      string
}

// dateRE is the format's dates: a day, a month, a quarter, a half year
// or a year (the schema's pattern).
var dateRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-[Qq][1-4]|-[Hh][12])?$`)
})

func (s *Server) newForm(w http.ResponseWriter, r *http.Request) {
	d, ok := s.newData(w)
	if !ok {
		return
	}
	d.Typ = r.URL.Query().Get("typ")
	s.render(w, http.StatusOK, "ny.html", d)
}

func (s *Server) newData(w http.ResponseWriter) (newData, bool) {
	c, p, err := s.catalog(true)
	if err != nil {
		s.fail(w, http.StatusInternalServerError, "Dataträdet kunde inte läsas: "+err.Error())
		return newData{}, false
	}
	d := newData{Frame: Frame{"Nytt dokument", s.token}}
	for _, o := range c.orgs {
		d.Orgs = append(d.Orgs, o)
		sch, err := s.schema(p, o.Dir)
		if err != nil {
			s.fail(w, http.StatusInternalServerError, err.Error())
			return newData{}, false
		}
		for _, k := range kindsOf(sch) {
			if !slices.Contains(d.Kinds, k) {
				d.Kinds = append(d.Kinds, k)
			}
		}
	}
	slices.SortFunc(d.Orgs, func(a, b *org) int { return cmp.Compare(a.Dir, b.Dir) })
	return d, true
}

// create writes a new document of a kind from the small form (kind,
// committee, title, date) where its organisation keeps that kind, and
// opens it.
func (s *Server) create(w http.ResponseWriter, r *http.Request) {
	d, ok := s.newData(w)
	if !ok {
		return
	}
	d.Typ, d.Namnd = r.PostFormValue("typ"), r.PostFormValue("namnd")
	d.Titel, d.Datum = strings.TrimSpace(r.PostFormValue("titel")), strings.TrimSpace(r.PostFormValue("datum"))
	again := func(msg string) {
		d.Msg = msg
		s.render(w, http.StatusUnprocessableEntity, "ny.html", d)
	}
	orgDir, committee, _ := strings.Cut(d.Namnd, "|")
	c, p, err := s.catalog(true)
	if err != nil {
		again(err.Error())
		return
	}
	o := c.orgs[orgDir]
	switch {
	case !slices.Contains(d.Kinds, d.Typ):
		again("Välj en dokumenttyp i listan.")
		return
	case o == nil || !slices.ContainsFunc(o.Committees, func(c choice) bool { return c.Value == committee }):
		again("Välj en nämnd i listan.")
		return
	case d.Titel == "":
		again("Skriv en titel.")
		return
	case !dateRE().MatchString(d.Datum):
		again("Datumet " + strconv.Quote(d.Datum) + " går inte att läsa: skriv dag 2024-11-20, månad 2025-03, kvartal 2025-Q4, halvår 2025-H2 eller år 2025.")
		return
	}
	sch, err := s.schema(p, orgDir)
	if err != nil {
		again(err.Error())
		return
	}
	def, ok := sch.kind(d.Typ)
	if !ok {
		again("Dokumenttypen " + d.Typ + " finns inte hos " + o.Name + ".")
		return
	}
	dir := c.home(o, d.Typ)
	text, err := s.newFile(p, sch.fields(def, 0), o, dir, d)
	if err != nil {
		again(err.Error())
		return
	}
	base := filename.Slug(d.Typ) + "-" + filename.Slug(d.Titel)
	for i := 1; ; i++ {
		name := base
		if i > 1 {
			name += "-" + strconv.Itoa(i)
		}
		rel := path.Join(dir, name+".yaml")
		err := s.tree.write(rel, text, true)
		if err == nil {
			s.invalidate()
			http.Redirect(w, r, "/dokument/"+rel, http.StatusSeeOther)
			return
		}
		if i > 50 || !strings.Contains(err.Error(), "exist") {
			again("Filen kunde inte skrivas: " + err.Error())
			return
		}
	}
}

// home is the folder where an organisation keeps a kind: the folder that
// holds most of its documents of the kind, else most of its documents,
// else its own folder.
func (c *catalog) home(o *org, kind string) string {
	count := func(match func(*entry) bool) string {
		n := map[string]int{}
		best := ""
		for _, e := range c.docs {
			if e.Org == o && match(e) {
				d := path.Dir(e.Rel)
				n[d]++
				if n[d] > n[best] || (n[d] == n[best] && d < best) {
					best = d
				}
			}
		}
		return best
	}
	if d := count(func(e *entry) bool { return e.Kind == kind }); d != "" {
		return d
	}
	if d := count(func(*entry) bool { return true }); d != "" {
		return d
	}
	return o.Dir
}

// placeholder fills a required text the official writes next, so that
// the new document builds at once.
const placeholder = "Skrivs."

// newFile is the new document's YAML: the schema line its organisation
// uses, typ, version, title, date, committee and a placeholder in every
// other required text field, the schema's and the review's
// (required-field), so that the new document builds at once.
func (s *Server) newFile(p *pipeline.Pipeline, fields []*field, o *org, dir string, d newData) ([]byte, error) {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	add := func(k string, v *yaml.Node) {
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}, v)
	}
	str := func(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v} }
	add("typ", str(d.Typ))
	add("version", &yaml.Node{Kind: yaml.ScalarNode, Value: strconv.Itoa(model.FormatVersion)})
	_, committee, _ := strings.Cut(d.Namnd, "|")
	text := func(f *field) bool { return f.Kind == kText || f.Kind == kMarkdown || (f.Kind == kObject && f.Text) }
	// fill is a placeholder for a required field, or nil for one the
	// official must fill in the form (a table).
	fill := func(f *field) *yaml.Node {
		switch {
		case text(f):
			return str(placeholder)
		case f.Kind == kList && text(f.Item):
			return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{str(placeholder)}}
		}
		return nil
	}
	for _, f := range fields {
		switch {
		case f.Key == "titel":
			add("titel", str(d.Titel))
		case f.Key == "datum" && f.Kind == kDate:
			add("datum", &yaml.Node{Kind: yaml.ScalarNode, Value: d.Datum})
		case f.Register == "nämnder" && f.Kind == kRegister:
			add(f.Key, str(committee))
		case f.Register == "nämnder" && f.Kind == kList:
			add(f.Key, &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Content: []*yaml.Node{str(committee)}})
		case f.Required && !f.Const && fill(f) != nil:
			add(f.Key, fill(f))
		}
	}
	if line := s.schemaLine(o, dir); line != "" {
		m.Content[0].HeadComment = line
	}
	encode := func() ([]byte, error) {
		var b bytes.Buffer
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(m); err != nil {
			return nil, err
		}
		enc.Close()
		return b.Bytes(), nil
	}
	// The review asks for more than the schema requires (a memo's case
	// number): fill in what it asks for, in the form's order.
	out, err := encode()
	for range fields {
		if err != nil {
			return nil, err
		}
		_, diags := p.LoadBytes(s.tree.abs(path.Join(dir, "ny.yaml")), out)
		want := map[string]bool{}
		for _, x := range diags {
			if x.Rule == "required-field" {
				want[x.Path] = true
			}
		}
		added := false
		for _, f := range fields {
			if n := fill(f); want[f.Key] && n != nil && get(m, f.Key) == nil {
				add(f.Key, n)
				added = true
			}
		}
		if !added {
			break
		}
		out, err = encode()
	}
	return out, err
}

// schemaLine is the comment that points the editor at the JSON Schema,
// as the organisation's profile has it, from the new file's folder.
func (s *Server) schemaLine(o *org, dir string) string {
	data, err := s.tree.read(path.Join(o.Dir, "organisation.yaml"))
	if err != nil {
		return ""
	}
	first, _, _ := strings.Cut(string(data), "\n")
	const prefix = "# yaml-language-server: $schema="
	ref, ok := strings.CutPrefix(strings.TrimSpace(first), prefix)
	if !ok {
		return ""
	}
	if strings.Contains(ref, "://") {
		return prefix + ref
	}
	target := filepath.Join(s.tree.abs(o.Dir), filepath.FromSlash(ref))
	rel, err := filepath.Rel(s.tree.abs(dir), target)
	if err != nil {
		return ""
	}
	return prefix + filepath.ToSlash(rel)
}
