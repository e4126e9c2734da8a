package wordpkg

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"
)

// epoch is the modification time of every entry: the zip format cannot
// say "no time", and the same input must give the same bytes.
var epoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Entry is a part compressed once, ahead of time, to be copied into any
// number of packages with zip.Writer.CreateRaw: styles, settings and the
// other parts that do not change from one document to the next.
type Entry struct {
	Name string
	data []byte // deflated
	crc  uint32
	size uint64
}

// Size is the uncompressed size of the entry.
func (e *Entry) Size() int { return int(e.size) }

// Static deflates the static parts of a renderer once, at the best
// compression since they are paid for only once per build, with one
// writer for them all: a writer at the best compression holds some
// 1.6 MB of state, and a new process pays for each in page faults (six
// writers were 10 MB and a quarter of a one-document build's time).
// The zero value is ready to use; it is not safe for concurrent use.
type Static struct {
	fw *flate.Writer
}

// Compress deflates a static part: the same bytes whatever parts the
// writer deflated before.
func (s *Static) Compress(name string, data []byte) (Entry, error) {
	var buf bytes.Buffer
	if s.fw == nil {
		fw, err := flate.NewWriter(&buf, flate.BestCompression)
		if err != nil {
			return Entry{}, err
		}
		s.fw = fw
	} else {
		s.fw.Reset(&buf)
	}
	fw := s.fw
	if _, err := fw.Write(data); err != nil {
		return Entry{}, fmt.Errorf("compress %s: %w", name, err)
	}
	if err := fw.Close(); err != nil {
		return Entry{}, fmt.Errorf("compress %s: %w", name, err)
	}
	return Entry{Name: name, data: buf.Bytes(), crc: crc32.ChecksumIEEE(data), size: uint64(len(data))}, nil
}

// Compressors is a pool of deflate writers at flate.BestSpeed, shared by
// the packages written from many goroutines: a flate.Writer holds about a
// megabyte of state, too much to allocate for every document.
type Compressors struct {
	pool sync.Pool
}

// NewCompressors returns an empty pool.
func NewCompressors() *Compressors {
	c := &Compressors{}
	c.pool.New = func() any {
		fw, _ := flate.NewWriter(nil, flate.BestSpeed)
		return fw
	}
	return c
}

// pooled returns its flate.Writer to the pool when the zip.Writer closes it.
type pooled struct {
	fw *flate.Writer
	c  *Compressors
}

func (p *pooled) Write(b []byte) (int, error) { return p.fw.Write(b) }

func (p *pooled) Close() error {
	err := p.fw.Close()
	p.c.pool.Put(p.fw)
	p.fw = nil
	return err
}

// Writer writes one package: a zip archive whose entries all carry the
// same fixed time, in the order they are added.
type Writer struct {
	zw *zip.Writer
}

// NewWriter starts a package on w, deflating with the pool's writers.
func NewWriter(w io.Writer, c *Compressors) *Writer {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw := c.pool.Get().(*flate.Writer)
		fw.Reset(out)
		return &pooled{fw: fw, c: c}, nil
	})
	return &Writer{zw: zw}
}

// Raw copies a precompressed entry.
func (w *Writer) Raw(e *Entry) error {
	h := &zip.FileHeader{
		Name:               e.Name,
		Method:             zip.Deflate,
		CRC32:              e.crc,
		CompressedSize64:   uint64(len(e.data)),
		UncompressedSize64: e.size,
		Modified:           epoch,
		// CreateRaw, unlike CreateHeader, does not derive the MS-DOS
		// date from Modified: 1980-01-01 is day 1 of month 1 of year 0.
		ModifiedDate: 1<<5 | 1,
	}
	fw, err := w.zw.CreateRaw(h)
	if err != nil {
		return fmt.Errorf("package part %s: %w", e.Name, err)
	}
	if _, err := fw.Write(e.data); err != nil {
		return fmt.Errorf("package part %s: %w", e.Name, err)
	}
	return nil
}

// storeBelow is the size under which a part is stored, not deflated.
// Each deflated part costs a fixed 20–30 µs for its Huffman tables
// (measured: three quarters of Render was compress/flate before this),
// more than the couple of kilobytes saved on a header or a .rels part
// are worth.
const storeBelow = 4096

// Add deflates and writes one part; a small one is stored as it is.
func (w *Writer) Add(name string, data []byte) error {
	h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: epoch}
	if len(data) < storeBelow {
		h.Method = zip.Store
	}
	fw, err := w.zw.CreateHeader(h)
	if err != nil {
		return fmt.Errorf("package part %s: %w", name, err)
	}
	if _, err := fw.Write(data); err != nil {
		return fmt.Errorf("package part %s: %w", name, err)
	}
	return nil
}

// Close finishes the archive; it does not close the underlying writer.
func (w *Writer) Close() error {
	if err := w.zw.Close(); err != nil {
		return fmt.Errorf("package: %w", err)
	}
	return nil
}
