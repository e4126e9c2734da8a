package load_test

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/internal/imagefixture"
)

// pngOf is a w × h PNG.
func pngOf(t testing.TB, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))))
	return b.Bytes()
}

// jpegOf is a w × h JPEG of noise, so that it has data to cut.
func jpegOf(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7919 % 251)
	}
	var b bytes.Buffer
	require.NoError(t, jpeg.Encode(&b, img, nil))
	return b.Bytes()
}

// Images are checked before a pixel is decoded, then decoded in full: an
// image too large for memory, or cut short, is an error at the reference
// and never reaches a renderer (issue 23, findings 3 and 6).
func TestImageLimits(t *testing.T) {
	t.Parallel()
	whole := jpegOf(t, 64, 64)
	wholePNG := pngOf(t, 64, 64)
	tests := []struct {
		name string
		data []byte
		want string // "" for accepted
	}{
		{"a small PNG", wholePNG, ""},
		{"a small JPEG", whole, ""},
		{"the 69-byte PNG bomb, 50000 × 50000", imagefixture.PNGHeader(50000, 50000, 8, 6), "is 50000 × 50000 pixels (2500.0 megapixels); the limit is 50 megapixels"},
		{"a 16000 × 16000 PNG", imagefixture.PNGHeader(16000, 16000, 8, 2), "is 16000 × 16000 pixels (256.0 megapixels)"},
		{"a 16-bit PNG of 40 megapixels", imagefixture.PNGHeader(8000, 5000, 16, 6), "is 8000 × 5000 pixels at 8 bytes a pixel, 305 MB decoded; the limit is 200 MB"},
		{"a truncated JPEG", whole[:len(whole)*2/3], "is damaged (invalid JPEG format: short Huffman data), as when a copy was cut short"},
		{"a truncated PNG", wholePNG[:len(wholePNG)-20], "is damaged"},
		{"a PNG with a broken header", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 30)...), "is damaged"},
		{"not an image", []byte("GIF89a......"), "is not a PNG or JPEG image"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "bild.png"), tt.data, 0o644))
			memo := filepath.Join(dir, "memo.yaml")
			require.NoError(t, os.WriteFile(memo, []byte("typ: tjänsteskrivelse\nversion: 1\nnämnd: KS\nsammanfattning: S.\nförslag_till_beslut: F.\njämställdhet: \"Se ![Karta](bild.png)\"\n"), 0o644))
			in, diags := load.New(kind.Default()).Document(memo)
			if tt.want == "" {
				require.False(t, diags.HasErrors(), diags.Error())
				assert.NotNil(t, in.Images["bild.png"])
				return
			}
			require.Len(t, diags, 1, diags.Error())
			d := diags[0]
			assert.Equal(t, memo, d.File)
			assert.Equal(t, [2]int{6, 19}, [2]int{d.Line, d.Col}, "at the image reference")
			assert.Contains(t, d.Msg, "the image bild.png "+tt.want)
		})
	}
}

// The logo is checked as images are, at logotyp.
func TestLogoLimits(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "logo.png"), imagefixture.PNGHeader(50000, 50000, 8, 6), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "organisation.yaml"),
		[]byte("typ: organisation\nversion: 1\nnamn: R\nnämnder: [{förkortning: KS, namn: Kommunstyrelsen}]\nlogotyp: logo.png\n"), 0o644))
	_, diags := load.New(kind.Default()).Document(filepath.Join(dir, "organisation.yaml"))
	require.Len(t, diags, 1, diags.Error())
	assert.Equal(t, [2]int{5, 10}, [2]int{diags[0].Line, diags[0].Col})
	assert.Contains(t, diags[0].Msg, "the logo logo.png is 50000 × 50000 pixels")
}
