package serve

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/internal/testenv"
)

// copyData copies the example data tree to a temporary folder, so that a
// test may write in it.
func copyData(t *testing.T) string {
	t.Helper()
	src := filepath.Join(testenv.RepoRoot(t), "data")
	dst := filepath.Join(t.TempDir(), "data")
	require.NoError(t, os.CopyFS(dst, os.DirFS(src)))
	return dst
}

// newTest starts a server on a copy of the example data, reached through
// an httptest server on the loopback address.
func newTest(t *testing.T) (*Server, *httptest.Server, string) {
	t.Helper()
	dir := copyData(t)
	s, err := New(Config{Dir: dir})
	require.NoError(t, err)
	t.Cleanup(func() { s.tree.Close() })
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts, dir
}

// noRedirect is a client that shows redirects instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func do(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := noRedirect.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// formValues are the values the browser sends for a form as the page
// shows it, unchanged.
func formValues(ws []*widget, v url.Values) url.Values {
	for _, w := range ws {
		switch w.Kind() {
		case "object":
			formValues(w.Children, v)
		case "list":
			v.Set(w.Name+listMark, "1")
			for _, it := range w.Items {
				v.Add(w.Name+itemMark, it.Index)
			}
			formValues(w.Items, v)
		case "bool":
			v.Set(w.Name+boolMark, "1")
			if w.Checked {
				v.Set(w.Name, "true")
			}
		case "other":
		default:
			v.Set(w.Name, w.Value)
		}
	}
	return v
}

// openForm reads a document's form as the page shows it: its widgets'
// values, the token and the version.
func openForm(t *testing.T, s *Server, rel string) url.Values {
	t.Helper()
	c, p, err := s.catalog(false)
	require.NoError(t, err)
	require.True(t, c.has(rel), rel)
	e := s.examine(p, c, rel)
	data, err := s.tree.read(rel)
	require.NoError(t, err)
	f, note := s.form(p, c, e, data)
	require.Empty(t, note)
	v := formValues(append(f.Fields, f.More...), url.Values{})
	v.Set("token", s.token)
	v.Set("version", version(data))
	return v
}

func post(t *testing.T, ts *httptest.Server, path string, v url.Values) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+path, strings.NewReader(v.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return do(t, req)
}

// documents are the example tree's documents, relative to it.
func documents(t *testing.T, s *Server) []string {
	c, _, err := s.catalog(false)
	require.NoError(t, err)
	require.NotEmpty(t, c.rels)
	return c.rels
}

// Opening a document's form and saving it unchanged leaves its file as
// it was, byte for byte: every example document.
func TestSaveUnchangedKeepsFile(t *testing.T) {
	s, ts, dir := newTest(t)
	for _, rel := range documents(t, s) {
		t.Run(rel, func(t *testing.T) {
			before, err := os.ReadFile(filepath.Join(dir, rel))
			require.NoError(t, err)
			code, _ := post(t, ts, "/spara/"+rel, openForm(t, s, rel))
			assert.Equal(t, http.StatusSeeOther, code)
			after, err := os.ReadFile(filepath.Join(dir, rel))
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after))
		})
	}
}

