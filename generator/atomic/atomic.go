// Package atomic writes files so that a reader sees either the old file or
// the whole new one, never a half-written file: the content goes to a
// temporary file in the same directory, is synced, and is renamed over the
// target only when everything was written.
package atomic

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFile writes the output of fn to path atomically. When fn or any
// step fails, the temporary file is removed and whatever stood at path is
// left as it was.
func WriteFile(path string, perm os.FileMode, fn func(w io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return replace(path, perm, true, fn)
}

// WriteBytes writes data to path atomically.
func WriteBytes(path string, data []byte, perm os.FileMode) error {
	return WriteFile(path, perm, writeAll(data))
}

// Replace writes data to path in an existing directory so that a reader
// sees the old file or the whole new one, like WriteBytes, but without
// syncing to disk: after a crash the new file may be missing or damaged.
// It is for outputs that can be checked and made again, such as a build's,
// where thousands of fsyncs would cost more than the rendering.
func Replace(path string, data []byte, perm os.FileMode) error {
	return replace(path, perm, false, writeAll(data))
}

func writeAll(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

func replace(path string, perm os.FileMode, sync bool, fn func(w io.Writer) error) (err error) {
	// Renaming a file onto a directory fails with a bare "file exists".
	if fi, err := os.Lstat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("write %s: it is a directory: give the path of a file", path)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = fn(f); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Chmod(perm); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if sync {
		if err = f.Sync(); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
