package pdf

import "bytes"

// A file is written into memory before it goes out (its ID is a hash of
// its bytes): the file itself, a page's content stream and a stream's
// deflated bytes each grow to a few hundred kilobytes, by doubling, for
// every file. A build writes thousands, so the renderer keeps the grown
// buffers of finished files, as it keeps compressors (zpool), and a new
// file starts with one; a file much larger than most gives its buffers
// back to the collector instead, so that what is kept stays small.

// maxScratch is the largest buffer kept: a document of a few dozen pages,
// a packet of a memo and its attachments.
const maxScratch = 1 << 20

// scratch is one file's working memory.
type scratch struct {
	buf  []byte        // the file (writer.buf)
	c    []byte        // a page's content stream (fileWriter.c)
	zbuf *bytes.Buffer // a deflated stream (writer.zbuf)
}

// scratchOf returns working memory for a file, kept or new.
func (r *Renderer) scratchOf() *scratch {
	select {
	case s := <-r.scratches:
		return s
	default:
		return &scratch{buf: make([]byte, 0, 64<<10), zbuf: new(bytes.Buffer)}
	}
}

// keepScratch takes back a finished file's working memory, unless the pool
// is full or a buffer grew beyond maxScratch. Nothing of the file may
// refer to it any more: the file has been copied out.
func (r *Renderer) keepScratch(fw *fileWriter) {
	s := &scratch{buf: fw.w.buf[:0], c: fw.c[:0], zbuf: fw.w.zbuf}
	if cap(s.buf) > maxScratch || cap(s.c) > maxScratch || s.zbuf.Cap() > maxScratch {
		return
	}
	s.zbuf.Reset()
	select {
	case r.scratches <- s:
	default:
	}
}

// A paragraph (and a table cell) is laid out through spans and lines that
// are dropped once its operations are made: the renderer keeps that memory
// too, for the next paragraph, as it keeps a file's.

// maxSpanScratch is the most spans kept in one buffer (about 200 kB): a
// paragraph of a few pages.
const maxSpanScratch = 4096

// spanScratch is one paragraph's working memory.
type spanScratch struct {
	spans []span   // the paragraph's spans (spansTo)
	buf   []span   // its lines' spans (linesTo)
	lines [][]span // its lines
}

// spanScratchOf returns working memory for a paragraph, kept or new.
func (r *Renderer) spanScratchOf() *spanScratch {
	select {
	case s := <-r.spanScratches:
		return s
	default:
		return &spanScratch{}
	}
}

// keepSpanScratch takes back a paragraph's working memory once nothing
// refers to it, unless it grew beyond maxSpanScratch or the pool is full.
// What the paragraph filled is cleared, so that the memory kept holds on
// to little of its text.
func (r *Renderer) keepSpanScratch(s *spanScratch) {
	if cap(s.spans) > maxSpanScratch || cap(s.buf) > maxSpanScratch || cap(s.lines) > maxSpanScratch {
		return
	}
	clear(s.spans)
	clear(s.buf[:min(cap(s.buf), len(s.spans)+4)])
	clear(s.lines)
	s.spans, s.buf, s.lines = s.spans[:0], s.buf[:0], s.lines[:0]
	select {
	case r.spanScratches <- s:
	default:
	}
}
