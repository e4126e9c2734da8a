package compose

import (
	"bytes"
	"image"
	"image/png"
	"path/filepath"
	"strings"
	"testing"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

func TestLogoAndFooter(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	c := newComposer(t)
	in := fixture(t, testdata("tjansteskrivelse.yaml"))
	org := *in.Registries.Organisation
	org.Source = &model.Source{Path: filepath.Join(dir, "organisation.yaml"), Positions: map[string]model.Pos{"logotyp": {Line: 7, Col: 1}}}
	org.Logo = "logo.png"
	org.Address.Email = "region@regionvasterbotten.se"
	org.Address.OrgNr = "232100-0222"
	in.Registries = &model.Registries{Organisation: &org, People: in.Registries.People}
	in.Logo = b.Bytes() // the loader reads the logo; compose only decodes it

	d := compose(t, c, in)
	if d.Meta.Logo == nil || d.Meta.Logo.Format != "png" || d.Meta.Logo.Alt != "Region Västerbotten" || !bytes.Equal(d.Meta.Logo.Data, b.Bytes()) {
		t.Errorf("logo %+v", d.Meta.Logo)
	}
	if len(d.Meta.Footer) != 2 {
		t.Errorf("a long footer should take two lines: %q", footerText(d.Meta.Footer))
	} else if got := footerText(d.Meta.Footer); got != "Region Västerbotten · 901 89 Umeå · Besök: Köksvägen 11, Umeå\nTel 090-785 00 00 · region@regionvasterbotten.se · www.regionvasterbotten.se · Org.nr 232100-0222" {
		t.Errorf("footer %q", got)
	}
	if got := doc.Plain(d.Meta.Header.Left[0]); got != "Region Västerbotten" || d.Meta.Header.Left[0][0].Style != doc.Bold {
		t.Errorf("header left %+v", d.Meta.Header.Left)
	}

	in.Logo = []byte("hej")
	_, ds := c.Compose(in)
	if len(ds) == 0 || !strings.Contains(ds.Error(), filepath.Join(dir, "organisation.yaml")+":7:1: logotyp: the logo must be a PNG or JPEG image") {
		t.Errorf("diagnostics %q", ds.Error())
	}
}

func footerText(ls []doc.Line) string {
	var s []string
	for _, l := range ls {
		s = append(s, doc.Plain(l))
	}
	return strings.Join(s, "\n")
}

func TestHashAndUnknownTemplate(t *testing.T) {
	t.Parallel()
	a, b := newComposer(t), newComposer(t)
	if a.Hash() != b.Hash() || len(a.Hash()) != 64 {
		t.Errorf("hash %q / %q", a.Hash(), b.Hash())
	}
	in := fixture(t, testdata("statusrapport.yaml"))
	in.Doc.Base().Template = "projektbestallning"
	_, ds := a.Compose(in)
	if !strings.Contains(ds.Error(), `mall: no template "projektbestallning"; available: protokoll, protokollsutdrag, sammantrade, statusrapport, tjansteskrivelse, uppdragsdirektiv`) {
		t.Errorf("diagnostics %q", ds.Error())
	}
}
