package pdf

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"io"
	"math"
	"sync"
)

// PDF/A requires an output intent whenever a file paints in a
// device-dependent colour space, and everything here is DeviceRGB (text,
// rules, the status marks, images) or DeviceGray (soft masks). The output
// intent names sRGB and embeds its ICC profile.
//
// The profile is generated here rather than copied from a file: an ICC
// profile of the matrix/TRC kind is a 128-byte header, a tag table and
// nine small tags, and sRGB's parameters (IEC 61966-2-1: its primaries'
// colorants adapted to the D50 connection space, its white point, and its
// tone curve) are public numbers. That keeps a binary file and its licence
// out of the repository and out of the program's run-time dependencies;
// ICC v2 is what every PDF/A validator accepts. Tested against Little CMS
// (Pillow's ImageCms), which reads it as an RGB display profile.

// iccDate is the creation date in the profile's header: fixed, so that
// the output is the same on every run.
var iccDate = [6]uint16{2024, 1, 1, 0, 0, 0}

// sRGBProfile returns an ICC v2.1 display profile of sRGB.
func sRGBProfile() []byte {
	type tag struct {
		sig  string
		data []byte
	}
	xyz := func(x, y, z float64) []byte {
		b := append([]byte("XYZ "), 0, 0, 0, 0)
		for _, v := range [3]float64{x, y, z} {
			b = binary.BigEndian.AppendUint32(b, uint32(int32(math.Round(v*65536))))
		}
		return b
	}
	// The sRGB tone curve, sampled at 1024 points.
	curve := append([]byte("curv"), 0, 0, 0, 0)
	const n = 1024
	curve = binary.BigEndian.AppendUint32(curve, n)
	for i := range n {
		v := float64(i) / (n - 1)
		if v <= 0.04045 {
			v /= 12.92
		} else {
			v = math.Pow((v+0.055)/1.055, 2.4)
		}
		curve = binary.BigEndian.AppendUint16(curve, uint16(math.Round(v*65535)))
	}
	desc := func(s string) []byte {
		b := append([]byte("desc"), 0, 0, 0, 0)
		b = binary.BigEndian.AppendUint32(b, uint32(len(s)+1))
		b = append(b, s...)
		b = append(b, 0)
		b = append(b, make([]byte, 4+4+2+1+67)...) // no Unicode or ScriptCode description
		return b
	}
	text := func(s string) []byte {
		return append(append(append([]byte("text"), 0, 0, 0, 0), s...), 0)
	}
	tags := []tag{
		{"desc", desc("sRGB IEC61966-2.1")},
		{"cprt", text("No copyright, use freely")},
		{"wtpt", xyz(0.9505, 1.0, 1.0891)},
		{"rXYZ", xyz(0.4360747, 0.2225045, 0.0139322)},
		{"gXYZ", xyz(0.3850649, 0.7168786, 0.0971045)},
		{"bXYZ", xyz(0.1430804, 0.0606169, 0.7141733)},
		{"rTRC", curve}, {"gTRC", curve}, {"bTRC", curve},
	}
	head := 128 + 4 + 12*len(tags)
	out := make([]byte, head)
	off := head
	var curveOff int
	for i, t := range tags {
		e := out[128+4+12*i:]
		copy(e, t.sig)
		// The three tone curves are one curve: they share its bytes.
		if t.sig == "gTRC" || t.sig == "bTRC" {
			binary.BigEndian.PutUint32(e[4:], uint32(curveOff))
			binary.BigEndian.PutUint32(e[8:], uint32(len(t.data)))
			continue
		}
		if t.sig == "rTRC" {
			curveOff = off
		}
		binary.BigEndian.PutUint32(e[4:], uint32(off))
		binary.BigEndian.PutUint32(e[8:], uint32(len(t.data)))
		out = append(out, t.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		off = len(out)
	}
	binary.BigEndian.PutUint32(out[0:], uint32(len(out)))
	binary.BigEndian.PutUint32(out[8:], 0x02100000) // version 2.1
	copy(out[12:], "mntr")
	copy(out[16:], "RGB ")
	copy(out[20:], "XYZ ")
	for i, v := range iccDate {
		binary.BigEndian.PutUint16(out[24+2*i:], v)
	}
	copy(out[36:], "acsp")
	// Rendering intent 0 (perceptual); the connection space's illuminant
	// is D50.
	for i, v := range [3]float64{0.9642, 1.0, 0.8249} {
		binary.BigEndian.PutUint32(out[68+4*i:], uint32(int32(math.Round(v*65536))))
	}
	binary.BigEndian.PutUint32(out[128:], uint32(len(tags)))
	return out
}

// zlibBytes deflates data as a zlib stream at the best compression, for a
// stream written with /FlateDecode: the bytes compress/zlib writes, but
// with zw, a compressor at flate.BestCompression that it resets, so that
// the renderer's one compressor serves here too (bestZ).
func zlibBytes(zw *flate.Writer, data []byte) []byte {
	var b bytes.Buffer
	// RFC 1950's header: deflate with a 32 kB window, the best level, no
	// dictionary, and the check bits that make it a multiple of 31.
	hdr := [2]byte{0x78, 3 << 6}
	hdr[1] += uint8(31 - binary.BigEndian.Uint16(hdr[:])%31)
	b.Write(hdr[:])
	zw.Reset(&b)
	zw.Write(data)
	zw.Close()
	b.Write(binary.BigEndian.AppendUint32(nil, adler32.Checksum(data)))
	return b.Bytes()
}

// bestZ is a renderer's one compressor at the best compression, for what
// it deflates once: the faces' unchanging tables and the colour profile.
// Each compressor is some 800 kB of state, and in a cold process the
// page faults of fresh memory (about 18 µs each on the machines measured)
// cost more than the deflating: three of them were 2.4 MB.
type bestZ struct {
	mu sync.Mutex
	zw *flate.Writer
}

// zlib is zlibBytes with the compressor.
func (z *bestZ) zlib(data []byte) (b []byte) {
	z.use(func(zw *flate.Writer) { b = zlibBytes(zw, data) })
	return b
}

// use runs f with the compressor, made on first use, under the lock.
func (z *bestZ) use(f func(zw *flate.Writer)) {
	z.mu.Lock()
	defer z.mu.Unlock()
	if z.zw == nil {
		z.zw, _ = flate.NewWriter(io.Discard, flate.BestCompression) // a valid level cannot fail
	}
	f(z.zw)
}
