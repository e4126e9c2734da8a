package batch

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/pdf"
	"github.com/underlag/underlag/generator/style"
)

var _ pdf.SummedWriter = (*rendered)(nil)

// TestRenderedHash: an output's hash is that of its bytes, however they
// were written: a PDF gives its hash with the file, which the buffer
// keeps only when the file is all it holds; a wrong hash given with bytes
// that are not the whole output is never taken.
func TestRenderedHash(t *testing.T) {
	file := []byte("%PDF-1.7 the whole file")
	wrong := sha256.Sum256([]byte("something else"))
	cases := []struct {
		name    string
		write   func(r *rendered)
		summed  bool
		content []byte
	}{
		{"written", func(r *rendered) { r.Write(file) }, false, file},
		{"summed", func(r *rendered) { r.WriteSummed(file, sha256.Sum256(file)) }, true, file},
		{"written after summed", func(r *rendered) { r.WriteSummed(file, wrong); r.Write([]byte("x")) }, false, append(bytes.Clone(file), 'x')},
		{"summed after written", func(r *rendered) { r.Write([]byte("x")); r.WriteSummed(file, wrong) }, false, append([]byte("x"), file...)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := newRendered()
			r.WriteSummed([]byte("left over"), wrong) // a reused buffer
			renders.Put(r)
			r = newRendered()
			c.write(r)
			assert.Equal(t, c.summed, r.summed)
			assert.Equal(t, c.content, r.Bytes())
			assert.Equal(t, fmt.Sprintf("%x", sha256.Sum256(c.content)), r.hash())
		})
	}

	// A PDF renderer gives the file's hash with it.
	pr, err := pdf.New(style.Default())
	require.NoError(t, err)
	r := newRendered()
	_, err = pr.RenderPages(r, &doc.Document{Meta: doc.Meta{Title: "Underlag"}, Blocks: []doc.Block{&doc.Paragraph{Text: []doc.Inline{{Text: "Text."}}}}})
	require.NoError(t, err)
	assert.True(t, r.summed, "the renderer gave the hash")
	assert.Equal(t, fmt.Sprintf("%x", sha256.Sum256(r.Bytes())), r.hash())
}
