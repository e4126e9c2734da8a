// Package watch reports changes to the files under a set of folders, in
// batches: an editor's save (often a write, a rename and a chmod) and a
// `git checkout` of many files each come as one batch, once the folders
// have been quiet for a moment. `underlag watch` rebuilds on each batch.
//
// It uses github.com/fsnotify/fsnotify, the file-watching library the Go
// ecosystem has settled on (inotify on Linux, FSEvents/kqueue on macOS,
// ReadDirectoryChangesW on Windows). fsnotify does not watch folders
// recursively; Watcher adds every folder under the given ones, and those
// created later.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// DefaultQuiet is how long the folders must be quiet before a batch is
// reported: long enough for an editor's save to finish, short enough to
// feel immediate.
const DefaultQuiet = 150 * time.Millisecond

// Options configure a Watcher.
type Options struct {
	// Recursive are folders watched with every folder below them. Batches
	// name files by absolute paths.
	Recursive []string
	// Flat are folders watched without the folders below them (the folders
	// above a data folder, where its organisation.yaml may be).
	Flat []string
	// Skip tells whether a folder (an absolute path), and everything in
	// it, is left out (the output folder); nil leaves out nothing but
	// hidden folders.
	Skip func(dir string) bool
	// Quiet is how long nothing must change before a batch is reported;
	// 0 is DefaultQuiet.
	Quiet time.Duration
}

// Watcher watches folders for changed files.
type Watcher struct {
	w     *fsnotify.Watcher
	opt   Options
	flat  map[string]bool
	quiet time.Duration
}

// New starts watching the folders.
func New(opt Options) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{w: fw, opt: opt, flat: map[string]bool{}, quiet: opt.Quiet}
	if w.quiet <= 0 {
		w.quiet = DefaultQuiet
	}
	// One spelling of each folder, so that a folder given twice (data and
	// /home/x/data) is watched once and events name it one way.
	abs := func(ds []string) ([]string, error) {
		out := make([]string, len(ds))
		for i, d := range ds {
			a, err := filepath.Abs(d)
			if err != nil {
				return nil, fmt.Errorf("watch %s: %w", d, err)
			}
			out[i] = a
		}
		return out, nil
	}
	if opt.Flat, err = abs(opt.Flat); err == nil {
		opt.Recursive, err = abs(opt.Recursive)
	}
	if err != nil {
		fw.Close()
		return nil, err
	}
	w.opt = opt
	for _, d := range opt.Flat {
		if err := fw.Add(d); err != nil {
			fw.Close()
			return nil, fmt.Errorf("watch %s: %w", d, err)
		}
		w.flat[d] = true
	}
	for _, d := range opt.Recursive {
		if err := w.addTree(d); err != nil {
			fw.Close()
			return nil, err
		}
		delete(w.flat, d) // watched recursively after all
	}
	return w, nil
}

// Close stops watching.
func (w *Watcher) Close() error { return w.w.Close() }

// skipDir tells whether a folder below a watched one is left out.
func (w *Watcher) skipDir(dir string) bool {
	return strings.HasPrefix(filepath.Base(dir), ".") || (w.opt.Skip != nil && w.opt.Skip(dir))
}

// addTree watches dir and every folder below it.
func (w *Watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if p != dir && errors.Is(err, fs.ErrNotExist) {
				return nil // gone while we looked
			}
			return fmt.Errorf("watch %s: %w", p, err)
		}
		if !e.IsDir() {
			return nil
		}
		if p != dir && w.skipDir(p) {
			return filepath.SkipDir
		}
		if err := w.w.Add(p); err != nil {
			return fmt.Errorf("watch %s: %w", p, err)
		}
		return nil
	})
}

// Ignored tells whether a changed file is an editor's or the system's
// scratch file rather than something a document is made from: hidden
// files (Emacs's .#locks among them), backups (name~), Vim's swap files
// and its 4913 probe, Emacs's #auto-saves#, Word's ~$locks and
// JetBrains' temporary copies.
func Ignored(path string) bool {
	name := filepath.Base(path)
	switch {
	case strings.HasPrefix(name, "."), strings.HasSuffix(name, "~"),
		strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"),
		strings.Contains(name, "___jb_"), name == "4913",
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"), // Emacs's auto-save
		strings.HasPrefix(name, "~$"),                                // Word's and LibreOffice's lock file of an open document
		strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".crdownload"):
		return true
	}
	return false
}

// Run calls changed with each batch of changed paths, sorted, until ctx is
// done; it then returns nil. changed runs on Run's goroutine: changes made
// while it runs make the next batch. An error of the watcher itself (too
// many folders for the system's limit) is returned.
func (w *Watcher) Run(ctx context.Context, changed func(paths []string)) error {
	pending := map[string]bool{}
	timer := time.NewTimer(0)
	if !timer.Stop() {
		<-timer.C
	}
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil
		case err, ok := <-w.w.Errors:
			if !ok {
				return nil
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Too much happened to list: report that everything may
				// have changed.
				pending["."] = true
				timer.Reset(w.quiet)
				continue
			}
			return fmt.Errorf("watch: %w", err)
		case ev, ok := <-w.w.Events:
			if !ok {
				return nil
			}
			if !w.relevant(ev) {
				continue
			}
			pending[filepath.Clean(ev.Name)] = true
			timer.Reset(w.quiet)
		case <-timer.C:
			paths := make([]string, 0, len(pending))
			for p := range pending {
				paths = append(paths, p)
			}
			clear(pending)
			slices.Sort(paths)
			changed(paths)
		}
	}
}

// relevant tells whether an event may change a document, and watches a
// folder that was created under a recursively watched one.
func (w *Watcher) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod || Ignored(ev.Name) {
		return false
	}
	if ev.Has(fsnotify.Create) && !w.flat[filepath.Dir(filepath.Clean(ev.Name))] {
		if st, err := os.Lstat(ev.Name); err == nil && st.IsDir() {
			if w.skipDir(ev.Name) {
				return false
			}
			// Files moved in with the folder came before the watch.
			_ = w.addTree(ev.Name)
		}
	}
	return true
}
