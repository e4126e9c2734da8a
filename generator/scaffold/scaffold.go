// Package scaffold makes a new organisation's repository for underlag: the
// registries with comments, one example document of each kind, the JSON
// Schema wired into every data file and the editor, CI workflows and a
// README, ready to build (`underlag init`).
//
// Plan lists the files and Write writes them; Write refuses to overwrite
// anything, so a scaffold never destroys an organisation's work.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"text/template"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/underlag/underlag/docs"
	"github.com/underlag/underlag/generator/atomic"
)

//go:embed files/*.tmpl
var templates embed.FS

// SchemaPath is where the JSON Schema is written, relative to the
// repository: data files point at it from data/ as
// ../schema/underlag.schema.json, as the project's own examples do.
const SchemaPath = "schema/underlag.schema.json"

// DataDir is the folder of the data, the default of `underlag build`.
const DataDir = "data"

// Options are what the scaffold is made for.
type Options struct {
	Name   string // the organisation's name, "Exempelby kommun"; required
	Office string // an office (förvaltning) that sends documents, "Kommunledningsförvaltningen"; "" for none
	Schema []byte // the JSON Schema of the format, from the pipeline; required
	// Version is the underlag that makes the scaffold (`underlag
	// version`): a release (v1.2.3) is what the README and the CI files
	// pin; a development build pins the workflows' own release.
	Version string
	Year    int       // the year the examples are dated in; default this year
	Now     time.Time // when; only Year is taken from it when Year is 0
}

// File is one file of the scaffold.
type File struct {
	Path string // relative to the repository, slash-separated
	Data []byte
}

// files maps each template to the file it makes, in the order they are
// written and listed.
var files = []struct{ tmpl, path string }{
	{"gitignore.tmpl", ".gitignore"},
	{"gitattributes.tmpl", ".gitattributes"},
	{"vscode-settings.json.tmpl", ".vscode/settings.json"},
	{"vscode-extensions.json.tmpl", ".vscode/extensions.json"},
	{"organisation.yaml.tmpl", DataDir + "/organisation.yaml"},
	{"ordlista.yaml.tmpl", DataDir + "/ordlista.yaml"},
	{"personer.yaml.tmpl", DataDir + "/personer.yaml"},
	{"uppdragsdirektiv.yaml.tmpl", DataDir + "/uppdragsdirektiv-exempel.yaml"},
	{"tjansteskrivelse.yaml.tmpl", memoPath},
	{"statusrapport.yaml.tmpl", DataDir + "/statusrapport-exempel.yaml"},
	// Last: it shows an error at a line of the memo.
	{"README.md.tmpl", "README.md"},
}

// memoPath is the example memo, whose committee line the README's example
// error points at.
const memoPath = DataDir + "/tjansteskrivelse-exempel.yaml"

// Committee is a committee (nämnd) of the scaffold's profile.
type Committee struct{ Abbrev, Name string }

// data is what the templates see.
type data struct {
	Name       string
	Office     string // the office's name
	OfficeID   string // its id in the profile
	Region     bool   // a region rather than a municipality
	Board      Committee
	Council    Committee
	Committees []Committee
	Year       int
	Schema     string // the $schema path from data/
	SchemaFile string // SchemaPath
	DataDir    string // DataDir
	// MemoCommitteeLine is the line of the example memo's nämnd:.
	MemoCommitteeLine int
	Version           string // the underlag release the repository pins
}

// pinLine is the line of the example workflows that pins underlag's
// version; release matches a release's version.
var (
	pinLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^(\s*UNDERLAG_VERSION: )(v\S+)$`) })
	release = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^v\d+\.\d+\.\d+$`) })
)

// pinned is the release a new repository pins: the running underlag when
// it is a release, else the one the example workflows pin.
func pinned(version string) string {
	if release().MatchString(version) {
		return version
	}
	if m := pinLine().FindSubmatch(docs.GitHubActions); m != nil {
		return string(m[2])
	}
	return "main"
}

// pin sets the workflow's UNDERLAG_VERSION to version.
func pin(workflow []byte, version string) []byte {
	return pinLine().ReplaceAll(workflow, []byte("${1}"+version))
}

