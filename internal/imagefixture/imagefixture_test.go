package imagefixture

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPNGBomb: image/png reads the header it declares, and finds no
// pixels behind it.
func TestPNGBomb(t *testing.T) {
	b := PNGBomb(100_000, 100_000)
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	require.NoError(t, err)
	assert.Equal(t, 100_000, cfg.Width)
	assert.Equal(t, 100_000, cfg.Height)
	assert.Less(t, len(b), 100)
	_, err = png.Decode(bytes.NewReader(PNGHeader(4, 4, 8, 6)))
	assert.Error(t, err, "a few bytes of compressed nothing are no pixels")
}