// commentLines are a text's comment lines, trimmed.
func commentLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// A change in the form changes those values in the file and nothing else:
// every comment is kept once, the other keys' lines are unchanged, and
// the file loads with the new values.
func TestSaveFormKeepsComments(t *testing.T) {
	const memo = "tjansteskrivelse-hsn-1203-2024.yaml"
	cases := []struct {
		name string
		rel  string
		set  map[string]string // form field → new value
		drop []string          // list items removed: list name and index
		want map[string]string // YAML path (dots) → value in the saved file
		keys []string          // top-level keys whose lines may change
	}{
		{name: "title", rel: memo, set: map[string]string{"titel": "Ny titel på skrivelsen"},
			want: map[string]string{"titel": "Ny titel på skrivelsen"}, keys: []string{"titel"}},
		{name: "list item", rel: memo, set: map[string]string{"expedieras_till.0.namn": "Anna Andersson"},
			want: map[string]string{"expedieras_till.0.namn": "Anna Andersson"}, keys: []string{"expedieras_till"}},
		{name: "title and list item", rel: memo,
			set:  map[string]string{"titel": "Två ändringar", "beslutsunderlag.1.titel": "Direktivet, version 2"},
			want: map[string]string{"titel": "Två ändringar", "beslutsunderlag.1.titel": "Direktivet, version 2"},
			keys: []string{"titel", "beslutsunderlag"}},
		{name: "date", rel: memo, set: map[string]string{"datum": "2024-12"},
			want: map[string]string{"datum": "2024-12"}, keys: []string{"datum"}},
		{name: "markdown with lines", rel: memo, set: map[string]string{"jämställdhet": "Första raden.\n\nAndra stycket."},
			want: map[string]string{"jämställdhet": "Första raden.\n\nAndra stycket."}, keys: []string{"jämställdhet"}},
		{name: "new key", rel: memo, set: map[string]string{"miljö": "Ärendet påverkar inte miljön."},
			want: map[string]string{"miljö": "Ärendet påverkar inte miljön."}, keys: []string{"miljö"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, ts, dir := newTest(t)
			before, err := os.ReadFile(filepath.Join(dir, c.rel))
			require.NoError(t, err)
			v := openForm(t, s, c.rel)
			for k, x := range c.set {
				if _, ok := v[k]; !ok && !strings.Contains(k, ".") {
					require.Contains(t, v, k, "the form shows %s", k)
				}
				v.Set(k, x)
			}
			code, body := post(t, ts, "/spara/"+c.rel, v)
			require.Equal(t, http.StatusSeeOther, code, body)
			after, err := os.ReadFile(filepath.Join(dir, c.rel))
			require.NoError(t, err)
			assert.Equal(t, commentLines(string(before)), commentLines(string(after)), "every comment, once, in order")
			var doc map[string]any
			require.NoError(t, yaml.Unmarshal(after, &doc))
			for p, want := range c.want {
				assert.Equal(t, want, lookup(doc, p), p)
			}
			// Lines of keys that did not change are all still there.
			var orig yaml.Node
			require.NoError(t, yaml.Unmarshal(before, &orig))
			lines := strings.Split(string(before), "\n")
			m := orig.Content[0]
			for i := 0; i+1 < len(m.Content); i += 2 {
				k := m.Content[i].Value
				if contains(c.keys, k) {
					continue
				}
				end := len(lines)
				if i+2 < len(m.Content) {
					end = m.Content[i+2].Line - 1
				}
				assert.Contains(t, string(after), strings.Join(lines[m.Content[i].Line-1:end], "\n"), "the lines of %s", k)
			}
		})
	}
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// lookup follows a dotted path of keys and indices.
func lookup(v any, p string) any {
	for _, part := range strings.Split(p, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[part]
		case []any:
			i, err := strconv.Atoi(part)
			if err != nil || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	if t, ok := v.(interface{ Format(string) string }); ok {
		return t.Format("2006-01-02")
	}
	return v
}

// A list item removed and one added in the form: the file's list is the
// form's.
func TestSaveFormList(t *testing.T) {
	const rel = "tjansteskrivelse-hsn-1203-2024.yaml"
	s, ts, dir := newTest(t)
	v := openForm(t, s, rel)
	items := v["expedieras_till"+itemMark]
	require.NotEmpty(t, items)
	// Drop the first, add one at the end.
	v["expedieras_till"+itemMark] = append(items[1:], "n1")
	v.Set("expedieras_till.n1.namn", "Ny mottagare")
	code, body := post(t, ts, "/spara/"+rel, v)
	require.Equal(t, http.StatusSeeOther, code, body)
	after, err := os.ReadFile(filepath.Join(dir, rel))
	require.NoError(t, err)
	var doc struct {
		Exp []struct {
			Namn string `yaml:"namn"`
		} `yaml:"expedieras_till"`
	}
	require.NoError(t, yaml.Unmarshal(after, &doc))
	require.Len(t, doc.Exp, len(items))
	assert.Equal(t, "Ny mottagare", doc.Exp[len(doc.Exp)-1].Namn)
}

// A save from a page opened on an older version of the file is refused
// with a Swedish message and a way to reload, and writes nothing: the
// form and the YAML tab.
func TestSaveRefusesChangedFile(t *testing.T) {
	const rel = "tjansteskrivelse-hsn-1203-2024.yaml"
	for _, path := range []string{"/spara/", "/spara-yaml/"} {
		t.Run(path, func(t *testing.T) {
			s, ts, dir := newTest(t)
			v := openForm(t, s, rel)
			v.Set("titel", "Min ändring")
			v.Set("yaml", "typ: tjänsteskrivelse\n")
			file := filepath.Join(dir, rel)
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			changed := strings.Replace(string(data), "nämnd: HSN", "nämnd: RS", 1)
			require.NoError(t, os.WriteFile(file, []byte(changed), 0o644))
			code, body := post(t, ts, path+rel, v)
			assert.Equal(t, http.StatusConflict, code)
			assert.Contains(t, body, "har ändrats på disken")
			assert.Contains(t, body, `href="/dokument/`+rel+`"`)
			after, _ := os.ReadFile(file)
			assert.Equal(t, changed, string(after))
		})
	}
}

// The guard: a foreign Host is refused whatever the request; a write
// needs the token and the server's own origin.
func TestGuard(t *testing.T) {
	s, ts, _ := newTest(t)
	const rel = "tjansteskrivelse-hsn-1203-2024.yaml"
	body := func() url.Values { return openForm(t, s, rel) }
	cases := []struct {
		name   string
		method string
		host   string
		token  string // "" for none, "run" for the server's
		origin string
		want   int
	}{
		{"index", http.MethodGet, "", "", "", http.StatusOK},
		{"index by localhost", http.MethodGet, "localhost", "", "", http.StatusOK},
		{"foreign host", http.MethodGet, "evil.example", "", "", http.StatusMisdirectedRequest},
		{"foreign host with token", http.MethodPost, "evil.example", "run", "", http.StatusMisdirectedRequest},
		{"rebound name", http.MethodGet, "127.0.0.1.nip.io", "", "", http.StatusMisdirectedRequest},
		{"save without token", http.MethodPost, "", "", "", http.StatusForbidden},
		{"save with a wrong token", http.MethodPost, "", "0123", "", http.StatusForbidden},
		{"save from another origin", http.MethodPost, "", "run", "http://evil.example", http.StatusForbidden},
		{"save", http.MethodPost, "", "run", "", http.StatusSeeOther},
	}
	u, _ := url.Parse(ts.URL)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := body()
			v.Del("token")
			switch c.token {
			case "run":
				v.Set("token", s.token)
			case "":
			default:
				v.Set("token", c.token)
			}
			var r io.Reader
			target := ts.URL + "/"
			if c.method == http.MethodPost {
				r, target = strings.NewReader(v.Encode()), ts.URL+"/spara/"+rel
			}
			req, err := http.NewRequest(c.method, target, r)
			require.NoError(t, err)
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if c.host != "" {
				req.Host = c.host + ":" + u.Port()
			}
			if c.origin != "" {
				req.Header.Set("Origin", c.origin)
			}
			code, _ := do(t, req)
			assert.Equal(t, c.want, code)
		})
	}
}

