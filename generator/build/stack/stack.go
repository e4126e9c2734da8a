// Package stack prepares underlag's standard pipeline for a build: one
// loader, one composer, one renderer per format, each set up once (files
// cached, templates parsed, fonts and styles prepared) and then shared
// read-only by every worker of the build.
package stack

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/underlag/underlag/generator/build"
	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/compose"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/generator/pdf"
	"github.com/underlag/underlag/generator/style"
)

// Config chooses what the stack is made of.
type Config struct {
	Version       string         // the tool's version, for the outputs' creator and the manifest
	TemplateDir   string         // overrides the embedded templates file by file; "" for none
	ReferenceDOCX string         // a Word file whose styles the DOCX outputs take; "" for none
	Formats       []build.Format // only these renderers are prepared; default all
	Profile       *style.Profile // default style.Default()
}

// New prepares the stages.
func New(cfg Config) (build.Stages, error) {
	p := style.Default()
	if cfg.Profile != nil {
		p = *cfg.Profile
	}
	formats := cfg.Formats
	if len(formats) == 0 {
		formats = build.Formats
	}
	var opts []compose.Option
	if cfg.TemplateDir != "" {
		opts = append(opts, compose.WithTemplateDir(cfg.TemplateDir))
	}
	c, err := compose.New(opts...)
	if err != nil {
		return build.Stages{}, err
	}
	ref := ""
	renderers := map[build.Format]doc.Renderer{}
	for _, f := range formats {
		switch f {
		case build.PDF:
			r, err := pdf.New(p)
			if err != nil {
				return build.Stages{}, err
			}
			renderers[f] = r
		case build.DOCX:
			if cfg.ReferenceDOCX != "" {
				data, err := os.ReadFile(cfg.ReferenceDOCX)
				if err != nil {
					return build.Stages{}, fmt.Errorf("reference docx: %w", err)
				}
				s := sha256.Sum256(data)
				ref = hex.EncodeToString(s[:])
			}
			r, err := newDOCX(p, cfg.ReferenceDOCX)
			if err != nil {
				return build.Stages{}, err
			}
			renderers[f] = r
		default:
			return build.Stages{}, fmt.Errorf("unknown format %q", f)
		}
	}
	creator := "underlag " + cfg.Version
	l := load.New()
	return build.Stages{
		Find:   load.Find,
		Loader: l,
		Check:  check.Document,
		Compose: func(d model.Document, reg *model.Registries, dir *model.Directive) (*doc.Document, diag.List) {
			return c.Compose(compose.Input{Doc: d, Registries: reg, Directive: dir, Creator: creator})
		},
		Renderers: renderers,
		// The version is in the fingerprint because the outputs carry
		// it (as their creator) and a new version may render
		// differently.
		Fingerprint: build.Fingerprint(cfg.Version, c.Hash(), fmt.Sprintf("%#v", p), ref),
	}, nil
}
