package confine

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// tree makes a data tree, a second root beside it and a secret outside
// both, with links of every kind in the tree.
func tree(t *testing.T) (data, other string) {
	t.Helper()
	top := t.TempDir()
	data, other = filepath.Join(top, "data"), filepath.Join(top, "other")
	for _, d := range []string{data, other, filepath.Join(data, "sub")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(top, "secret.yaml"), "lösenord: hemligt\n")
	write(filepath.Join(data, "doc.yaml"), "typ: x\n")
	write(filepath.Join(data, "big.yaml"), "0123456789")
	write(filepath.Join(other, "shared.yaml"), "typ: delad\n")
	links := map[string]string{
		"out.yaml":     filepath.Join(top, "secret.yaml"),
		"rel-out.yaml": "../secret.yaml",
		"in.yaml":      "doc.yaml",
		"sub/up.yaml":  "../doc.yaml",
		"zero.yaml":    "/dev/zero",
		"other.yaml":   filepath.Join(other, "shared.yaml"),
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(data, name)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	if runtime.GOOS != "windows" {
		if err := syscall.Mkfifo(filepath.Join(data, "fifo.yaml"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return data, other
}

func TestReadFile(t *testing.T) {
	data, other := tree(t)
	in := func(name string) string { return filepath.Join(data, name) }
	tests := []struct {
		name  string
		roots []string
		path  string
		limit int64
		want  string // the content, when read
		err   error  // else the error
	}{
		{"a file in the tree", []string{data}, in("doc.yaml"), 100, "typ: x\n", nil},
		{"a link inside the tree", []string{data}, in("in.yaml"), 100, "typ: x\n", nil},
		{"a link up, still inside", []string{data}, in("sub/up.yaml"), 100, "typ: x\n", nil},
		{"an absolute link out", []string{data}, in("out.yaml"), 100, "", ErrOutside},
		{"a relative link out", []string{data}, in("rel-out.yaml"), 100, "", ErrOutside},
		{"dot-dot out", []string{data}, in("../secret.yaml"), 100, "", ErrOutside},
		{"a link to /dev/zero", []string{data}, in("zero.yaml"), 100, "", ErrOutside},
		{"/dev/zero inside its root", []string{"/dev"}, "/dev/zero", 100, "", ErrNotRegular},
		{"a FIFO", []string{data}, in("fifo.yaml"), 100, "", ErrNotRegular},
		{"a directory", []string{data}, in("sub"), 100, "", ErrNotRegular},
		{"too large", []string{data}, in("big.yaml"), 9, "", &TooLargeError{}},
		{"at the limit", []string{data}, in("big.yaml"), 10, "0123456789", nil},
		{"missing", []string{data}, in("none.yaml"), 100, "", fs.ErrNotExist},
		{"no roots", nil, in("doc.yaml"), 100, "", ErrOutside},
		{"a link into another root", []string{data, other}, in("other.yaml"), 100, "typ: delad\n", nil},
		{"a link into a directory not a root", []string{data}, in("other.yaml"), 100, "", ErrOutside},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "a FIFO" && runtime.GOOS == "windows" {
				t.Skip("no FIFOs on Windows")
			}
			got, err := ReadFile(tt.roots, tt.path, tt.limit)
			if tt.err == nil {
				if err != nil || string(got) != tt.want {
					t.Fatalf("ReadFile = %q, %v; want %q", got, err, tt.want)
				}
				return
			}
			var tl *TooLargeError
			if _, want := tt.err.(*TooLargeError); want {
				if !errors.As(err, &tl) {
					t.Fatalf("err = %v; want too large", err)
				}
				return
			}
			if !errors.Is(err, tt.err) {
				t.Fatalf("ReadFile = %q, %v; want %v", got, err, tt.err)
			}
		})
	}
}

// TestReadFileRelative reads with paths relative to the working
// directory, the way a user types them.
func TestReadFileRelative(t *testing.T) {
	data, _ := tree(t)
	t.Chdir(filepath.Dir(data))
	if got, err := ReadFile([]string{"data"}, "data/doc.yaml", 100); err != nil || string(got) != "typ: x\n" {
		t.Fatalf("ReadFile = %q, %v", got, err)
	}
	if _, err := ReadFile([]string{"data"}, "data/out.yaml", 100); !errors.Is(err, ErrOutside) {
		t.Fatalf("link out: err = %v; want ErrOutside", err)
	}
	if _, err := ReadFile(Dir("data/doc.yaml"), "data/doc.yaml", 100); err != nil {
		t.Fatalf("Dir: %v", err)
	}
}
