package pipeline

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/generator/packet"
	"github.com/underlag/underlag/generator/pdf"
)

// A meeting (kind sammanträde) is one file that makes several documents.
// Its own outputs are the notice with the agenda (kallelse med
// föredragningslista). Its products are the rest: the meeting's packet
// (möteshandlingar: the notice, then every item's memo with its
// attachments, as one PDF), and once the meeting has an outcome the
// protocol and one extract per §. The batch build writes each product
// beside the meeting's outputs, named with the product's suffix.

// Product is a document a source makes besides its own outputs.
type Product struct {
	// Key names the product among the source's products: "handlingar",
	// "protokoll", "paragraf-104".
	Key string
	// Suffix is added to the source's output name: "-protokoll".
	Suffix string
	// Tree is a document rendered in every format built; nil for a
	// packet.
	Tree *doc.Document
	// Packet is a packet, rendered in the format that lays out parts.
	Packet *packet.Meeting
	// Deps are the files the product is made from besides the source's
	// own dependencies.
	Deps []string
}

// ProtocolSuffix is added to a meeting's output name for its protocol;
// an extract adds "-paragraf-N" to that.
const ProtocolSuffix = "-protokoll"

// Products are the products of a loaded document whose own tree is t:
// none for a document that is not a meeting. A meeting's packet is made
// only when the pipeline has a format that lays out parts.
func (p *Pipeline) Products(d *Doc, t *doc.Document) ([]Product, diag.List) {
	m, ok := kind.AsMeeting(d.in.Doc)
	if !ok || t == nil {
		return nil, nil
	}
	var out []Product
	var diags diag.List
	if _, parts := p.partsFormat(); parts && hasMemo(d, m) {
		pk, ds := p.meetingPacket(d, m, t)
		diags = append(diags, ds...)
		if pk != nil {
			out = append(out, Product{Key: "handlingar", Suffix: packet.MeetingSuffix, Packet: pk, Deps: pk.Deps})
		}
	}
	if !m.Held() {
		return out, diags
	}
	protocol, extract := kind.MeetingViews(d.in.Kind)
	pm := *m
	pt, ds := p.composeAs(d, protocol, &pm)
	diags = append(diags, ds...)
	if pt == nil || ds.HasErrors() {
		return out, diags
	}
	out = append(out, Product{Key: "protokoll", Suffix: ProtocolSuffix, Tree: pt})
	starts, total, err := p.paragraphPages(pt)
	if err != nil {
		diags.Add(diag.Diagnostic{File: d.Source(), Msg: fmt.Sprintf("protocol: %v", err)})
		return out, diags
	}
	for i, n := range m.Paragraphs() {
		em := *m
		em.Extract = i + 1
		et, ds := p.composeAs(d, extract, &em)
		diags = append(diags, ds...)
		if et == nil || ds.HasErrors() {
			continue
		}
		et.Meta.Numbering = doc.Numbering{Start: starts[n], Total: total}
		// An extract goes to its recipients with its § alone: the
		// meeting's data file, which holds every §, is not embedded.
		et.Meta.Attachments = nil
		out = append(out, Product{Key: "paragraf-" + strconv.Itoa(n), Suffix: ExtractSuffix(n), Tree: et})
	}
	return out, diags
}

// ExtractSuffix is the suffix of the extract of § n.
func ExtractSuffix(n int) string { return ProtocolSuffix + "-paragraf-" + strconv.Itoa(n) }

// meetingPacket prepares the meeting's packet: the notice, then every item
// that names a memo.
func (p *Pipeline) meetingPacket(d *Doc, m *model.Meeting, notice *doc.Document) (*packet.Meeting, diag.List) {
	var items []packet.MeetingItem
	for i, it := range m.Items {
		ref := d.in.Refs[model.MemoField(i)]
		if ref == nil {
			continue
		}
		field := model.MemoField(i)
		if _, ok := m.Source.Positions[field+".fil"]; ok {
			field += ".fil"
		}
		items = append(items, packet.MeetingItem{Number: i + 1, Heading: it.Label(ref, i+1), Path: ref.Path, Field: field})
	}
	// The packet goes out before the meeting: the meeting's data file,
	// which later holds the outcome, is not embedded in it, so that
	// writing the outcome leaves the packet as it was sent.
	n := *notice
	n.Meta.Attachments = nil
	return packet.NewMeeting(stages{p}, d, &n, firstHeading(notice), items)
}

// marker is a renderer that tells where a document's headings land.
type marker interface {
	Marks(d *doc.Document) ([]pdf.Mark, int, error)
}

// partsFormat is the pipeline's format that lays out parts.
func (p *Pipeline) partsFormat() (Format, bool) {
	for _, f := range p.formats {
		if f.Parts {
			return f, true
		}
	}
	return Format{}, false
}

// paragraphPages lays the protocol out and returns the page each § heading
// ("§ 104 …") lands on, by § number, and the page count; without a format
// that tells pages, every § is on page 1 of 1.
func (p *Pipeline) paragraphPages(t *doc.Document) (map[int]int, int, error) {
	starts := map[int]int{}
	f, ok := p.partsFormat()
	mk, isMarker := p.renderers[f.Name].(marker)
	if !ok || !isMarker {
		return starts, 0, nil
	}
	marks, total, err := mk.Marks(t)
	if err != nil {
		return nil, 0, err
	}
	for _, mark := range marks {
		rest, ok := strings.CutPrefix(mark.Text, "§ ")
		if !ok {
			continue
		}
		num, _, _ := strings.Cut(rest, " ")
		if n, err := strconv.Atoi(num); err == nil {
			if _, seen := starts[n]; !seen {
				starts[n] = mark.Page
			}
		}
	}
	return starts, total, nil
}

// RenderProduct writes a product in a format; a packet only in the format
// that lays out parts.
func (p *Pipeline) RenderProduct(w io.Writer, format string, pr Product) (int, error) {
	if pr.Packet != nil {
		return pr.Packet.Render(w)
	}
	return p.Render(w, format, pr.Tree)
}

// hasMemo reports whether any item of the meeting names a memo that
// loaded: a meeting without one has no packet beyond its notice.
func hasMemo(d *Doc, m *model.Meeting) bool {
	for i := range m.Items {
		if d.in.Refs[model.MemoField(i)] != nil {
			return true
		}
	}
	return false
}

// firstHeading is the text of a tree's first heading ("Kallelse till
// sammanträde med …"), its title when it has none.
func firstHeading(t *doc.Document) string {
	for _, b := range t.Blocks {
		if h, ok := b.(*doc.Heading); ok {
			return doc.Plain(h.Text)
		}
	}
	return t.Meta.Title
}
