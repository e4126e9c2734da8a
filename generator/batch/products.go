package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/underlag/underlag/generator/batch/manifest"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/pipeline"
)

// A meeting makes documents besides its own outputs (pipeline.Product):
// its packet, its protocol and one extract per §. Each is written beside
// the meeting's outputs as <name><suffix>.<format>, and recorded in the
// meeting's manifest entry under the key <product key>.<format>, with
// inputs of its own: the hash of the document tree it renders (for a
// packet, of everything it is made from). A changed outcome of one item
// therefore writes the protocol and that item's extract again, and leaves
// the other extracts, whose trees did not change, as they are; a changed
// memo writes the packet again.

// producer is a pipeline that makes products; *pipeline.Pipeline is one,
// a test's fake pipeline may not be.
type producer interface {
	Products(d *pipeline.Doc, t *doc.Document) ([]pipeline.Product, diag.List)
	RenderProduct(w io.Writer, format string, pr pipeline.Product) (int, error)
}

var _ producer = (*pipeline.Pipeline)(nil)

// productSep separates a product's key from its format in an output key;
// no format's name has it.
const productSep = "."

// isProduct reports whether an output key is a product's.
func isProduct(key string) bool { return strings.Contains(key, productSep) }

// products prepares the products of a composed document, adds their
// problems to r and returns the dependencies with theirs added, marked
// Packet so that the document's own outputs do not depend on them.
func (b *batch) products(d *pipeline.Doc, t *doc.Document, deps []manifest.Dep, r *Result) ([]pipeline.Product, []manifest.Dep) {
	pp, ok := b.p.(producer)
	if !ok || t == nil {
		return nil, deps
	}
	all, ds := pp.Products(d, t)
	// A product in no format this build writes (a packet when PDF is
	// not built) is left out, and so are the files only it reads.
	var prods []pipeline.Product
	for _, pr := range all {
		if len(b.productFormats(pr)) > 0 {
			prods = append(prods, pr)
		}
	}
	for _, x := range ds {
		if x.File == d.Source() || x.Severity == diag.Error {
			r.Diagnostics = append(r.Diagnostics, x)
		}
	}
	for _, pr := range prods {
		deps = b.withPacketDeps(deps, pr.Deps)
	}
	return prods, deps
}

// productFormats are the formats a product is written in: a packet in the
// format that lays out parts, when it is built; a document in every
// format built.
func (b *batch) productFormats(pr pipeline.Product) []string {
	if pr.Packet != nil {
		if f, ok := pipeline.PacketFormat(); ok && b.builds(f.Name) {
			return []string{f.Name}
		}
		return nil
	}
	return b.opt.Formats
}

// productInputs is the hash of what a product's output is made from.
// A document's is the hash of its tree; a packet's, of its parts' trees
// and titles and of every file it depends on (a foreign PDF part is one of
// them), but not of the meeting's file itself, so that an outcome written
// into the file after the meeting leaves the packet as it is. "" when a
// tree does not encode: the product is then made every time.
func (b *batch) productInputs(key, rel string, pr pipeline.Product, deps []manifest.Dep) string {
	h := sha256.New()
	io.WriteString(h, "underlag-product-1\x00")
	enc := json.NewEncoder(h)
	if pr.Packet == nil {
		if err := enc.Encode(pr.Tree); err != nil {
			return ""
		}
		return b.inputs(key, rel, hex.EncodeToString(h.Sum(nil)), nil)
	}
	for _, part := range pr.Packet.Parts() {
		if err := enc.Encode(part.Doc); err != nil {
			return ""
		}
		io.WriteString(h, part.Title+"\x00"+part.Stamp+"\x00")
	}
	return b.inputs(key, rel, hex.EncodeToString(h.Sum(nil)), deps)
}

// writeProducts renders and writes each product in its formats into entry
// and r, keeping an output whose inputs are those of the last build.
func (b *batch) writeProducts(it *item, old, entry *manifest.Entry, prods []pipeline.Product, r *Result) error {
	pp := b.p.(producer)
	for _, pr := range prods {
		for _, f := range b.productFormats(pr) {
			key := pr.Key + productSep + f
			ext := "." + f
			if ff, ok := pipeline.PacketFormat(); ok && pr.Packet != nil {
				ext = ff.Ext
			}
			rel := entry.Name + pr.Suffix + ext
			inputs := b.productInputs(key, rel, pr, entry.Deps)
			if o := b.reuse(old, key, rel, inputs); o != nil && inputs != "" {
				entry.Outputs[key] = o
				r.Outputs = append(r.Outputs, b.output(key, o))
				continue
			}
			o, err := b.writeClaimed(it, rel, inputs, func(w io.Writer) (int, error) {
				return pp.RenderProduct(w, f, pr)
			})
			if err != nil {
				return fmt.Errorf("%s%s: %v", pr.Key, ext, err)
			}
			entry.Outputs[key] = o
			r.Outputs = append(r.Outputs, b.output(key, o))
		}
	}
	return nil
}

// productsFresh reports whether the products an entry records are still
// in the output directory as written. Their inputs need no check: when
// the source and its dependencies did not change, neither did they.
func (b *batch) productsFresh(e *manifest.Entry) bool {
	for k, o := range e.Outputs {
		if isProduct(k) && !b.out.intact(o) {
			return false
		}
	}
	return true
}
