package docx

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
)

func testPNG(t testing.TB, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), 90, uint8(y * 255 / h), 255})
		}
	}
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	return buf.Bytes()
}

// imageDoc is a document with a picture in the body and a logo in the
// header.
func imageDoc(t testing.TB) *doc.Document {
	d := doctest.All()
	d.Meta.Logo = &doc.Image{Data: testPNG(t, 300, 100), Format: "png", Alt: "Region Västerbottens logotyp"}
	d.Blocks = append(d.Blocks[:4:4], append([]doc.Block{&doc.Image{Data: testPNG(t, 400, 200), Format: "png", Alt: "Karta över länet & <kommunerna>", Width: 80}}, d.Blocks[4:]...)...)
	return d
}

func TestImage(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	p := parts(t, render(t, r, imageDoc(t)))
	body := p["word/document.xml"]
	assert.Contains(t, body, `descr="Karta över länet &amp; &lt;kommunerna&gt;"`)
	assert.Contains(t, body, `<wp:extent cx="2880000" cy="1440000"/>`, "80 mm wide, aspect kept")
	assert.Contains(t, p["word/_rels/document.xml.rels"], `Target="media/image1.png"`)
	assert.Contains(t, p["word/header1.xml"], `descr="Region Västerbottens logotyp"`)
	assert.Contains(t, p["word/_rels/header1.xml.rels"], `Target="media/image2.png"`)
	assert.Contains(t, p, "word/media/image1.png")
	assert.Contains(t, p, "word/media/image2.png")

	bad := doctest.All()
	bad.Blocks = append(bad.Blocks, &doc.Image{Data: []byte("GIF89a"), Format: "gif", Alt: "gif"})
	assert.ErrorContains(t, r.Render(&bytes.Buffer{}, bad), "not png, jpeg or emf")
	bad.Blocks[len(bad.Blocks)-1] = &doc.Image{Data: []byte("no png"), Format: "png", Alt: "trasig"}
	assert.ErrorContains(t, r.Render(&bytes.Buffer{}, bad), "trasig")
}

// TestConcurrent renders from many goroutines through one Renderer (run
// with -race): every output is the same as a lone render's.
func TestConcurrent(t *testing.T) {
	t.Parallel()
	r, err := New(style.Default())
	require.NoError(t, err)
	docs := []*doc.Document{doctest.All(), doctest.LongTable(40), imageDoc(t), doctest.SignaturesAtFoot(5)}
	want := make([][]byte, len(docs))
	for i, d := range docs {
		want[i] = render(t, r, d)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 32)
	for g := range 8 {
		wg.Go(func() {
			for k := range 10 {
				i := (g + k) % len(docs)
				var buf bytes.Buffer
				if err := r.Render(&buf, docs[i]); err != nil || !bytes.Equal(buf.Bytes(), want[i]) {
					errs <- strings.TrimSpace("document " + string(rune('0'+i)) + " differs")
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
