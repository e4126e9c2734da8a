package load

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"testing"
)

// FuzzImage checks arbitrary bytes as an image: never a panic, and an
// image it accepts decodes in full within the limits (issue 23). `go
// test` runs the seeds.
func FuzzImage(f *testing.F) {
	var p, j bytes.Buffer
	png.Encode(&p, image.NewGray(image.Rect(0, 0, 8, 8)))
	jpeg.Encode(&j, image.NewRGBA(image.Rect(0, 0, 8, 8)), nil)
	f.Add(p.Bytes())
	f.Add(j.Bytes())
	f.Add(p.Bytes()[:p.Len()/2])
	f.Add(j.Bytes()[:j.Len()/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		if checkImage(data) != "" {
			return
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("accepted, but DecodeConfig fails: %v", err)
		}
		if int64(cfg.Width)*int64(cfg.Height) > MaxImagePixels {
			t.Fatalf("accepted %d × %d", cfg.Width, cfg.Height)
		}
		if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
			t.Fatalf("accepted, but it does not decode: %v", err)
		}
	})
}
