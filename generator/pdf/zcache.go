package pdf

import (
	"bytes"
	"container/list"
	"hash/maphash"
	"sync"
)

// A build writes some streams more than once with the same bytes: a
// memo's pages and its source data are written in the memo's own file and
// again in its packet, an attachment's source data in its own file and in
// each packet that attaches it, and an attachment's pages, with the same
// mark, in each of those packets. Deflating is most of what writing a
// page costs, and the same bytes deflate to the same stream, so the
// renderer keeps the streams it deflated recently, by a hash of the bytes,
// and a stream seen again is copied. What is kept is what a fresh deflate
// writes, so a file's bytes are the same with or without it.
//
// The hash is two of the runtime's hashes (hash/maphash) with seeds of
// their own, 128 bits, which no one outside the process can know: a
// collision is as unlikely as one of SHA-256's first 128 bits, and no
// input can be made to collide on purpose. It is 3.4 times as fast as
// SHA-256 (6.1 against 1.8 GB/s here), and every stream of a kilobyte or
// more is hashed.
//
// The streams that repeat are written close together (a packet just
// after its memo, the two packets of an attachment by neighbouring memos),
// so a small window suffices: the oldest streams go when the streams kept
// exceed streamsSize bytes.

const (
	// streamsSize bounds the bytes of deflated streams a renderer keeps:
	// a few packets' worth (a page is 2–15 kB deflated). On the synthetic
	// 1,000-document tree on two workers, 512 kB already copies as many
	// streams as 4 MB (3,500 of 9,600); twice that leaves room for more
	// workers.
	streamsSize = 2 << 20
	// minStream is the shortest stream kept: a shorter one deflates in
	// about the time it takes to hash it and look it up.
	minStream = 1 << 10
	// maxStream is the longest stream kept: an image or a foreign
	// page's content larger than this is deflated each time rather than
	// pushing out every page of the window.
	maxStream = streamsSize / 16
)

// streams are the streams deflated recently, by the hash of their bytes.
type streams struct {
	seeds [2]maphash.Seed // set once, before the first key
	once  sync.Once

	mu    sync.Mutex
	order *list.List // of *streamItem, most recent first
	byKey map[streamKey]*list.Element
	held  int // bytes of the deflated streams kept
	hits  int // streams copied rather than deflated, for tests
}

// streamKey is the hash of a stream's bytes.
type streamKey [2]uint64

type streamItem struct {
	key streamKey
	z   []byte
}

// key hashes data.
func (c *streams) key(data []byte) streamKey {
	c.once.Do(func() { c.seeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()} })
	return streamKey{maphash.Bytes(c.seeds[0], data), maphash.Bytes(c.seeds[1], data)}
}

// get returns the deflated stream of the bytes whose hash is key, nil
// when it is not kept. The stream is shared: callers only copy it.
func (c *streams) get(key streamKey) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		return nil
	}
	c.order.MoveToFront(e)
	c.hits++
	return e.Value.(*streamItem).z
}

// put keeps a copy of z, the deflated stream of the bytes whose hash is
// key, and lets the oldest go while more than streamsSize bytes are kept.
func (c *streams) put(key streamKey, z []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byKey == nil {
		c.byKey = map[streamKey]*list.Element{}
		c.order = list.New()
	}
	if _, ok := c.byKey[key]; ok {
		return
	}
	c.byKey[key] = c.order.PushFront(&streamItem{key, bytes.Clone(z)})
	c.held += len(z)
	for c.held > streamsSize {
		last := c.order.Back()
		it := last.Value.(*streamItem)
		c.order.Remove(last)
		delete(c.byKey, it.key)
		c.held -= len(it.z)
	}
}

// deflateKept returns data as a zlib stream, copied from the renderer's
// streams when the same bytes were deflated recently, and otherwise
// deflated now and kept. The stream is valid until the writer's next
// deflate.
func (w *writer) deflateKept(data []byte) []byte {
	if w.kept == nil || len(data) < minStream || len(data) > maxStream {
		return w.deflate(data)
	}
	key := w.kept.key(data)
	if z := w.kept.get(key); z != nil {
		return z
	}
	z := w.deflate(data)
	w.kept.put(key, z)
	return z
}
