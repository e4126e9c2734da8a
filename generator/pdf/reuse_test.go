package pdf

import (
	"bytes"
	"fmt"
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

// TestLayoutMarkedOnce lays trees out with and without a mark twice
// through one renderer: the second time the running header and footer
// are not made again (the pages share the first time's), the pages and
// tree are those a renderer of its own makes, and no more headers are
// kept per tree than the bound.
func TestLayoutMarkedOnce(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		d    *doc.Document
		mark string
	}{
		{"own pages", doctest.All(), ""},
		{"an attachment", doctest.LongTable(60), "Bilaga 1"},
		{"an attachment numbered otherwise", doctest.LongTable(60), "Bilaga 3"},
	}
	r, err := New(style.Default())
	require.NoError(t, err)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			first, _, err := r.layoutMarked(c.d, c.mark)
			require.NoError(t, err)
			again, tree, err := r.layoutMarked(c.d, c.mark)
			require.NoError(t, err)
			require.Len(t, again, len(first))
			for i := range first {
				require.NotEmpty(t, first[i].decor)
				assert.Same(t, &first[i].decor[0], &again[i].decor[0], "page %d: the header is made again", i+1)
			}
			alone, err := New(style.Default())
			require.NoError(t, err)
			want, wantTree, err := alone.layoutMarked(c.d, c.mark)
			require.NoError(t, err)
			assert.Equal(t, want, again)
			assert.Equal(t, wantTree, tree)
		})
	}
	d := doctest.All()
	for i := range maxMarks + 2 {
		_, _, err := r.layoutMarked(d, fmt.Sprintf("Bilaga %d", i+1))
		require.NoError(t, err)
	}
	assert.Len(t, r.bodies.entry(d).headed, maxMarks)
}
