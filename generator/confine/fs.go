package confine

import (
	"io/fs"
	"path/filepath"
)

// DirFS is os.DirFS confined and bounded: the files of dir, opened only
// inside it (no link leads out), regular files only, each read up to
// limit bytes. For a caller that takes an fs.FS, such as a kind defined
// in data that brings its template from beside its definition.
func DirFS(dir string, limit int64) fs.FS { return dirFS{dir, limit} }

type dirFS struct {
	dir   string
	limit int64
}

func (d dirFS) path(op, name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return filepath.Join(d.dir, filepath.FromSlash(name)), nil
}

func (d dirFS) Open(name string) (fs.File, error) {
	p, err := d.path("open", name)
	if err != nil {
		return nil, err
	}
	f, _, err := Open([]string{d.dir}, p)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f, nil
}

func (d dirFS) ReadFile(name string) ([]byte, error) {
	p, err := d.path("read", name)
	if err != nil {
		return nil, err
	}
	b, err := ReadFile([]string{d.dir}, p, d.limit)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return b, nil
}

func (d dirFS) Stat(name string) (fs.FileInfo, error) {
	p, err := d.path("stat", name)
	if err != nil {
		return nil, err
	}
	f, st, err := Open([]string{d.dir}, p)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	f.Close()
	return st, nil
}