// Plan returns the files of the scaffold, without writing anything.
func Plan(o Options) ([]File, error) {
	name := strings.TrimSpace(norm.NFC.String(o.Name))
	if name == "" {
		return nil, errors.New("scaffold: the organisation needs a name")
	}
	if len(o.Schema) == 0 {
		return nil, errors.New("scaffold: no schema given")
	}
	d := data{Name: name, Office: strings.TrimSpace(norm.NFC.String(o.Office)), Year: o.Year, Version: pinned(o.Version)}
	if d.Year == 0 {
		now := o.Now
		if now.IsZero() {
			now = time.Now()
		}
		d.Year = now.Year()
	}
	if d.Office != "" {
		d.OfficeID = Slug(d.Office)
		if d.OfficeID == "" {
			return nil, fmt.Errorf("scaffold: the office %q has no letters to make an id of", d.Office)
		}
	}
	d.Region = strings.Contains(strings.ToLower(name), "region")
	if d.Region {
		d.Board = Committee{"RS", "Regionstyrelsen"}
		d.Council = Committee{"RF", "Regionfullmäktige"}
		d.Committees = []Committee{d.Board, d.Council, {"HSN", "Hälso- och sjukvårdsnämnden"}}
	} else {
		d.Board = Committee{"KS", "Kommunstyrelsen"}
		d.Council = Committee{"KF", "Kommunfullmäktige"}
		d.Committees = []Committee{d.Board, d.Council, {"BUN", "Barn- och utbildningsnämnden"}}
	}
	rel, _ := filepath.Rel(DataDir, SchemaPath) // both constants: never fails
	d.Schema = filepath.ToSlash(rel)
	d.SchemaFile, d.DataDir = SchemaPath, DataDir

	t, err := template.New("").Funcs(template.FuncMap{"yaml": yamlScalar, "lower": strings.ToLower}).ParseFS(templates, "files/*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("scaffold: %w", err)
	}
	var out []File
	for _, f := range files {
		var b bytes.Buffer
		if err := t.ExecuteTemplate(&b, f.tmpl, d); err != nil {
			return nil, fmt.Errorf("scaffold: %s: %w", f.path, err)
		}
		out = append(out, File{Path: f.path, Data: b.Bytes()})
		if f.path == memoPath {
			d.MemoCommitteeLine = lineOf(b.Bytes(), "nämnd:")
		}
	}
	out = append(out,
		File{Path: SchemaPath, Data: o.Schema},
		File{Path: ".github/workflows/dokument.yml", Data: pin(docs.GitHubActions, d.Version)},
		File{Path: ".gitlab-ci.yml", Data: pin(docs.GitLabCI, d.Version)},
	)
	return out, nil
}

// ExistsError is Write refusing to overwrite: it lists every file of the
// scaffold that is already there.
type ExistsError struct {
	Dir   string
	Paths []string // as they would be written, joined to Dir
}

func (e *ExistsError) Error() string {
	return fmt.Sprintf("%s already holds %d of the files underlag init writes, so nothing was written:\n  %s\nchoose a new folder, or move these away",
		e.Dir, len(e.Paths), strings.Join(e.Paths, "\n  "))
}

// Write writes the files under dir, creating the folders they need. It
// writes nothing when any of them exists (an *ExistsError lists them
// all), and returns the paths it wrote.
func Write(dir string, list []File) ([]string, error) {
	var exist []string
	for _, f := range list {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if _, err := os.Lstat(p); err == nil {
			exist = append(exist, p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("init: %w", err)
		}
	}
	if len(exist) > 0 {
		return nil, &ExistsError{Dir: dir, Paths: exist}
	}
	var wrote []string
	for _, f := range list {
		if path.IsAbs(f.Path) || !filepath.IsLocal(filepath.FromSlash(f.Path)) {
			return wrote, fmt.Errorf("init: %s is not a path inside the repository", f.Path)
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := atomic.WriteBytes(p, f.Data, 0o644); err != nil {
			return wrote, fmt.Errorf("init: %w", err)
		}
		wrote = append(wrote, p)
	}
	return wrote, nil
}

// Slug makes an id of a name: lower case ASCII letters and digits joined
// by hyphens, "Barn- och utbildningsförvaltningen" →
// "barn-och-utbildningsforvaltningen".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a diacritic of the letter before: å → a
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

// yamlScalar writes s as a YAML scalar on one line, quoted only when it
// must be ("Region: Norr", "#1", "yes").
func yamlScalar(s string) (string, error) {
	b, err := yaml.Marshal(s)
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(string(b), "\n"), nil
}

// lineOf is the number of the first line of text that starts with prefix,
// or 0.
func lineOf(text []byte, prefix string) int {
	for i, l := range bytes.Split(text, []byte("\n")) {
		if bytes.HasPrefix(l, []byte(prefix)) {
			return i + 1
		}
	}
	return 0
}
