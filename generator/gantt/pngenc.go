package gantt

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
)

// encodePNG writes an opaque picture as an 8-bit RGB PNG whose every row
// is filtered with Up (the difference from the row above).
//
// image/png chooses a filter per row by trying all five, which for a
// chart of a million pixels cost more than drawing it and most of a DOCX
// build's time (pprof: 41 % of CPU in png.filter and its deflate); it
// offers no way to choose. A chart is bands of flat colour, which Up turns
// into rows of zeros, so one fixed filter packs nearly as well at a
// fraction of the cost. The format is the PNG specification's (signature,
// IHDR, one IDAT, IEND, each chunk with its CRC-32), read back by
// image/png in the tests.
func encodePNG(img *image.RGBA) ([]byte, error) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	var out bytes.Buffer
	out.Grow(w * h / 8)
	out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits, RGB; compression, filter and interlace 0
	chunk(&out, "IHDR", ihdr[:])

	var data bytes.Buffer
	zw, err := zlib.NewWriterLevel(&data, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	prev := make([]byte, 3*w)
	row := make([]byte, 1+3*w)
	cur := make([]byte, 3*w)
	for y := range h {
		at := img.PixOffset(b.Min.X, b.Min.Y+y)
		pix := img.Pix[at : at+4*w]
		for x := range w {
			cur[3*x], cur[3*x+1], cur[3*x+2] = pix[4*x], pix[4*x+1], pix[4*x+2]
		}
		row[0] = 2 // Up
		for i, c := range cur {
			row[1+i] = c - prev[i]
		}
		if _, err := zw.Write(row); err != nil {
			return nil, err
		}
		prev, cur = cur, prev
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	chunk(&out, "IDAT", data.Bytes())
	chunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

// chunk appends a PNG chunk: length, type, data and the CRC-32 of type
// and data.
func chunk(out *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	out.WriteString(typ)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}
