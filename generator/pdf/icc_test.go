package pdf

import (
	"bytes"
	"compress/zlib"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/underlag/underlag/internal/testenv"
)

// lcmsReads opens a profile with Little CMS (through Pillow) and converts
// a few colours from it to Little CMS's own sRGB: they must come back as
// they went in.
const lcmsReads = `
import sys
from PIL import Image, ImageCms
p = ImageCms.getOpenProfile(sys.argv[1])
print(ImageCms.getProfileDescription(p).strip(), p.profile.xcolor_space.strip(), p.profile.device_class)
im = Image.new("RGB", (4, 1))
im.putdata([(0, 0, 0), (255, 255, 255), (200, 30, 30), (0, 70, 140)])
t = ImageCms.buildTransform(p, ImageCms.createProfile("sRGB"), "RGB", "RGB", renderingIntent=1)
print(list(ImageCms.applyTransform(im, t).getdata()))
`

// TestSRGBProfile checks the generated output-intent profile with a real
// colour-management engine.
func TestSRGBProfile(t *testing.T) {
	t.Parallel()
	testenv.NeedTool(t, "/usr/bin/python3")
	path := filepath.Join(t.TempDir(), "srgb.icc")
	require.NoError(t, os.WriteFile(path, sRGBProfile(), 0o644))
	out := testenv.Run(t, "/usr/bin/python3", "-c", lcmsReads, path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2, out)
	assert.Equal(t, "sRGB IEC61966-2.1 RGB mntr", lines[0])
	assert.Equal(t, "[(0, 0, 0), (255, 255, 255), (200, 30, 30), (0, 70, 140)]", lines[1], "colours survive the round trip")
}

// TestZlibBytes checks that the renderer's compressor, used again and
// again, writes what compress/zlib writes at the best compression, for the
// colour profile and for text of other lengths.
func TestZlibBytes(t *testing.T) {
	t.Parallel()
	var z bestZ
	for _, data := range [][]byte{sRGBProfile(), []byte(strings.Repeat("Hälso- och sjukvårdsnämnden ", 500)), {}, sRGBProfile()} {
		var want bytes.Buffer
		zw, err := zlib.NewWriterLevel(&want, zlib.BestCompression)
		require.NoError(t, err)
		_, err = zw.Write(data)
		require.NoError(t, err)
		require.NoError(t, zw.Close())
		assert.Equal(t, want.Bytes(), z.zlib(data), "%d bytes", len(data))
	}
}
