package gantt

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The PNG written with one filter decodes, with image/png, to the same
// pixels, for pictures of odd sizes and one that does not start at 0, 0.
func TestEncodePNGRoundTrip(t *testing.T) {
	for _, r := range []image.Rectangle{image.Rect(0, 0, 1, 1), image.Rect(0, 0, 37, 5), image.Rect(3, 2, 40, 21)} {
		img := image.NewRGBA(r)
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				img.Set(x, y, color.RGBA{uint8(x * 7), uint8(y * 13), uint8(x*y + 5), 255})
			}
		}
		b, err := encodePNG(img)
		require.NoError(t, err)
		got, err := png.Decode(bytes.NewReader(b))
		require.NoError(t, err, "%v", r)
		require.Equal(t, r.Dx(), got.Bounds().Dx())
		require.Equal(t, r.Dy(), got.Bounds().Dy())
		for y := 0; y < r.Dy(); y++ {
			for x := 0; x < r.Dx(); x++ {
				want := img.RGBAAt(r.Min.X+x, r.Min.Y+y)
				gr, gg, gb, ga := got.At(got.Bounds().Min.X+x, got.Bounds().Min.Y+y).RGBA()
				assert.Equal(t, [4]uint8{want.R, want.G, want.B, 255}, [4]uint8{uint8(gr >> 8), uint8(gg >> 8), uint8(gb >> 8), uint8(ga >> 8)}, "%v at %d,%d", r, x, y)
			}
		}
	}
}
