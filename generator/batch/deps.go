package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/underlag/underlag/generator/batch/manifest"
	"github.com/underlag/underlag/generator/confine"
	"github.com/underlag/underlag/generator/pipeline"
)

// fileHashes hashes each dependency file (registries, directives, logos)
// once per build, however many documents depend on it. It grows with the
// number of such files, not with the number of documents.
type fileHashes struct {
	mu sync.Mutex
	m  map[string]*fileHash
}

type fileHash struct {
	once sync.Once
	path string // slash-separated, one string for every document's Dep
	sum  string // "" when the file does not exist
}

func newFileHashes() *fileHashes { return &fileHashes{m: map[string]*fileHash{}} }

func (h *fileHashes) get(p string) string { return h.entry(p).sum }

// dep is the dependency on p, whose Path is the same string in every
// document that has it: a build keeps each document's dependencies until
// it ends (the manifest), and most are the same few registries.
func (h *fileHashes) dep(p string) manifest.Dep {
	e := h.entry(p)
	return manifest.Dep{Path: e.path, SHA256: e.sum}
}

func (h *fileHashes) entry(p string) *fileHash {
	h.mu.Lock()
	e := h.m[p]
	if e == nil {
		e = &fileHash{path: filepath.ToSlash(strings.Clone(p))}
		h.m[e.path] = e
		if e.path != p {
			h.m[p] = e
		}
	}
	h.mu.Unlock()
	e.once.Do(func() {
		sum, err := hashFile(p)
		switch {
		case err == nil:
			e.sum = sum
		case !errors.Is(err, fs.ErrNotExist):
			// Unreadable: a value that never matches, so the
			// document is rebuilt and the loader reports why.
			e.sum = "unreadable"
		}
	})
	return e
}

// maxHashed bounds what is hashed of one file: more than any file the
// loader reads (an attachment's limit is the largest), so a file beyond it
// is refused by the loader anyway.
const maxHashed = 256 << 20

// hashFile returns the sha256 of a file's bytes, read as a stream through
// package confine: a FIFO or a device is refused, not read for ever. The
// hash only tells whether a file changed, and never shows what it holds,
// so a link is hashed where it leads; the loader decides whether the file
// may be read.
func hashFile(p string) (string, error) {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	f, st, err := confine.Open(confine.Dir(real), real)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	// A buffer the file's size (and a byte to see its end), up to io.Copy's
	// 32 kB: a source is a few kilobytes, and io.Copy made 32 kB for each.
	buf := make([]byte, min(max(st.Size()+1, 512), 32<<10))
	n, err := io.CopyBuffer(h, io.LimitReader(f, maxHashed+1), buf)
	if err != nil {
		return "", err
	}
	if n > maxHashed {
		return "", &confine.TooLargeError{Size: -1, Limit: maxHashed}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// deps hashes the files a document's outputs depend on besides its source,
// as the loader found them.
func (b *batch) deps(d *pipeline.Doc) []manifest.Dep {
	ps := d.Deps()
	deps := make([]manifest.Dep, 0, len(ps))
	for _, p := range ps {
		deps = append(deps, b.hashes.dep(p))
	}
	markPacketDeps(d, deps)
	return deps
}

// inputs is the hash of everything one output is made from: the
// pipeline's fingerprint, the format, the output's path and naming rule,
// the source and its dependencies.
func (b *batch) inputs(f string, out, srcSum string, deps []manifest.Dep) string {
	h := sha256.New()
	io.WriteString(h, "underlag-batch-2\x00")
	io.WriteString(h, b.p.Fingerprint())
	h.Write([]byte{0})
	io.WriteString(h, f)
	h.Write([]byte{0})
	io.WriteString(h, b.opt.Names.String())
	h.Write([]byte{0})
	io.WriteString(h, out)
	h.Write([]byte{0})
	io.WriteString(h, srcSum)
	for _, d := range deps {
		h.Write([]byte{0})
		io.WriteString(h, d.Path)
		h.Write([]byte{0})
		io.WriteString(h, d.SHA256)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// fresh reports whether the outputs the manifest records for a source are
// still what a build would make: same source, same dependencies, same
// fingerprint, the name the rule gives, and the files still in the output
// directory with their recorded sha256.
func (b *batch) fresh(it *item, e *manifest.Entry) bool {
	if e.SHA256 != it.sum || !b.nameFits(it, e.Name) {
		return false
	}
	for _, d := range e.Deps {
		if b.hashes.get(filepath.FromSlash(d.Path)) != d.SHA256 {
			return false
		}
	}
	for _, f := range b.opt.Formats {
		o := e.Outputs[f]
		if o == nil || o.Path != e.Name+"."+f || o.Inputs != b.outputInputs(f, o.Path, it.sum, e.Deps) {
			return false
		}
		if !b.out.intact(o) {
			return false
		}
	}
	return b.packetFresh(it, e) && b.productsFresh(e)
}

// nameFits reports whether name is what the naming rule gives the item.
// Under PathNames it is known from the path; a descriptive name depends on
// the document's content, which fresh has already found unchanged.
func (b *batch) nameFits(it *item, name string) bool {
	if b.opt.Names == PathNames {
		return name == it.pathName
	}
	dir, base := path.Split(name)
	if strings.TrimSuffix(dir, "/") != it.dir {
		return false
	}
	desc, ok := strings.CutSuffix(base, "_"+it.stem)
	return ok && desc != "" && !strings.Contains(desc, "_")
}