// Paths from the browser stay in the tree and name data files.
func TestPathsStayInTree(t *testing.T) {
	_, ts, dir := newTest(t)
	outside := filepath.Join(filepath.Dir(dir), "hemlig.yaml")
	require.NoError(t, os.WriteFile(outside, []byte("typ: tjänsteskrivelse\n"), 0o644))
	require.NoError(t, os.Symlink(outside, filepath.Join(dir, "lank.yaml")))
	for _, p := range []string{"../hemlig.yaml", "%2e%2e/hemlig.yaml", "lank.yaml", ".git/config.yaml", "organisation.yaml/../../hemlig.yaml", "bilagor/avtal-samverkan-nara-vard.pdf"} {
		t.Run(p, func(t *testing.T) {
			resp, err := http.Get(ts.URL + "/dokument/" + p)
			require.NoError(t, err)
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			assert.NotEqual(t, http.StatusOK, resp.StatusCode)
			assert.NotContains(t, string(b), "hemlig")
		})
	}
	// Nor does the tree's own writer follow the link out.
	s2, err := New(Config{Dir: dir})
	require.NoError(t, err)
	defer s2.tree.Close()
	_, err = s2.tree.read("lank.yaml")
	assert.Error(t, err)
	assert.Error(t, s2.tree.write("lank.yaml", []byte("x"), false))
	data, _ := os.ReadFile(outside)
	assert.Equal(t, "typ: tjänsteskrivelse\n", string(data))
}

