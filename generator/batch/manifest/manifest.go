// Package manifest is the record a batch build keeps in its output
// directory of what it made from what, so that the next build can skip
// every document whose inputs have not changed.
//
// For each source file the manifest holds the sha256 of its bytes, the
// files it drew on (registries, the directive it refers to — or their
// absence, where a registry could appear and change the result), the name
// its outputs got, and per format the output's path, the hash of all its
// inputs and the output's own sha256. A build trusts an entry only when all
// of them still match the files on disk.
//
// The manifest is two files: the manifest proper, rewritten whole at the
// end of a build, and a journal beside it to which a build appends one line
// per document as it finishes (see Journal). A build that is killed loses
// at most the line being written; the next one reads the manifest, replays
// the journal and skips what was complete.
//
// Every output belongs to exactly one source: Set takes an output away from
// any entry that held it, so the manifest can never name two sources for
// one file.
package manifest

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/underlag/underlag/generator/atomic"
)

// Name is the manifest's file name in the output directory.
const Name = ".underlag-manifest.json"

// Version is the manifest format; a manifest of another version is ignored
// (and everything rebuilt) rather than misread.
const Version = 1

// Manifest maps source paths (slash-separated, as the build found them) to
// what was built from them. It is not safe for concurrent use.
type Manifest struct {
	Version int               `json:"version"`
	Entries map[string]*Entry `json:"entries"`

	owners map[string]string // output path → source; built lazily
}

// Entry is what one source file became.
type Entry struct {
	SHA256   string             `json:"sha256"`         // of the source file's bytes
	Deps     []Dep              `json:"deps,omitempty"` // other files the outputs depend on
	Name     string             `json:"name"`           // the outputs' path without extension
	Outputs  map[string]*Output `json:"outputs"`        // by format name (pdf, docx), and the packet
	Warnings []string           `json:"warnings,omitempty"`
}

// Dep is a file an output depends on, with the sha256 of its bytes, or ""
// when the file did not exist (a registry that would change the result if
// it were added).
type Dep struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	// Packet marks a file only the source's packet depends on (an
	// attachment, or what a data-file attachment is made from), not its
	// own outputs: when it changes, only the packet is made again.
	Packet bool `json:"packet,omitempty"`
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

// Read reads the manifest in dir and replays its journal. A missing
// manifest is an empty one. A manifest that cannot be parsed, or is of
// another version, is returned empty together with an error the caller may
// show as a warning: the cost is a full rebuild, never a wrong skip. A
// journal's last line that a killed build left half-written is ignored.
// Entries whose output paths are not local to dir are dropped, so that a
// tampered manifest cannot make a build remove or trust files outside the
// output directory.
func Read(dir string) (*Manifest, error) {
	m, err := readManifest(dir)
	if err != nil {
		// The journal's lines apply to the manifest they were written
		// after; without it they are not to be trusted either.
		return m, err
	}
	if err := m.replay(filepath.Join(dir, JournalName)); err != nil {
		return New(), err
	}
	return m, nil
}

func readManifest(dir string) (*Manifest, error) {
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

// Owner returns the source whose entry holds the output path, or "".
func (m *Manifest) Owner(out string) string {
	m.index()
	return m.owners[out]
}

func (m *Manifest) index() {
	if m.owners != nil {
		return
	}
	m.owners = map[string]string{}
	// Sorted, so that of two sources that an older manifest gave one
	// output, the same one keeps it every time.
	for _, src := range m.sources() {
		for _, o := range m.Entries[src].Outputs {
			if _, taken := m.owners[o.Path]; !taken {
				m.owners[o.Path] = src
			}
		}
	}
}

func (m *Manifest) sources() []string {
	srcs := make([]string, 0, len(m.Entries))
	for src := range m.Entries {
		srcs = append(srcs, src)
	}
	slices.Sort(srcs)
	return srcs
}

// Set records what src became. Outputs of e that other entries held are
// taken from them; an entry left with no outputs goes.
func (m *Manifest) Set(src string, e *Entry) {
	m.index()
	if old := m.Entries[src]; old != nil {
		m.unown(src, old)
	}
	for _, o := range e.Outputs {
		if prev, ok := m.owners[o.Path]; ok && prev != src {
			m.take(prev, o.Path)
		}
		m.owners[o.Path] = src
	}
	m.Entries[src] = e
}

// Delete forgets src.
func (m *Manifest) Delete(src string) {
	m.index()
	if old := m.Entries[src]; old != nil {
		m.unown(src, old)
		delete(m.Entries, src)
	}
}

func (m *Manifest) unown(src string, e *Entry) {
	for _, o := range e.Outputs {
		if m.owners[o.Path] == src {
			delete(m.owners, o.Path)
		}
	}
}

// take removes the output path from src's entry.
func (m *Manifest) take(src, out string) {
	e := m.Entries[src]
	if e == nil {
		return
	}
	outs := map[string]*Output{}
	for f, o := range e.Outputs {
		if o.Path != out {
			outs[f] = o
		}
	}
	if len(outs) == 0 {
		delete(m.Entries, src)
		return
	}
	// A copy: the entry may be shared with a caller.
	c := *e
	c.Outputs = outs
	m.Entries[src] = &c
}

// Write writes the manifest into dir atomically and synced, and then
// removes the journal, whose lines it now holds. Entries are written one
// at a time in sorted order, so that writing a large manifest needs no
// second copy of it in memory and the file diffs well.
func (m *Manifest) Write(dir string) error {
	err := atomic.WriteFile(filepath.Join(dir, Name), 0o644, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		fmt.Fprintf(bw, "{\n \"version\": %d,\n \"entries\": {", m.Version)
		for i, src := range m.sources() {
			k, err := json.Marshal(src)
			if err != nil {
				return err
			}
			v, err := json.Marshal(m.Entries[src])
			if err != nil {
				return err
			}
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString("\n  ")
			bw.Write(k)
			bw.WriteString(": ")
			bw.Write(v)
		}
		bw.WriteString("\n }\n}\n")
		return bw.Flush()
	})
	if err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(dir, JournalName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove journal: %w", err)
	}
	return nil
}
