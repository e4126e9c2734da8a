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
