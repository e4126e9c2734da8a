package pdf

import (
	"bytes"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
)

// TestPartsReuseBodies renders a memo and an attachment on their own and
// then their packet through one renderer, as a build does: the packet
// lays out no body again, it is byte for byte the packet a fresh renderer
// makes from a tree marked the old way (the mark put into the tree
// itself), the shared trees are not changed, and the documents rendered
// again after the packet are as before.
func TestPartsReuseBodies(t *testing.T) {
	t.Parallel()
	memo, att := doctest.All(), doctest.LongTable(60)
	const mark, title = "Bilaga 1", "Bilaga 1 Tidplan"
	var want bytes.Buffer
	_, err := renderer(t).RenderParts(&want, []Part{{Doc: memo}, {Doc: attachment(att, mark), Title: title}})
	require.NoError(t, err)

	// A renderer of its own: the shared one's cache also holds what the
	// tests running beside this one lay out, and its count would move.
	r, err := New(style.Default())
	require.NoError(t, err)
	own := map[*doc.Document][]byte{}
	for _, d := range []*doc.Document{memo, att} {
		var b bytes.Buffer
		require.NoError(t, r.Render(&b, d))
		own[d] = b.Bytes()
	}
	laidOut := len(r.bodies.byDoc)
	header := len(att.Meta.Header.Right)
	var got bytes.Buffer
	_, err = r.RenderParts(&got, []Part{{Doc: memo}, {Doc: att, Title: title, Stamp: mark}})
	require.NoError(t, err)
	assert.Equal(t, laidOut, len(r.bodies.byDoc), "the packet lays out no body of its own")
	assert.True(t, bytes.Equal(want.Bytes(), got.Bytes()), "the packet is the same with bodies reused")
	assert.Equal(t, header, len(att.Meta.Header.Right), "the attachment's tree keeps its header")
	for d, b := range own {
		var again bytes.Buffer
		require.NoError(t, r.Render(&again, d))
		assert.True(t, bytes.Equal(b, again.Bytes()), "a document rendered after its packet is as before")
	}
}

// TestBodiesBounded keeps more trees than the bound: the oldest go.
func TestBodiesBounded(t *testing.T) {
	var c bodies
	trees := make([]*doc.Document, bodySize+5)
	for i := range trees {
		trees[i] = &doc.Document{}
		c.entry(trees[i]).b = &body{}
	}
	assert.Len(t, c.byDoc, bodySize)
	assert.Nil(t, c.entry(trees[0]).b, "the oldest is gone")
	assert.NotNil(t, c.entry(trees[len(trees)-1]).b, "the newest is kept")
}

// TestBodyOfOnce asks for the bodies of trees from many goroutines at
// once, as a packet and its attachment's own build on two workers do:
// each tree is laid out once, every caller gets that one body, and it is
// the body a renderer of its own lays out.
func TestBodyOfOnce(t *testing.T) {
	t.Parallel()
	trees := []*doc.Document{doctest.All(), doctest.LongTable(40)}
	const callers = 8
	r, err := New(style.Default())
	require.NoError(t, err)
	got := make([][callers]*body, len(trees))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, d := range trees {
		for k := range callers {
			wg.Go(func() {
				<-start
				b, err := r.bodyOf(d)
				assert.NoError(t, err)
				got[i][k] = b
			})
		}
	}
	close(start)
	wg.Wait()
	for i, d := range trees {
		for k := range callers {
			assert.Same(t, got[i][0], got[i][k], "tree %d: caller %d got a body laid out again", i, k)
		}
		alone, err := renderer(t).layoutBody(d)
		require.NoError(t, err)
		assert.Equal(t, alone.pages, got[i][0].pages, "tree %d: the shared body is the body laid out alone", i)
	}
}
