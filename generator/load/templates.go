package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"

	"github.com/underlag/underlag/generator/confine"
	"github.com/underlag/underlag/generator/diag"
)

// MaxTemplateSize is the largest template or labels file read: a
// template is a few kilobytes of text.
const MaxTemplateSize = 1 << 20

type tmplEntry struct {
	once  sync.Once
	files map[string][]byte
	diags diag.List
}

// isTemplateFile tells the files of a templates folder that are read.
func isTemplateFile(name string) bool {
	return strings.HasSuffix(name, ".md.tmpl") || name == "etiketter.yaml"
}

// Templates reads the files of an organisation's templates folder, each
// once per Loader, inside roots and bounded like every file: a template
// that is a link out of the data tree, a FIFO or /dev/zero is an error at
// the file, and never read.
func (l *Loader) Templates(dir string, files []string, roots []string) (map[string][]byte, diag.List) {
	l.mu.Lock()
	e := l.tmpls.getOrAdd(cacheKey(dir), func() *tmplEntry { return &tmplEntry{} })
	l.mu.Unlock()
	e.once.Do(func() {
		e.files = map[string][]byte{}
		for _, p := range files {
			b, err := confine.ReadFile(roots, p, MaxTemplateSize)
			if err != nil {
				e.diags.Add(diag.Diagnostic{File: p, Msg: fileError(err, roots)})
				continue
			}
			e.files[filepath.Base(p)] = b
		}
	})
	return e.files, e.diags
}

// fileError words a refused read of a file named by its place in a
// folder, for a message that starts with the file's path.
func fileError(err error, roots []string) string {
	var tl *confine.TooLargeError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "file does not exist"
	case errors.Is(err, confine.ErrOutside):
		return fmt.Sprintf("is a link to a file outside the data tree (%s); copy the file in, or widen the tree with --root DIR", strings.Join(displayRoots(roots), ", "))
	case errors.Is(err, confine.ErrNotRegular):
		return "is not a regular file (a directory, a pipe, a socket or a device); a template is a text file"
	case errors.As(err, &tl):
		return fmt.Sprintf("file is %v: a template is a few kilobytes of text", err)
	}
	return fmt.Sprintf("cannot read: %v", err)
}
