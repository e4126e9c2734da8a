package docx

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
	"github.com/underlag/underlag/internal/doctest"
)

// TestWriteSamples writes sample documents to $DOCX_SAMPLES for looking
// at them (convert with LibreOffice, then pdftoppm).
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("DOCX_SAMPLES")
	if dir == "" {
		t.Skip("DOCX_SAMPLES not set")
	}
	r, err := New(style.Default())
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range map[string]*doc.Document{
		"all":   doctest.All(),
		"long":  doctest.LongTable(120),
		"defs":  doctest.LongDefinitions(40),
		"sig30": doctest.SignaturesAtFoot(30),
	} {
		f, err := os.Create(filepath.Join(dir, name+".docx"))
		if err != nil {
			t.Fatal(err)
		}
		err = r.Render(f, d)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestWriteImageSample writes the picture and logo sample to $DOCX_SAMPLES.
func TestWriteImageSample(t *testing.T) {
	dir := os.Getenv("DOCX_SAMPLES")
	if dir == "" {
		t.Skip("DOCX_SAMPLES not set")
	}
	r, err := New(style.Default())
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "image.docx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := r.Render(f, imageDoc(t)); err != nil {
		t.Fatal(err)
	}
}
