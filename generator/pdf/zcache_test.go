package pdf

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
)

// TestPacketCopiesStreams renders documents and then a packet through one
// renderer, in the orders a build does: the packet copies the streams
// deflated before it (at least one for each page of the parts that were
// rendered before with the same header, that is without a mark), and it
// is byte for byte the packet a renderer that keeps no stream makes.
func TestPacketCopiesStreams(t *testing.T) {
	t.Parallel()
	memo, other, att := doctest.All(), doctest.LongDefinitions(30), doctest.LongTable(60)
	const mark, title = "Bilaga 1", "Bilaga 1 Tidplan"
	type render struct {
		own   *doc.Document // rendered on its own
		parts []Part        // or a packet
	}
	packet := func(m *doc.Document) []Part {
		return []Part{{Doc: m}, {Doc: att, Title: title, Stamp: mark}}
	}
	cases := []struct {
		name   string
		before []render
		packet []Part
		// copied are the documents whose every page the packet copies.
		copied []*doc.Document
	}{
		{"a memo's own file, then its packet", []render{{own: memo}, {own: att}}, packet(memo), []*doc.Document{memo}},
		{"a packet, then another memo's packet of the same attachment", []render{{parts: packet(other)}}, packet(memo), []*doc.Document{att}},
		{"both", []render{{own: memo}, {parts: packet(other)}}, packet(memo), []*doc.Document{memo, att}},
	}
	uncached, err := New(style.Default())
	require.NoError(t, err)
	uncached.streams = nil
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := New(style.Default())
			require.NoError(t, err)
			for _, b := range c.before {
				if b.own != nil {
					_, err = r.RenderPages(&bytes.Buffer{}, b.own)
				} else {
					_, err = r.RenderParts(&bytes.Buffer{}, b.parts)
				}
				require.NoError(t, err)
			}
			pages := 0
			for _, d := range c.copied {
				n, err := uncached.RenderPages(&bytes.Buffer{}, d)
				require.NoError(t, err)
				pages += n
			}
			hits := r.streams.hits
			var got, want bytes.Buffer
			_, err = r.RenderParts(&got, c.packet)
			require.NoError(t, err)
			_, err = uncached.RenderParts(&want, c.packet)
			require.NoError(t, err)
			assert.GreaterOrEqual(t, r.streams.hits-hits, pages, "the packet copies the pages deflated before it")
			assert.True(t, bytes.Equal(want.Bytes(), got.Bytes()), "the packet is the same as one made without kept streams")
		})
	}
}

// TestStreamsBounded keeps more deflated bytes than the bound: the
// oldest streams go, the newest stay, and what is held stays under it.
func TestStreamsBounded(t *testing.T) {
	var c streams
	const each = 64 << 10
	keys := make([]streamKey, 2*streamsSize/each)
	for i := range keys {
		keys[i] = c.key([]byte{byte(i), byte(i >> 8)})
		c.put(keys[i], make([]byte, each))
	}
	assert.LessOrEqual(t, c.held, streamsSize)
	assert.Len(t, c.byKey, streamsSize/each)
	assert.Nil(t, c.get(keys[0]), "the oldest is gone")
	assert.NotNil(t, c.get(keys[len(keys)-1]), "the newest is kept")
}

// TestStreamKey: the same bytes have the same key in one cache, other
// bytes (one bit apart, or one byte longer) another, and the two halves
// of a key are hashes of their own.
func TestStreamKey(t *testing.T) {
	var c streams
	data := bytes.Repeat([]byte("BT /F1 11 Tf (Underlag) Tj ET\n"), 64)
	k := c.key(data)
	assert.Equal(t, k, c.key(bytes.Clone(data)), "the same bytes")
	assert.NotEqual(t, k[0], k[1], "two seeds")
	seen := map[streamKey]bool{k: true}
	for i := range data {
		flipped := bytes.Clone(data)
		flipped[i] ^= 1
		other := c.key(flipped)
		assert.False(t, seen[other], "bit flipped at %d", i)
		seen[other] = true
	}
	assert.NotEqual(t, k, c.key(append(bytes.Clone(data), 0)), "one byte longer")
}
