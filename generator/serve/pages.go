package serve

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/pipeline"
)

//go:embed assets
var assets embed.FS

func assetFS() fs.FS {
	sub, _ := fs.Sub(assets, "assets")
	return sub
}

// pages are the server's page templates, parsed when the first page is
// made: every underlag process links this package, and only `underlag
// serve` shows a page.
var pages = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"upper": strings.ToUpper,
		"lower": strings.ToLower,
		// caret is the line under an excerpt that points at its column.
		"caret": func(line string, col int) string {
			var b strings.Builder
			for i, r := range []rune(line) {
				if i >= col-1 {
					break
				}
				if r != '\t' {
					r = ' ' // a tab stays a tab, so the caret lines up
				}
				b.WriteRune(r)
			}
			return b.String() + "^"
		},
		// rows is a text area's height: its lines and a few more.
		"rows": func(v string) int { return min(max(strings.Count(v, "\n")+2, 3), 20) },
	}).ParseFS(assets, "assets/*.html"))
})

// Frame is what every page's frame needs.
type Frame struct {
	Title string
	Token string
}

// render writes a page; a template that fails is a server error.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) {
	var b bytes.Buffer
	if err := pages().ExecuteTemplate(&b, name, data); err != nil {
		s.logf("page %s: %v", name, err)
		http.Error(w, "Sidan kunde inte visas: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	// The pages load only the server's own style sheet and script, and
	// send forms only to it.
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'; form-action 'self'; base-uri 'none'")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

func (s *Server) logf(format string, args ...any) {
	s.cfg.Log.Write([]byte("underlag serve: " + strings.TrimSpace(fmt.Sprintf(format, args...)) + "\n"))
}

// fail shows a Swedish error page.
func (s *Server) fail(w http.ResponseWriter, status int, msg string) {
	s.render(w, status, "fel.html", struct {
		Frame
		Msg string
	}{Frame{Title: "Något gick fel", Token: s.token}, msg})
}

// group is one organisation's documents of one kind on the index.
type group struct {
	Org, Kind string
	Docs      []*entry
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	c, _, err := s.catalog(true)
	if err != nil {
		s.fail(w, http.StatusInternalServerError, "Dataträdet kunde inte läsas: "+err.Error())
		return
	}
	var groups []*group
	for _, e := range c.docs {
		org := "Utan organisation"
		if e.Org != nil {
			org = e.Org.Name
		}
		if n := len(groups); n == 0 || groups[n-1].Org != org || groups[n-1].Kind != e.Kind {
			groups = append(groups, &group{Org: org, Kind: e.Kind})
		}
		g := groups[len(groups)-1]
		g.Docs = append(g.Docs, e)
	}
	s.render(w, http.StatusOK, "index.html", struct {
		Frame
		Groups  []*group
		Formats []pipeline.Format
		Dir     string
	}{Frame{"Dokument", s.token}, groups, s.cfg.Formats, s.tree.dir})
}

// problem is a diagnostic as the page shows it.
type problem struct {
	diag.Diagnostic
	Rel      string
	Severity string
}

func (s *Server) problemsOf(diags diag.List) []problem {
	var out []problem
	for _, d := range diags {
		p := problem{Diagnostic: d, Rel: d.File, Severity: map[diag.Severity]string{diag.Error: "fel", diag.Warning: "varning", diag.Info: "notering"}[d.Severity]}
		if r, ok := s.tree.rel(d.File); ok {
			p.Rel = r
		}
		out = append(out, p)
	}
	return out
}

// docData is the document page's data.
type docData struct {
	Frame
	Doc      *entry
	Problems []problem
	Form     form
	Version  string
	Raw      string
	Formats  []pipeline.Format
	Preview  bool
	Saved    bool
	Gen      int    // the tree's state the page shows
	Note     string // why the form is not shown
}

// document is the path of the document a request names, or an error page.
func (s *Server) document(w http.ResponseWriter, r *http.Request) (string, bool) {
	rel, err := clean(r.PathValue("path"))
	if err != nil {
		s.fail(w, http.StatusNotFound, "Ingen datafil i dataträdet heter så.")
		return "", false
	}
	c, _, err := s.catalog(false)
	if err != nil {
		s.fail(w, http.StatusInternalServerError, "Dataträdet kunde inte läsas: "+err.Error())
		return "", false
	}
	if !c.has(rel) {
		s.fail(w, http.StatusNotFound, "Dokumentet "+rel+" finns inte i dataträdet.")
		return "", false
	}
	return rel, true
}

// target is the document a request names, checked as it is now, or an
// error page.
func (s *Server) target(w http.ResponseWriter, r *http.Request) (*entry, *catalog, *pipeline.Pipeline, bool) {
	rel, ok := s.document(w, r)
	if !ok {
		return nil, nil, nil, false
	}
	c, p, err := s.catalog(false)
	if err != nil {
		s.fail(w, http.StatusInternalServerError, "Dataträdet kunde inte läsas: "+err.Error())
		return nil, nil, nil, false
	}
	// The document itself as it is now: the catalog may be a moment older
	// than a save the watcher has not reported yet.
	return s.examine(p, c, rel), c, p, true
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	e, c, p, ok := s.target(w, r)
	if !ok {
		return
	}
	data, err := s.tree.read(e.Rel)
	if err != nil {
		s.fail(w, http.StatusInternalServerError, "Filen kunde inte läsas: "+err.Error())
		return
	}
	d := docData{Frame: Frame{e.Title, s.token}, Doc: e, Problems: s.problemsOf(e.Diags),
		Version: version(data), Raw: string(data), Formats: s.cfg.Formats, Saved: r.URL.Query().Has("sparat")}
	_, d.Preview = s.previewFormat()
	s.mu.Lock()
	d.Gen = s.gen
	s.mu.Unlock()
	d.Form, d.Note = s.form(p, c, e, data)
	s.render(w, http.StatusOK, "dokument.html", d)
}

// form is the widgets of a document's form, or a note saying why there
// is none (the file is not YAML, its kind is unknown).
func (s *Server) form(p *pipeline.Pipeline, c *catalog, e *entry, data []byte) (form, string) {
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil || len(n.Content) == 0 || n.Content[0].Kind != yaml.MappingNode {
		return form{}, "Filen är inte giltig YAML just nu; rätta den på fliken YAML."
	}
	m := n.Content[0]
	sch, err := s.schema(p, path.Dir(e.Rel))
	if err != nil {
		return form{}, "Formuläret kunde inte göras: " + err.Error()
	}
	def, ok := sch.kind(e.Kind)
	if !ok {
		return form{}, "Dokumenttypen " + strconv.Quote(e.Kind) + " är okänd; rätta typ: på fliken YAML."
	}
	regs := registers{}
	if e.Org != nil {
		regs["nämnder"], regs["personer"] = e.Org.Committees, e.Org.People
	}
	return buildForm(sch.fields(def, 0), m, regs, s.order(e, m), sch.common()), ""
}

// order is the order of a document's sections: its own ordning, or its
// organisation's for its kind.
func (s *Server) order(e *entry, m *yaml.Node) []string {
	var own []string
	if o := get(m, "ordning"); o != nil {
		_ = o.Decode(&own)
	}
	if len(own) > 0 || e.Org == nil {
		return own
	}
	data, err := s.tree.read(path.Join(e.Org.Dir, "organisation.yaml"))
	if err != nil {
		return nil
	}
	var prof struct {
		Ordning map[string][]string `yaml:"ordning"`
	}
	_ = yaml.Unmarshal(data, &prof)
	return prof.Ordning[e.Kind]
}

// schema is the JSON Schema of the files under a folder of the tree: the
// pipeline's kinds and those its organisation defines in data.
func (s *Server) schema(p *pipeline.Pipeline, dir string) (*schemaDoc, error) {
	b, err := p.SchemaFor(s.tree.abs(dir))
	if err != nil {
		return nil, err
	}
	return parseSchema(b)
}

// problems is the document's errors and warnings alone, which the page
// fetches again after every change.
func (s *Server) problems(w http.ResponseWriter, r *http.Request) {
	e, _, _, ok := s.target(w, r)
	if !ok {
		return
	}
	s.render(w, http.StatusOK, "problem.html", struct {
		Doc      *entry
		Problems []problem
	}{e, s.problemsOf(e.Diags)})
}

// preview is the document in the HTML format of the table.
func (s *Server) preview(w http.ResponseWriter, r *http.Request) {
	f, ok := s.previewFormat()
	if !ok {
		s.fail(w, http.StatusNotFound, "Förhandsvisning saknas: inget format i tabellen ger HTML.")
		return
	}
	s.renderOutput(w, r, f, forPreview)
}

// output is the document in a format of the table, to open or download.
func (s *Server) output(w http.ResponseWriter, r *http.Request) {
	f, err := s.cfg.Formats.Lookup(r.PathValue("format"))
	if err != nil {
		s.fail(w, http.StatusNotFound, "Okänt format: "+r.PathValue("format"))
		return
	}
	s.renderOutput(w, r, f, forOutput)
}

func (s *Server) renderOutput(w http.ResponseWriter, r *http.Request, f pipeline.Format, u use) {
	rel, ok := s.document(w, r)
	if !ok {
		return
	}
	p, err := s.pipeline(u)
	if err != nil {
		s.fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	var b bytes.Buffer
	err = func() error {
		d, diags := p.Load(s.tree.abs(rel))
		if d == nil {
			return diagErr(diags)
		}
		t, cd := p.Compose(d)
		if t == nil {
			return diagErr(cd)
		}
		_, err := p.Render(&b, f.Name, t)
		return err
	}()
	if err != nil {
		s.render(w, http.StatusUnprocessableEntity, "fel.html", struct {
			Frame
			Msg string
		}{Frame{"Dokumentet kan inte visas", s.token}, "Dokumentet har fel och kan inte göras som " + strings.ToUpper(f.Name) + " förrän de är rättade: " + err.Error()})
		return
	}
	name := strings.TrimSuffix(path.Base(rel), path.Ext(rel)) + f.Ext
	w.Header().Set("Content-Type", f.MediaType+charset(f))
	// Inline: the browser shows what it can (PDF, HTML) and saves the
	// rest (DOCX) under the document's name.
	w.Header().Set("Content-Disposition", "inline; filename*=UTF-8''"+url.PathEscape(name))
	w.Header().Set("Cache-Control", "no-store")
	if u == forPreview {
		// The preview runs no script: a document's text cannot act on the
		// page around it (the page reads it, to keep its scroll position).
		w.Header().Set("Content-Security-Policy", "sandbox allow-same-origin; script-src 'none'; frame-ancestors 'self'")
	}
	w.Write(b.Bytes())
}

func charset(f pipeline.Format) string {
	if f.Binary {
		return ""
	}
	return "; charset=utf-8"
}

func diagErr(diags diag.List) error {
	var msgs []string
	for _, d := range diags {
		if d.Severity == diag.Error {
			msgs = append(msgs, d.Error())
		}
	}
	if len(msgs) == 0 {
		return errors.New("okänt fel")
	}
	return errors.New(strings.Join(msgs, "; "))
}

// kindsOf lists the kinds a new document can be, from the schema.
func kindsOf(sch *schemaDoc) []string {
	return slices.DeleteFunc(sch.kinds(), func(k string) bool {
		def, ok := sch.kind(k)
		return !ok || get(get(def, "properties"), "titel") == nil
	})
}
