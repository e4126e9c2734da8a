// Package manifest is the record `underlag build` keeps in its output
// directory of what it made from what, so that the next build can skip
// every document whose inputs have not changed.
//
// For each source file the manifest holds the sha256 of its bytes, the
// files it drew on (registries, the directive it refers to — or their
// absence, where a registry could appear and change the result), the base
// name its outputs got, and per format the output's path, the hash of all
// its inputs and the output's own sha256. A build trusts an entry only when
// all of them still match the files on disk.
package manifest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/underlag/underlag/generator/atomic"
)

// Name is the manifest's file name in the output directory.
const Name = ".underlag-manifest.json"

// Version is the manifest format; a manifest of another version is ignored
// (and everything rebuilt) rather than misread.
const Version = 1

// Manifest maps source paths (slash-separated, as the build found them) to
// what was built from them.
type Manifest struct {
	Version int               `json:"version"`
	Entries map[string]*Entry `json:"entries"`
}

// Entry is what one source file became.
type Entry struct {
	SHA256   string             `json:"sha256"`         // of the source file's bytes
	Deps     []Dep              `json:"deps,omitempty"` // other files the outputs depend on
	Name     string             `json:"name"`           // base name before any suffix that keeps names apart
	Outputs  map[string]*Output `json:"outputs"`        // by format: "pdf", "docx"
	Warnings []string           `json:"warnings,omitempty"`
}

// Dep is a file an output depends on, with the sha256 of its bytes, or ""
// when the file did not exist (a registry that would change the result if
// it were added).
type Dep struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// Output is one output file.
type Output struct {
	Path   string `json:"path"`   // slash-separated, relative to the output directory
	Inputs string `json:"inputs"` // hash of everything the output was made from
	SHA256 string `json:"sha256"` // of the output file
	Size   int64  `json:"size"`
	Pages  int    `json:"pages,omitempty"` // PDF only
}

// New returns an empty manifest.
func New() *Manifest { return &Manifest{Version: Version, Entries: map[string]*Entry{}} }

// Read reads the manifest in dir. A missing manifest is an empty one. A
// manifest that cannot be parsed, or is of another version, is returned
// empty together with an error the caller may show as a warning: the cost
// is a full rebuild, never a wrong skip. Entries whose output paths are not
// local to dir are dropped, so that a tampered manifest cannot make a build
// remove or trust files outside the output directory.
func Read(dir string) (*Manifest, error) {
	path := filepath.Join(dir, Name)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return New(), nil
	}
	if err != nil {
		return New(), fmt.Errorf("read manifest: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return New(), fmt.Errorf("%s: %v; rebuilding everything", path, err)
	}
	if m.Version != Version {
		return New(), fmt.Errorf("%s: manifest version %d, this build writes %d; rebuilding everything", path, m.Version, Version)
	}
	if m.Entries == nil {
		m.Entries = map[string]*Entry{}
	}
	for src, e := range m.Entries {
		if e == nil || !e.valid() {
			delete(m.Entries, src)
		}
	}
	return &m, nil
}

func (e *Entry) valid() bool {
	for _, o := range e.Outputs {
		if o == nil || !Local(o.Path) {
			return false
		}
	}
	return true
}

// Local reports whether a slash-separated output path stays inside the
// output directory: relative, no "..", no empty name.
func Local(p string) bool {
	return p != "" && filepath.IsLocal(filepath.FromSlash(p))
}

// Write writes the manifest into dir atomically.
func (m *Manifest) Write(dir string) error {
	return atomic.WriteFile(filepath.Join(dir, Name), 0o644, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", " ")
		return enc.Encode(m)
	})
}