// A new document from the small form is written where its organisation
// keeps that kind, and builds.
func TestCreate(t *testing.T) {
	cases := []struct {
		name, typ, namnd, wantDir string
		builds                    bool // or is missing only what the review requires and the form fills in
	}{
		{"region memo", "tjänsteskrivelse", ".|HSN", ".", true},
		{"municipality memo", "tjänsteskrivelse", "exempelby|BUN", "exempelby/bun", true},
		{"municipality project order", "projektbeställning", "exempelby|KS", "exempelby/klf", true},
		{"directive", "uppdragsdirektiv", ".|HSN", ".", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, ts, dir := newTest(t)
			v := url.Values{"token": {s.token}, "typ": {c.typ}, "namnd": {c.namnd}, "titel": {"Ny skolskjutsplan 2026"}, "datum": {"2026-01-15"}}
			code, body := post(t, ts, "/ny", v)
			require.Equal(t, http.StatusSeeOther, code, body)
			resp, err := noRedirect.Post(ts.URL+"/ny", "application/x-www-form-urlencoded", strings.NewReader(v.Encode()))
			require.NoError(t, err)
			loc := resp.Header.Get("Location")
			resp.Body.Close()
			rel := strings.TrimPrefix(loc, "/dokument/")
			assert.Equal(t, c.wantDir, filepath.ToSlash(filepath.Dir(rel)), "the second one is beside the first: %s", rel)
			assert.Regexp(t, regexp.MustCompile(`-2\.yaml$`), rel, "a second document of the same title does not overwrite the first")
			p, err := s.pipeline(forCheck)
			require.NoError(t, err)
			diags := p.Validate(filepath.Join(dir, filepath.FromSlash(rel)))
			if c.builds {
				assert.False(t, diags.HasErrors(), "%v", diags)
			}
			for _, d := range diags {
				if d.Severity == diag.Error {
					assert.Equal(t, "required-field", d.Rule, "%v", d)
				}
			}
		})
	}
}

// The new-document form refuses what it cannot write, saying why.
func TestCreateRefuses(t *testing.T) {
	s, ts, dir := newTest(t)
	good := url.Values{"token": {s.token}, "typ": {"tjänsteskrivelse"}, "namnd": {".|HSN"}, "titel": {"T"}, "datum": {"2026-01-15"}}
	cases := []struct{ name, key, value, want string }{
		{"bad date", "datum", "2026-13-01", "Datumet"},
		{"no title", "titel", " ", "titel"},
		{"unknown kind", "typ", "okänd", "dokumenttyp"},
		{"foreign committee", "namnd", "exempelby|HSN", "nämnd"},
		{"committee outside the tree", "namnd", "..|HSN", "nämnd"},
	}
	before := countFiles(t, dir)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := url.Values{}
			for k, x := range good {
				v[k] = x
			}
			v.Set(c.key, c.value)
			code, body := post(t, ts, "/ny", v)
			assert.Equal(t, http.StatusUnprocessableEntity, code)
			assert.Contains(t, body, c.want)
		})
	}
	assert.Equal(t, before, countFiles(t, dir))
}

func countFiles(t *testing.T, dir string) int {
	n := 0
	require.NoError(t, filepath.WalkDir(dir, func(string, fs.DirEntry, error) error { n++; return nil }))
	return n
}

