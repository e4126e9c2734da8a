package serve

import (
	"cmp"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/pipeline"
)

// state is a document's state on the index: it builds, it builds with
// warnings, or it does not build.
type state int

const (
	stateOK state = iota
	stateWarnings
	stateErrors
)

// label is the state in Swedish, as the index shows it.
func (s state) Label() string {
	return [...]string{"klar", "varningar", "fel"}[s]
}

func stateOf(diags diag.List) state {
	switch {
	case diags.HasErrors():
		return stateErrors
	case len(diags) > 0:
		return stateWarnings
	}
	return stateOK
}

// entry is one document of the tree.
type entry struct {
	Rel   string // slash-separated, relative to the tree
	Kind  string // its typ:
	Title string
	Org   *org
	State state
	Diags diag.List
}

// org is an organisation of the tree: a folder with organisation.yaml,
// whose documents are those below it up to another organisation's.
type org struct {
	Dir        string // slash-separated, relative to the tree; "." for its top
	Name       string
	Committees []choice // its committees, abbreviation and name
	People     []choice // its people register: id and name
}

// choice is a value an official picks from a register.
type choice struct{ Value, Label string }

// catalog is what the server knows of the tree at one moment.
type catalog struct {
	rels []string        // the documents' paths
	docs []*entry        // the documents checked, when scanned with check
	orgs map[string]*org // by Dir
}

// scan finds the tree's organisations and documents; with check, it
// checks every document with the pipeline, as a build would.
func (s *Server) scan(p *pipeline.Pipeline, check bool) (*catalog, error) {
	files, err := p.Find([]string{s.tree.dir})
	if err != nil {
		return nil, err
	}
	c := &catalog{orgs: map[string]*org{}}
	var docs []string
	for _, f := range files {
		rel, ok := s.tree.rel(f)
		if !ok {
			continue
		}
		if path.Base(rel) == "organisation.yaml" {
			c.orgs[path.Dir(rel)] = s.readOrg(rel)
			continue
		}
		if p.Registry(f) {
			continue
		}
		docs = append(docs, rel)
	}
	c.rels = docs
	if !check {
		return c, nil
	}
	results := make([]*entry, len(docs))
	pipeline.Parallel(len(docs), 0, func(i int) {
		results[i] = s.examine(p, c, docs[i])
	})
	c.docs = results
	slices.SortFunc(c.docs, func(a, b *entry) int {
		return cmp.Or(cmp.Compare(a.orgName(), b.orgName()), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Rel, b.Rel))
	})
	return c, nil
}

func (e *entry) orgName() string {
	if e.Org == nil {
		return ""
	}
	return e.Org.Name
}

// examine validates one document and reads its kind and title as written,
// which a file with errors still shows.
func (s *Server) examine(p *pipeline.Pipeline, c *catalog, rel string) *entry {
	e := &entry{Rel: rel, Org: c.orgFor(rel)}
	// As Validate does, keeping the tree for the title a kind derives
	// (a status report's, from its directive).
	d, diags := p.Load(s.tree.abs(rel))
	derived := ""
	if d != nil {
		t, cd := p.Compose(d)
		diags = append(diags, cd...)
		if t != nil {
			derived = t.Meta.Title
		}
	}
	e.Diags = diags
	e.State = stateOf(e.Diags)
	if data, err := s.tree.read(rel); err == nil {
		var head struct {
			Typ   string `yaml:"typ"`
			Titel string `yaml:"titel"`
		}
		var n yaml.Node
		if yaml.Unmarshal(data, &n) == nil && len(n.Content) > 0 {
			_ = n.Content[0].Decode(&head) // what is there; errors are in Diags
		}
		e.Kind, e.Title = head.Typ, head.Titel
	}
	if e.Title == "" {
		e.Title = cmp.Or(derived, path.Base(rel))
	}
	return e
}

// orgFor is the organisation a file belongs to: the nearest folder at or
// above it with organisation.yaml.
func (c *catalog) orgFor(rel string) *org {
	for d := path.Dir(rel); ; d = path.Dir(d) {
		if o, ok := c.orgs[d]; ok {
			return o
		}
		if d == "." {
			return nil
		}
	}
}

// has reports whether rel is a document of the tree.
func (c *catalog) has(rel string) bool { return slices.Contains(c.rels, rel) }

// readOrg reads an organisation's name and its committees, and its people
// from personer.yaml beside it, for the index and the form's choices. A
// broken file gives what could be read; the pipeline reports its errors.
func (s *Server) readOrg(rel string) *org {
	o := &org{Dir: path.Dir(rel), Name: path.Dir(rel)}
	var prof struct {
		Namn    string `yaml:"namn"`
		Nämnder []struct {
			Förkortning string `yaml:"förkortning"`
			Namn        string `yaml:"namn"`
		} `yaml:"nämnder"`
	}
	if data, err := s.tree.read(rel); err == nil && yaml.Unmarshal(data, &prof) == nil {
		if prof.Namn != "" {
			o.Name = prof.Namn
		}
		for _, n := range prof.Nämnder {
			v := cmp.Or(n.Förkortning, n.Namn)
			o.Committees = append(o.Committees, choice{v, strings.TrimSpace(n.Namn)})
		}
	}
	var people struct {
		Personer []struct {
			ID   string `yaml:"id"`
			Namn string `yaml:"namn"`
		} `yaml:"personer"`
	}
	if data, err := s.tree.read(path.Join(o.Dir, "personer.yaml")); err == nil && yaml.Unmarshal(data, &people) == nil {
		for _, p := range people.Personer {
			if p.ID != "" {
				o.People = append(o.People, choice{p.ID, p.Namn})
			}
		}
	}
	return o
}
