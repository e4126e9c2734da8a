package packet

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/underlag/underlag/generator/html"
)

// HTMLStages are the Stages of a pipeline that can write a packet as one
// web page: the pipeline's when it was prepared for html.
type HTMLStages interface {
	RenderHTMLParts(w io.Writer, parts []html.Part) error
}

// HTMLParts are the packet's parts for one web page (see
// html.Renderer.RenderParts): the memo and each data-file attachment
// drawn in the page, and each PDF made elsewhere as a link to the file
// itself, relative to dir, the directory the page is written to.
func (pk *Packet) HTMLParts(dir string) ([]html.Part, error) {
	out := make([]html.Part, len(pk.parts))
	for i, p := range pk.parts {
		out[i] = html.Part{Doc: p.Doc, Title: p.Title, Stamp: p.Stamp}
		if p.Doc != nil {
			continue
		}
		href, err := relativeURL(dir, pk.files[i])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.Stamp, err)
		}
		out[i].Href = href
	}
	return out, nil
}

// RenderHTML writes the packet as one web page in directory dir.
func (pk *Packet) RenderHTML(w io.Writer, dir string) error {
	hs, ok := pk.stages.(HTMLStages)
	if !ok {
		return fmt.Errorf("packet: the pipeline cannot write html")
	}
	parts, err := pk.HTMLParts(dir)
	if err != nil {
		return err
	}
	return hs.RenderHTMLParts(w, parts)
}

// relativeURL is the link from a page in dir to file: a relative URL with
// each path segment escaped.
func relativeURL(dir, file string) (string, error) {
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	absFile, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(absDir, absFile)
	if err != nil {
		return "", fmt.Errorf("no link from %s to %s: %w", dir, file, err)
	}
	segs := strings.Split(filepath.ToSlash(rel), "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/"), nil
}
