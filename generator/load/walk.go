package load

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// WalkOptions say what a walk of data trees leaves out.
type WalkOptions struct {
	// Out is the build's output directory, never read as data; "" for
	// none. A folder that only happens to be named out is data like any
	// other.
	Out string
	// IncludeHidden reads files and folders whose names start with "."
	// (skipped by default: .git, .github, an editor's backups).
	IncludeHidden bool
}

// Skipped is a file or folder a walk left out, and why.
type Skipped struct {
	Path string
	Why  string
}

func (s Skipped) String() string { return s.Path + ": " + s.Why }

// Find lists the YAML files (*.yaml, *.yml) under the given files and
// directories, as Walk does with no options.
func Find(paths []string) ([]string, error) {
	files, _, err := Walk(paths, WalkOptions{})
	return files, err
}

// Walk lists the YAML files (*.yaml, *.yml) under the given files and
// directories, sorted and without duplicates, and what it left out: hidden
// files and folders that hold YAML (unless IncludeHidden), and the build's
// output directory. A file named explicitly is listed whatever its name
// or extension. Links are listed as files; the loader reads one only
// inside its data tree.
func Walk(paths []string, opt WalkOptions) ([]string, []Skipped, error) {
	out := ""
	if opt.Out != "" {
		if a, err := filepath.Abs(opt.Out); err == nil {
			out = a
		}
	}
	seen := map[string]bool{}
	var files []string
	var skipped []Skipped
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", root, unwrapPath(err))
		}
		if !st.IsDir() {
			add(filepath.Clean(root))
			continue
		}
		err = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := e.Name()
			hidden := p != root && strings.HasPrefix(name, ".") && !opt.IncludeHidden
			if e.IsDir() {
				switch {
				case p == root:
				case out != "" && absEq(p, out):
					return filepath.SkipDir
				case hidden:
					if name != ".git" {
						if n := countYAML(p); n > 0 {
							skipped = append(skipped, Skipped{p + string(filepath.Separator), fmt.Sprintf("a hidden folder with %s, not read (--include-hidden reads it)", yamlFiles(n))})
						}
					}
					return filepath.SkipDir
				}
				return nil
			}
			// etiketter.yaml is a templates folder's labels, not data.
			if name == "etiketter.yaml" || !isDataFile(name) {
				return nil
			}
			if hidden {
				skipped = append(skipped, Skipped{p, "a hidden file, not read (--include-hidden reads it)"})
				return nil
			}
			add(p)
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	sort.Strings(files)
	return files, skipped, nil
}

func absEq(p, abs string) bool {
	a, err := filepath.Abs(p)
	return err == nil && a == abs
}

// countYAML counts the YAML files below dir, to say what skipping it
// leaves out.
func countYAML(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && isDataFile(e.Name()) {
			n++
		}
		return nil
	})
	return n
}

// yamlFiles is "1 YAML file", "2 YAML files".
func yamlFiles(n int) string {
	if n == 1 {
		return "1 YAML file"
	}
	return fmt.Sprintf("%d YAML files", n)
}
