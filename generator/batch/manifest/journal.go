package manifest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// JournalName is the journal's file name in the output directory.
const JournalName = ".underlag-manifest.journal"

// syncEvery is how many lines the journal takes between fsyncs. A process
// that is killed loses nothing the kernel already has, so fsync is only
// for a machine that loses power; and since every output is checked
// against its sha256 before it is trusted, a line that survives an output
// it names costs a rebuild, not a wrong skip. Syncing now and then bounds
// what a power loss costs without an fsync per document.
const syncEvery = 100

// line is one line of the journal: an entry set or deleted.
type line struct {
	Source string `json:"source"`
	Entry  *Entry `json:"entry,omitempty"` // nil: the source was deleted
}

// Journal appends the changes of a running build to the journal file, one
// JSON line per document, each with one write, so that what finished is
// on disk when the build is killed. It is not safe for concurrent use.
type Journal struct {
	f     *os.File
	lines int
	err   error
}

// OpenJournal opens the journal in the output directory root for
// appending, creating it. Opening through the root means a symbolic link
// in place of the journal cannot make the build write outside the output
// directory.
func OpenJournal(root *os.Root) (*Journal, error) {
	f, err := root.OpenFile(JournalName, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open journal: %w", err)
	}
	// A build killed while writing may have left a line without its end;
	// start on a line of our own, so that only that line is lost.
	if st, err := f.Stat(); err == nil && st.Size() > 0 {
		if _, err := f.Write([]byte{'\n'}); err != nil {
			f.Close()
			return nil, fmt.Errorf("write journal: %w", err)
		}
	}
	return &Journal{f: f}, nil
}

// Set appends that src became e.
func (j *Journal) Set(src string, e *Entry) error { return j.add(line{Source: src, Entry: e}) }

// Delete appends that src has no entry any more.
func (j *Journal) Delete(src string) error { return j.add(line{Source: src}) }

func (j *Journal) add(l line) error {
	if j.err != nil {
		return j.err
	}
	b, err := json.Marshal(l)
	if err != nil {
		return err
	}
	if _, err := j.f.Write(append(b, '\n')); err != nil {
		j.err = fmt.Errorf("write journal: %w", err)
		return j.err
	}
	if j.lines++; j.lines%syncEvery == 0 {
		if err := j.f.Sync(); err != nil {
			j.err = fmt.Errorf("sync journal: %w", err)
			return j.err
		}
	}
	return nil
}

// Close syncs and closes the journal.
func (j *Journal) Close() error {
	serr := j.f.Sync()
	cerr := j.f.Close()
	return errors.Join(j.err, serr, cerr)
}

// replay applies the journal's lines to m, in order. A line that is not
// whole JSON is skipped: a build killed while writing leaves at most its
// last line half-written, and each line stands on its own.
func (m *Manifest) replay(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read journal: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		b := sc.Bytes()
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		var l line
		if err := json.Unmarshal(b, &l); err != nil || l.Source == "" {
			continue
		}
		if l.Entry == nil {
			m.Delete(l.Source)
		} else if l.Entry.valid() {
			m.Set(l.Source, l.Entry)
		}
	}
	// A line too long to scan is damage too; what came before it holds.
	return nil
}
