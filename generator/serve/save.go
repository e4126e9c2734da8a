package serve

import (
	"bytes"
	"net/http"
	"net/url"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// conflict is the page shown when a save is refused because the file
// changed on disk since the page was opened: nothing is written, and the
// official's text is shown so that it can be copied into the new version.
type conflict struct {
	Frame
	Doc    *entry
	Msg    string
	Yours  string // the YAML that was to be saved, or the form's values
	Reload string
}

func (s *Server) saveForm(w http.ResponseWriter, r *http.Request) {
	e, _, p, ok := s.target(w, r)
	if !ok {
		return
	}
	src, ok := s.current(w, r, e)
	if !ok {
		return
	}
	sch, err := s.schema(p, path.Dir(e.Rel))
	if err != nil {
		s.fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	def, found := sch.kind(e.Kind)
	var orig, edit yaml.Node
	if !found || yaml.Unmarshal(src, &orig) != nil || yaml.Unmarshal(src, &edit) != nil ||
		len(orig.Content) == 0 || orig.Content[0].Kind != yaml.MappingNode {
		s.fail(w, http.StatusUnprocessableEntity, "Formuläret kan inte sparas i en fil som inte är giltig YAML; använd fliken YAML.")
		return
	}
	fields := arrange(sch.fields(def, 0), edit.Content[0], s.order(e, edit.Content[0]))
	apply(edit.Content[0], fields, r.PostForm, "")
	out, err := writeBack(src, orig.Content[0], edit.Content[0])
	if err != nil {
		s.fail(w, http.StatusInternalServerError, "Filen kunde inte skrivas: "+err.Error())
		return
	}
	s.store(w, r, e, src, out)
}

func (s *Server) saveYAML(w http.ResponseWriter, r *http.Request) {
	e, _, _, ok := s.target(w, r)
	if !ok {
		return
	}
	src, ok := s.current(w, r, e)
	if !ok {
		return
	}
	text := strings.ReplaceAll(r.PostFormValue("yaml"), "\r\n", "\n")
	s.store(w, r, e, src, []byte(text))
}

// current reads the file and checks that it is the version the page was
// opened on; when it is not, it answers with the conflict page.
func (s *Server) current(w http.ResponseWriter, r *http.Request, e *entry) ([]byte, bool) {
	src, err := s.tree.read(e.Rel)
	if err != nil {
		s.fail(w, http.StatusInternalServerError, "Filen kunde inte läsas: "+err.Error())
		return nil, false
	}
	if r.PostFormValue("version") != version(src) {
		s.render(w, http.StatusConflict, "konflikt.html", conflict{
			Frame:  Frame{"Filen har ändrats", s.token},
			Doc:    e,
			Msg:    "Filen " + e.Rel + " har ändrats på disken sedan du öppnade den, i ett annat fönster eller program. Ingenting sparades, så att den andra ändringen inte skrivs över. Ladda om sidan för att se den nya versionen och gör din ändring igen; din text står nedan så att du kan kopiera den.",
			Yours:  yours(r.PostForm),
			Reload: "/dokument/" + e.Rel,
		})
		return nil, false
	}
	return src, true
}

// yours is what the official sent, to copy from the conflict page: the
// YAML, or the form's filled-in fields one a line.
func yours(v url.Values) string {
	if y := v.Get("yaml"); y != "" {
		return y
	}
	var b strings.Builder
	for k, vs := range v {
		if k == "token" || k == "version" || strings.Contains(k, ".@") {
			continue
		}
		for _, x := range vs {
			if strings.TrimSpace(x) != "" {
				b.WriteString(k + ": " + x + "\n")
			}
		}
	}
	return b.String()
}

// store writes the new text atomically, unless it is the same, and sends
// the browser back to the document.
func (s *Server) store(w http.ResponseWriter, r *http.Request, e *entry, old, text []byte) {
	if !bytes.Equal(old, text) {
		if err := s.tree.write(e.Rel, text, false); err != nil {
			s.fail(w, http.StatusInternalServerError, "Filen kunde inte sparas, och den gamla versionen står kvar: "+err.Error())
			return
		}
		s.invalidate()
	}
	http.Redirect(w, r, "/dokument/"+e.Rel+"?sparat", http.StatusSeeOther)
}
