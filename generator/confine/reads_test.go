package confine

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// directReads are the calls that open or read a file by its path without
// this package's confinement, type check and bound.
var directReads = regexp.MustCompile(`\b(os\.(ReadFile|Open|OpenFile|OpenInRoot|DirFS)|ioutil\.ReadFile)\(`)

// allowed are the files that may read directly, each for a reason that
// keeps it off a user's paths.
var allowed = map[string]string{
	"bench/floor/main.go":                  "the benchmark's own synthetic tree, which it generated; not part of underlag",
	"generator/batch/manifest/manifest.go": "the build's own manifest, in the output directory it writes",
	"generator/batch/manifest/journal.go":  "the build's own journal, in the output directory it writes",
	"generator/pdf/hyphen/compound.go":     "the system's Swedish word list at a fixed path (a link into /usr/share/myspell), read with a bound; never a user's path",
	"internal/testenv/slot_unix.go":        "tests' lock slots for LibreOffice, in the temporary directory",
	"internal/release/release.go":          "make release: the binaries it has just built and the repository's README, in its own work and output directories",
	"internal/browser/browser.go":          "tests' pinned axe-core script from the repository's node_modules, never a user's path",
}

// TestNoDirectReads fails on any call outside the allowed files that reads
// a file by its path directly: every file a user names or a data tree
// holds is read through this package (issue 23).
func TestNoDirectReads(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	err = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && (strings.HasPrefix(e.Name(), ".") || e.Name() == "testdata" || e.Name() == "node_modules") && p != root {
			return filepath.SkipDir
		}
		if e.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		s := bufio.NewScanner(f)
		s.Buffer(nil, 1<<20)
		for n := 1; s.Scan(); n++ {
			line := s.Text()
			if strings.HasPrefix(strings.TrimSpace(line), "//") || !directReads.MatchString(line) {
				continue
			}
			found++
			if _, ok := allowed[rel]; !ok {
				t.Errorf("%s:%d: %s\n\treads a file directly; read it with package confine (inside its data tree, regular files only, bounded), or allow the file here with the reason it reads no user's path", rel, n, strings.TrimSpace(line))
			}
		}
		return s.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < len(allowed) {
		t.Fatalf("%d direct reads found, fewer than the %d allowed files hold: the pattern is broken", found, len(allowed))
	}
}
