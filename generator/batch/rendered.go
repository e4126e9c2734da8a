package batch

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"sync"
)

// rendered is what an output is rendered into before it is written: its
// bytes, and their SHA-256 when the renderer gave it with them (a PDF
// hashes itself for its ID: pdf.SummedWriter, which rendered implements;
// the test says so, as a batch package does not import a renderer), so
// that the manifest's hash costs no second pass over the file.
type rendered struct {
	buf    bytes.Buffer
	sum    [sha256.Size]byte
	summed bool // sum is that of all of buf
}

// renders are buffers to render into, reused: a build's outputs are tens
// to hundreds of kilobytes each.
var renders = sync.Pool{New: func() any { return new(rendered) }}

// newRendered returns an empty buffer from renders.
func newRendered() *rendered {
	r := renders.Get().(*rendered)
	r.buf.Reset()
	r.summed = false
	return r
}

func (r *rendered) Write(p []byte) (int, error) {
	r.summed = false
	return r.buf.Write(p)
}

// WriteSummed writes p, a whole file whose SHA-256 is sum: the sum is the
// output's when p is all it holds.
func (r *rendered) WriteSummed(p []byte, sum [sha256.Size]byte) (int, error) {
	r.summed = r.buf.Len() == 0
	r.sum = sum
	return r.buf.Write(p)
}

// Bytes are the output's bytes.
func (r *rendered) Bytes() []byte { return r.buf.Bytes() }

// Len is the output's size.
func (r *rendered) Len() int { return r.buf.Len() }

// hash is the output's SHA-256 in hex, as the manifest records it.
func (r *rendered) hash() string {
	if r.summed {
		return hex.EncodeToString(r.sum[:])
	}
	return sum(r.buf.Bytes())
}