// Every page of the example tree is served: the index, each document's
// page with its form, problems, preview and outputs, the new-document
// form.
func TestPages(t *testing.T) {
	s, ts, _ := newTest(t)
	paths := []string{"/", "/ny", "/resurser/stil.css", "/resurser/sida.js"}
	for _, rel := range documents(t, s) {
		paths = append(paths, "/dokument/"+rel, "/fel/"+rel)
		for _, f := range s.cfg.Formats {
			paths = append(paths, "/utdata/"+f.Name+"/"+rel)
		}
	}
	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			resp, err := http.Get(ts.URL + p)
			require.NoError(t, err)
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			assert.Equal(t, http.StatusOK, resp.StatusCode, "%.300s", b)
			if strings.HasPrefix(p, "/dokument/") {
				assert.Contains(t, string(b), `<form method="post" action="/spara/`, "the form")
				assert.Contains(t, string(b), `name="yaml"`, "the YAML tab")
			}
		})
	}
}

// The settings every kind has that a document does not use are apart at
// the end of its form; what the file has stays in the form.
func TestFormSettingsApart(t *testing.T) {
	s, _, _ := newTest(t)
	const rel = "uppdragsdirektiv-nara-vard-2025.yaml"
	c, p, err := s.catalog(false)
	require.NoError(t, err)
	data, err := s.tree.read(rel)
	require.NoError(t, err)
	f, note := s.form(p, c, s.examine(p, c, rel), data)
	require.Empty(t, note)
	names := func(ws []*widget) []string {
		var out []string
		for _, w := range ws {
			out = append(out, w.Name)
		}
		return out
	}
	assert.Contains(t, names(f.More), "mall", "not in the file, every kind has it")
	assert.Contains(t, names(f.Fields), "bakgrund", "the directive's own section")
	assert.Contains(t, names(f.Fields), "rubriker", "in the file")
	assert.NotContains(t, names(f.Fields), "mall")
}

// A write that fails leaves the old file whole: here the temporary file
// beside it cannot be made (its name would be longer than the system
// allows), and the page says the old version is kept.
func TestFailedWriteKeepsFile(t *testing.T) {
	s, ts, dir := newTest(t)
	memo, err := os.ReadFile(filepath.Join(dir, "tjansteskrivelse-hsn-1203-2024.yaml"))
	require.NoError(t, err)
	rel := strings.Repeat("l", 240) + ".yaml" // the file fits; ".<name>.<random>.tmp" does not
	require.NoError(t, os.WriteFile(filepath.Join(dir, rel), memo, 0o644))
	v := openForm(t, s, rel)
	v.Set("yaml", strings.Replace(string(memo), "nämnd: HSN", "nämnd: RS", 1))
	code, body := post(t, ts, "/spara-yaml/"+rel, v)
	assert.Equal(t, http.StatusInternalServerError, code)
	assert.Contains(t, body, "den gamla versionen står kvar")
	after, err := os.ReadFile(filepath.Join(dir, rel))
	require.NoError(t, err)
	assert.Equal(t, string(memo), string(after))
}

// A file that is not valid YAML has no form, says so, and is mended on
// the YAML tab.
func TestBrokenYAML(t *testing.T) {
	s, ts, dir := newTest(t)
	const rel = "tjansteskrivelse-hsn-1203-2024.yaml"
	file := filepath.Join(dir, rel)
	good, err := os.ReadFile(file)
	require.NoError(t, err)
	bad := strings.Replace(string(good), "nämnd: HSN", "nämnd: [HSN", 1)
	require.NoError(t, os.WriteFile(file, []byte(bad), 0o644))
	s.invalidate()
	resp, err := http.Get(ts.URL + "/dokument/" + rel)
	require.NoError(t, err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(b), "inte giltig YAML")
	assert.Contains(t, string(b), `<li class="problem-fel">`, "the syntax error, positioned")
	v := url.Values{"token": {s.token}, "version": {version([]byte(bad))}, "yaml": {string(good)}}
	code, _ := post(t, ts, "/spara-yaml/"+rel, v)
	assert.Equal(t, http.StatusSeeOther, code)
	after, _ := os.ReadFile(file)
	assert.Equal(t, string(good), string(after))
}
