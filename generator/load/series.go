package load

import (
	"bytes"
	"path/filepath"
	"sync"

	"github.com/underlag/underlag/generator/confine"
	"github.com/underlag/underlag/generator/model"
)

// maxSeries bounds how many data files of a tree the loader reads to find
// a document's series (model.Serial): a committee's meetings over a year
// are a few dozen, a data tree a few thousand files at most.
const maxSeries = 5000

// series finds the documents d follows in its data tree (the directory of
// its organisation profile, reg's): the tree's other data files whose
// text names d's kind, loaded through the cache and confined to the tree,
// that d.Follows and that share d's organisation. It hands them to
// d.SetEarlier and returns their paths as dependencies, so that a change
// to an earlier meeting rebuilds the later ones. Files that do not load
// are left out here and reported by their own build.
func (l *Loader) series(d model.Serial, path string, reg *model.Registries) []string {
	if reg == nil || reg.Organisation == nil || reg.Organisation.Source == nil {
		d.SetEarlier(nil)
		return nil
	}
	top := filepath.Dir(reg.Organisation.Source.Path)
	var earlier []model.Document
	var deps []string
	for _, f := range l.candidates(top, string(d.Base().Type)) {
		if sameFile(f, path) {
			continue
		}
		v, ds := l.File(f)
		o, ok := v.(model.Document)
		if !ok || ds.HasErrors() || !d.Follows(o) {
			continue
		}
		if r, _ := l.Registries(filepath.Dir(f)); r == nil || r.Organisation == nil || r.Organisation.Source == nil || r.Organisation.Source.Path != reg.Organisation.Source.Path {
			continue
		}
		earlier = append(earlier, o)
		deps = append(deps, f)
	}
	d.SetEarlier(earlier)
	return deps
}

type seriesEntry struct {
	once  sync.Once
	files []string
}

// candidates are the data files under top, inside it once links are
// followed, whose text names the kind typ: found once per Loader for
// each tree and kind, however many of its documents ask.
func (l *Loader) candidates(top, typ string) []string {
	l.mu.Lock()
	e := l.serial.getOrAdd(cacheKey(top)+"\x00"+typ, func() *seriesEntry { return &seriesEntry{} })
	l.mu.Unlock()
	e.once.Do(func() {
		files, err := Find([]string{top})
		if err != nil {
			return
		}
		if len(files) > maxSeries {
			files = files[:maxSeries]
		}
		// Read through the one confined reader: a link in the tree that
		// leads out of it is refused, and so is anything but a regular
		// file.
		for _, f := range files {
			if data, err := confine.ReadFile([]string{top}, f, MaxFileSize); err == nil && bytes.Contains(data, []byte(typ)) {
				e.files = append(e.files, f)
			}
		}
	})
	return e.files
}
