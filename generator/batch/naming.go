package batch

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/underlag/underlag/generator/filename"
)

// Naming is the rule that names a document's outputs. Under either rule
// the name depends only on the document itself, never on which other
// documents are in the run, so a shard, a whole build and an incremental
// build agree, and adding a document never changes what an existing path
// holds.
type Naming int

const (
	// PathNames mirror the source: data/hsn/memo.yaml, found under data/,
	// becomes hsn/memo.pdf (the way pandoc and Typst name outputs).
	PathNames Naming = iota
	// DescriptiveNames put the document's date, case number and kind
	// (its kind's file-name rule) before the source's name:
	// hsn/2024-11-20-hsn-1203-2024-tjansteskrivelse_memo.pdf. The
	// descriptive part never holds "_", so the source's name after it
	// keeps the names of two sources apart.
	DescriptiveNames
)

// Namings are the rules' names on the command line, by rule.
var Namings = []string{PathNames: "sökväg", DescriptiveNames: "beskrivande"}

// ParseNaming reads a rule's name: "sökväg" (also "sokvag", "path") or
// "beskrivande" (also "descriptive").
func ParseNaming(s string) (Naming, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "sökväg", "sokvag", "path":
		return PathNames, nil
	case "beskrivande", "descriptive":
		return DescriptiveNames, nil
	}
	return 0, fmt.Errorf("names %q: the rules are %s (mirror the data tree) and %s (date, case number and kind before the file's name)", s, Namings[PathNames], Namings[DescriptiveNames])
}

func (n Naming) String() string {
	if int(n) < len(Namings) {
		return Namings[n]
	}
	return fmt.Sprintf("Naming(%d)", int(n))
}

// maxBase is the longest output base name, with its extension: file
// systems take 255 bytes, and an output is written through a temporary
// file beside it whose name adds up to 20 (".NAME.RANDOM.tmp").
const maxBase = 230

// root is one path the build was given: outputs of files under a directory
// mirror their place below it.
type root struct {
	path  string // cleaned, slash-separated
	isDir bool
}

func rootsOf(paths []string) ([]root, error) {
	var rs []root
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("build: %w", err)
		}
		rs = append(rs, root{path: filepath.ToSlash(filepath.Clean(p)), isDir: fi.IsDir()})
	}
	return rs, nil
}

// within reports whether src is the root itself or below it.
func (r root) within(src string) bool {
	if !r.isDir {
		return src == r.path
	}
	if r.path == "." {
		return !strings.HasPrefix(src, "../") && !path.IsAbs(src)
	}
	return strings.HasPrefix(src, r.path+"/") || r.path == "/" && path.IsAbs(src)
}

func underRoots(rs []root, src string) bool {
	for _, r := range rs {
		if r.within(src) {
			return true
		}
	}
	return false
}

// place is where a source's outputs go: the directory relative to the
// output directory ("" for the top) and the source's name without its
// extension. The directory is the source's own relative to the deepest
// directory root holding it; a file given by itself goes to the top. Only
// local paths come out: a directory that would climb out of the output
// directory maps to the top.
func place(rs []root, src string) (dir, stem string) {
	base := path.Base(src)
	stem = strings.TrimSuffix(base, path.Ext(base))
	best := -1
	for i, r := range rs {
		if r.isDir && r.within(src) && (best < 0 || len(r.path) > len(rs[best].path)) {
			best = i
		}
	}
	if best < 0 {
		return "", stem
	}
	rel := path.Dir(src)
	if p := rs[best].path; p != "." {
		rel = strings.TrimPrefix(strings.TrimPrefix(rel, p), "/")
	}
	if rel == "." || rel == "" || !filepath.IsLocal(filepath.FromSlash(rel)) {
		return "", stem
	}
	return rel, stem
}

// outputName is the path of a source's outputs without extension, relative
// to the output directory. descriptive is the kind's name for the document
// (pipeline.Doc.OutputName), used by DescriptiveNames only.
func outputName(n Naming, dir, stem, descriptive string) (string, error) {
	if stem == "" {
		return "", fmt.Errorf("a file named only by its extension has no name for its outputs: rename it")
	}
	base := stem
	if n == DescriptiveNames {
		d := filename.Slug(descriptive)
		if d == "" {
			d = "dokument"
		}
		base = d + "_" + stem
	}
	if len(base)+len(".docx") > maxBase {
		return "", fmt.Errorf("the output name %q is too long for a file system (%d bytes; the limit is %d with the extension): shorten the file's name", base, len(base), maxBase-len(".docx"))
	}
	name := path.Join(dir, base)
	for _, seg := range strings.Split(name, "/") {
		if err := portable(seg); err != nil {
			return "", err
		}
	}
	return name, nil
}

// portable refuses a file or folder name that Windows, or the artifact
// stores of CI services (GitHub's upload-artifact among them), do not
// take: the characters " * : < > ? | \ and control characters (a
// newline), a name ending in a dot or a space, and the device names CON,
// PRN, AUX, NUL, COM1–COM9 and LPT1–LPT9, with any extension. The data
// tree is built on Linux in CI and opened on Windows by the officials, so
// a name that works on one only is refused on both.
func portable(name string) error {
	for _, r := range name {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`"*:<>?|\`, r) {
			return fmt.Errorf("the name %q holds %s, which Windows and CI artifact stores do not take in a file name: rename the file or folder", name, describeRune(r))
		}
	}
	if strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") {
		return fmt.Errorf("the name %q ends in a dot or a space, which Windows drops: rename the file or folder", name)
	}
	stem, _, _ := strings.Cut(name, ".")
	switch u := strings.ToUpper(strings.TrimRight(stem, " ")); {
	case u == "CON" || u == "PRN" || u == "AUX" || u == "NUL",
		len(u) == 4 && (strings.HasPrefix(u, "COM") || strings.HasPrefix(u, "LPT")) && u[3] >= '0' && u[3] <= '9':
		return fmt.Errorf("the name %q is %s, a device name on Windows, which no file may have: rename the file or folder", name, u)
	}
	return nil
}

func describeRune(r rune) string {
	switch {
	case r == '\n':
		return "a line break"
	case r < 0x20 || r == 0x7f:
		return fmt.Sprintf("the control character U+%04X", r)
	}
	return fmt.Sprintf("%q", r)
}

// nameKey is what two sources whose outputs would collide have in common:
// the output directory and the source's name without extension, ignoring
// case, since outputs are often copied to file systems that ignore it.
// Under either naming rule, sources with different keys get different
// outputs.
func nameKey(dir, stem string) string { return strings.ToLower(path.Join(dir, stem)) }

// collisions finds the sources whose outputs would have the name of
// another's: a.yaml beside a.yml, memo.yaml and Memo.yaml, or one relative
// path under two roots. It maps each such source to the others. It looks
// at every source found, not only a shard's, so that every shard reports
// the same collisions.
func collisions(rs []root, srcs []string) map[string][]string {
	bykey := make(map[string][]string, len(srcs))
	for _, src := range srcs {
		k := nameKey(place(rs, src))
		bykey[k] = append(bykey[k], src)
	}
	out := map[string][]string{}
	for _, group := range bykey {
		if len(group) < 2 {
			continue
		}
		for _, src := range group {
			for _, o := range group {
				if o != src {
					out[src] = append(out[src], o)
				}
			}
		}
	}
	return out
}

// under reports whether the file f is inside the directory dir.
func under(dir, f string) bool {
	if dir == "" {
		return false
	}
	d, err1 := filepath.Abs(dir)
	a, err2 := filepath.Abs(f)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, a)
	return err == nil && filepath.IsLocal(rel)
}
