// Package imagefixture writes images that are not what they claim, for
// tests of what underlag does with an image a user brings: a PNG header
// that declares more pixels than its few bytes hold (a "PNG bomb").
package imagefixture

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
)

// PNGHeader is a PNG that declares w × h pixels of the given bit depth and
// colour type, and holds a few bytes of compressed nothing: some 70 bytes
// that a decoder would allocate w × h pixels for.
func PNGHeader(w, h uint32, depth, colorType byte) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = depth, colorType
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, chunk("IHDR", ihdr)...)
	out = append(out, chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00})...)
	return append(out, chunk("IEND", nil)...)
}

// PNGBomb is PNGHeader for w × h 8-bit RGBA pixels: w × h × 4 bytes to a
// decoder.
func PNGBomb(w, h uint32) []byte { return PNGHeader(w, h, 8, 6) }

// chunk is one PNG chunk: length, type, data and CRC.
func chunk(typ string, data []byte) []byte {
	var c bytes.Buffer
	binary.Write(&c, binary.BigEndian, uint32(len(data)))
	c.WriteString(typ)
	c.Write(data)
	binary.Write(&c, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	return c.Bytes()
}
