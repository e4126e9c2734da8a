package load

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"net/http"
)

// MaxImagePixels is the most pixels an image may have: 50 megapixels. A
// 48-megapixel phone photo (8000 × 6000) fits, and so does an A4 page
// scanned at 600 dpi (35 megapixels); a page printed at 300 dpi needs 8.7.
// Beyond it an image only costs memory: the PDF writer holds its pixels
// several times over, and a 69-byte PNG may declare 50000 × 50000.
const MaxImagePixels = 50_000_000

// MaxImageDecoded is the most memory an image's pixels may take once
// decoded: 200 MB, a 50-megapixel image at 8 bits per channel with alpha.
// A 16-bit image takes twice as much per pixel.
const MaxImageDecoded = 200 << 20

// checkImage confirms that data is a whole PNG or JPEG image within the
// limits, and says what is wrong ("" when nothing is) as the rest of a
// sentence that starts with the image's name. The size is read from the
// header before a pixel is decoded; then the image is decoded in full, so
// that a file cut short is refused here rather than embedded broken (a
// JPEG is embedded as it is, undecoded, by the PDF and DOCX writers).
func checkImage(data []byte) string {
	var decode func(*bytes.Reader) (image.Image, error)
	var config func(*bytes.Reader) (image.Config, error)
	switch http.DetectContentType(data) {
	case "image/png":
		decode = func(r *bytes.Reader) (image.Image, error) { return png.Decode(r) }
		config = func(r *bytes.Reader) (image.Config, error) { return png.DecodeConfig(r) }
	case "image/jpeg":
		decode = func(r *bytes.Reader) (image.Image, error) { return jpeg.Decode(r) }
		config = func(r *bytes.Reader) (image.Config, error) { return jpeg.DecodeConfig(r) }
	default:
		return "is not a PNG or JPEG image"
	}
	cfg, err := config(bytes.NewReader(data))
	if err != nil {
		return fmt.Sprintf("is damaged (%v); save or export it again", err)
	}
	if msg := imageSize(cfg); msg != "" {
		return msg
	}
	if _, err := decode(bytes.NewReader(data)); err != nil {
		return fmt.Sprintf("is damaged (%v), as when a copy was cut short; save or export it again", err)
	}
	return ""
}

// imageSize checks an image's declared size against the limits.
func imageSize(cfg image.Config) string {
	w, h := int64(cfg.Width), int64(cfg.Height)
	if w <= 0 || h <= 0 {
		return fmt.Sprintf("has no pixels (%d × %d)", w, h)
	}
	px := w * h
	if px > MaxImagePixels {
		return fmt.Sprintf("is %d × %d pixels (%.1f megapixels); the limit is %d megapixels: scale it down (a full A4 page at 300 dpi is 2480 × 3508, 8.7 megapixels)",
			w, h, float64(px)/1e6, MaxImagePixels/1_000_000)
	}
	if n := px * bytesPerPixel(cfg.ColorModel); n > MaxImageDecoded {
		return fmt.Sprintf("is %d × %d pixels at %d bytes a pixel, %s decoded; the limit is %s: save it with 8 bits per channel, or scale it down",
			w, h, bytesPerPixel(cfg.ColorModel), sizeMB(n), sizeMB(MaxImageDecoded))
	}
	return ""
}

func sizeMB(n int64) string { return fmt.Sprintf("%d MB", n>>20) }

// bytesPerPixel is what a decoded pixel of the colour model takes, at
// most.
func bytesPerPixel(m color.Model) int64 {
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.YCbCrModel:
		return 3
	case color.RGBAModel, color.NRGBAModel, color.CMYKModel:
		return 4
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 8
}
