package compose

import (
	"bytes"
	"fmt"
	"maps"
	"reflect"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// The page around the text is a template too, as Typst's
// `set page(header: …, footer: …)` is content: the running header and
// footer come from the partials _sidhuvud and _sidfot, the fact box from
// _fakta, each looked up first for the document's template
// (_sidhuvud.tjansteskrivelse.md.tmpl) and then for every kind
// (_sidhuvud.md.tmpl), in the organisation's mallar folder before the
// built-in ones. A furniture template is executed twice, for page one
// (.FirstPage true) and for the others; when the two differ, page one gets
// its own header or footer. Its output is Markdown: a paragraph is a line
// of free text across the page, and `rutnät` puts a borderless grid of
// columns. The built-in _sidhuvud and _sidfot call profilens_sidhuvud and
// profilens_sidfot: the profile's sidhuvud and sidfot lists, the shorthand
// for the common two-sided header and address footer.

// Partial names.
const (
	partialHeader = "_sidhuvud"
	partialFooter = "_sidfot"
	partialFacts  = "_fakta"
)

// pageData is what a furniture template receives as `.`.
type pageData struct {
	Doc          model.Document // the document's own data: .Doc.Title …
	Fält         map[string]any // a kind defined in data: its own fields by key
	Organisation string         // the organisation's name
	Office       string         // the sending office's name, else the organisation's unit
	Kind         string         // the document kind as printed: Tjänsteskrivelse
	Title        string
	Date         date.Date
	CaseNumber   string
	Committee    string       // the committee in full
	CaseOfficer  model.Person // handläggare, looked up in personer.yaml
	Address      model.Address
	FirstPage    bool // true when the template is making page one's header or footer
}

// pageState is what a furniture template's functions leave behind.
type pageState struct {
	profile   bool // profilens_sidhuvud or profilens_sidfot was called
	rule      bool // linje
	numbering *doc.Numbering
}

// pageItem is what a grid column holds: lines, or the logo.
type pageItem struct {
	lines []doc.Line
	logo  bool
}

// pageCol is one column of a grid.
type pageCol struct {
	items []pageItem
	align doc.Align
	width float64
}

// pageFuncs are the functions of furniture templates (and the partial
// call), merged into funcs.
func (r *run) pageFuncs() template.FuncMap {
	return template.FuncMap{
		"del":                r.fnPartial,
		"rutnät":             r.fnGrid,
		"kolumn":             r.fnColumn,
		"höger":              func(c pageCol) pageCol { c.align = doc.AlignRight; return c },
		"mitten":             func(c pageCol) pageCol { c.align = doc.AlignCenter; return c },
		"bredd":              r.fnWidth,
		"över":               r.fnAbove,
		"före":               r.fnLead,
		"fet":                r.fnBold,
		"versaler":           r.fnUpper,
		"sida":               r.fnPage,
		"logotyp":            func() pageItem { return pageItem{logo: true} },
		"linje":              func() safe { r.pg.rule = true; return "" },
		"sidnumrering":       r.fnNumbering,
		"profilens_sidhuvud": func() safe { r.pg.profile = true; return "" },
		"profilens_sidfot":   func() safe { r.pg.profile = true; return "" },
		"rader":              r.fnLines,
		"underavsnitt":       r.fnSubsections,
		"handläggare":        r.caseOfficer,
	}
}

// partialName is the partial a document uses: the one for its template
// when there is one, else the one for every kind; "" when neither exists.
func (r *run) partialName(part string) string {
	name, _ := r.c.templateName(r.in.Doc, r.in.Kind)
	own := part + "." + name
	if _, ok := r.c.tmpls[own]; ok {
		return own
	}
	if _, ok := r.c.tmpls[part+tmplExt]; ok {
		return part + tmplExt
	}
	return ""
}

// funcMap is funcs, made once a run for its template and its partials,
// with the functions that keep the run within its limits.
func (r *run) funcMap() template.FuncMap {
	if r.fmap == nil {
		r.fmap = r.allFuncs()
		maps.Copy(r.fmap, r.lim.funcs())
	}
	return r.fmap
}

// bound returns the template name cloned and bound to this run's
// functions: once for the run and the runs that reuse it (Composer.run).
func (r *run) bound(name string) (*template.Template, error) {
	if b, ok := r.templates[name]; ok {
		if b.kinds != r.kinds {
			// Bound for an earlier run: the kinds' functions are this
			// run's (init).
			b.t.Funcs(r.kindFuncs)
			b.kinds = r.kinds
		}
		return b.t, nil
	}
	t, err := r.c.tmpls[name].Clone()
	if err != nil {
		return nil, err
	}
	t.Funcs(r.funcMap())
	if r.templates == nil {
		r.templates = map[string]*boundTemplate{}
	}
	r.templates[name] = &boundTemplate{t: t, kinds: r.kinds}
	return t, nil
}

// boundTemplate is a template cloned and given a run's functions, and the
// run (counted by init) whose kinds' functions it has.
type boundTemplate struct {
	t     *template.Template
	kinds int
}

// execPartial executes a partial with data, with this run's functions.
func (r *run) execPartial(name string, data any) ([]byte, error) {
	t, err := r.bound(name)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := t.Execute(cappedWriter{&out, r.lim}, data); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// fnPartial is `del "fakta" .`: the partial _fakta for the document's
// template, else for every kind, executed with data; nothing when the
// organisation has emptied it or neither exists.
func (r *run) fnPartial(part string, data any) (safe, error) {
	name := r.partialName("_" + part)
	if name == "" {
		return "", nil
	}
	out, err := r.execPartial(name, data)
	if err != nil {
		return "", fmt.Errorf("del %q: %w", part, err)
	}
	return safe(out), nil
}

// caseOfficer is the document's case officer: a memo's, or a kind
// defined in data's person field handläggare.
func (r *run) caseOfficer() model.Person {
	if d, ok := r.in.Doc.(model.Officered); ok {
		return r.person(d.Officer())
	}
	if c, ok := r.in.Doc.(*model.Custom); ok {
		if p, ok := c.Fält["handläggare"].(model.Person); ok {
			return r.person(p)
		}
	}
	return model.Person{}
}

// furnish fills the running header and footer, and page one's own when
// they differ, from the furniture templates.
func (r *run) furnish(m *doc.Meta) {
	if m.CaseOfficer == "" {
		m.CaseOfficer = r.caseOfficer().Name
	}
	data := pageData{
		Doc: r.in.Doc, Organisation: m.Organisation, Kind: m.KindLabel, Title: m.Title, Date: m.Date,
		CaseNumber: m.CaseNumber, Committee: m.Committee, CaseOfficer: r.caseOfficer(), Address: r.address(),
	}
	if of, ok := r.office(); ok {
		data.Office = of.Name
	} else if r.org != nil {
		data.Office = r.org.Unit
	}
	if c, ok := r.in.Doc.(*model.Custom); ok {
		data.Fält = c.Fält
	}
	var bands [2][2]*doc.Band // [header, footer][first, rest]
	profile := false
	for i, part := range []string{partialHeader, partialFooter} {
		name := r.partialName(part)
		for j, first := range []bool{true, false} {
			data.FirstPage = first
			b, prof, ok := r.band(name, data, m)
			if !ok {
				return
			}
			if prof {
				// The profile's lists decide both pages.
				profile = true
				break
			}
			bands[i][j] = b
		}
	}
	if profile {
		r.furnishProfile(m)
	}
	m.HeaderBand, m.FooterBand = bands[0][1], bands[1][1]
	differs := !reflect.DeepEqual(bands[0][0], bands[0][1]) || !reflect.DeepEqual(bands[1][0], bands[1][1])
	if differs && m.First == nil {
		m.First = &doc.Page{Header: m.Header, Footer: m.Footer}
	}
	if m.First != nil {
		m.First.HeaderBand, m.First.FooterBand = bands[0][0], bands[1][0]
	}
}

// band executes a furniture template and builds its band; prof is true
// when it asks for the profile's shorthand, ok false when it failed
// (reported).
func (r *run) band(name string, data pageData, m *doc.Meta) (b *doc.Band, prof, ok bool) {
	if name == "" || shorthand(r.c.tmpls[name]) {
		return nil, true, true
	}
	r.pg = pageState{}
	out, err := r.execPartial(name, data)
	if err != nil {
		r.diags.Add(templateError(r.c.paths[name], err, r.in.Doc, r.in.Directive, r.in.Registries))
		return nil, false, false
	}
	if r.pg.numbering != nil {
		m.Numbering = *r.pg.numbering
		m.Numbering.From = r.c.paths[name]
	}
	if r.pg.profile {
		return nil, true, true
	}
	b = &doc.Band{Rule: r.pg.rule}
	for _, bl := range r.convertTemplate(out) {
		switch bl := bl.(type) {
		case *doc.Table:
			for _, row := range append(append([]doc.Row{}, bl.Header...), bl.Rows...) {
				br := doc.BandRow{Columns: bl.Columns}
				for _, c := range row.Cells {
					br.Cells = append(br.Cells, bandCell(c.Blocks))
				}
				b.Rows = append(b.Rows, br)
			}
		default:
			if c := bandCell([]doc.Block{bl}); len(c.Lines) > 0 || c.Logo {
				b.Rows = append(b.Rows, doc.BandRow{Columns: []doc.Column{{Width: 1}}, Cells: []doc.BandCell{c}})
			}
		}
	}
	return b, false, true
}

// bandCell is a grid cell's lines: a paragraph's lines (split at hard
// breaks), a list's items, a heading's text; an image is the logo.
func bandCell(bs []doc.Block) doc.BandCell {
	var c doc.BandCell
	for _, b := range bs {
		switch b := b.(type) {
		case *doc.Image:
			c.Logo = true
		case *doc.List:
			for _, it := range b.Items {
				c.Lines = append(c.Lines, bandCell(it.Blocks).Lines...)
			}
		default:
			var line doc.Line
			for _, in := range plainRuns(b) {
				if in.Break {
					c.Lines = append(c.Lines, line)
					line = nil
					continue
				}
				line = append(line, in)
			}
			if len(line) > 0 {
				c.Lines = append(c.Lines, line)
			}
		}
	}
	return c
}

// fnGrid is `rutnät (kolumn …) …`: one row of a borderless grid, a column
// an argument. The widths are shares (bredd), 1 each unless given.
func (r *run) fnGrid(cols ...pageCol) safe {
	if len(cols) == 0 {
		return ""
	}
	t := &doc.Table{Borderless: true}
	var row doc.Row
	for _, c := range cols {
		w := c.width
		if w <= 0 {
			w = 1
		}
		t.Columns = append(t.Columns, doc.Column{Width: w, Align: c.align})
		var cell doc.Cell
		for _, it := range c.items {
			if it.logo {
				cell.Blocks = append(cell.Blocks, &doc.Image{Alt: "logotyp"})
				continue
			}
			for _, l := range it.lines {
				cell.Blocks = append(cell.Blocks, &doc.Paragraph{Text: l})
			}
		}
		row.Cells = append(row.Cells, cell)
	}
	t.Rows = []doc.Row{row}
	return r.place(t)
}

// items turns a template value into what a column holds: text a line,
// each entry of a list a line, nothing for an empty value.
func (r *run) items(v any) ([]pageItem, error) {
	line := func(s string) []pageItem {
		if s = strings.TrimSpace(s); s == "" {
			return nil
		}
		return []pageItem{{lines: []doc.Line{{doc.Text(s)}}}}
	}
	switch v := v.(type) {
	case nil:
		return nil, nil
	case pageItem:
		if len(v.lines) == 0 && !v.logo {
			return nil, nil
		}
		return []pageItem{v}, nil
	case []pageItem:
		return v, nil
	case string:
		return line(v), nil
	case model.Markdown:
		return line(doc.Plain(r.markdownInline(string(v)))), nil
	case safe:
		return nil, fmt.Errorf("kolumn takes text, fields and the furniture functions (över, före, sida …), not a block function's output")
	case date.Date:
		return line(v.ISO()), nil
	case model.Person:
		return line(r.person(v).Name), nil
	case int:
		return line(strconv.Itoa(v)), nil
	case fmt.Stringer:
		return line(v.String()), nil
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Slice {
		var out []pageItem
		for i := 0; i < rv.Len(); i++ {
			it, err := r.items(rv.Index(i).Interface())
			if err != nil {
				return nil, err
			}
			out = append(out, it...)
		}
		return out, nil
	}
	return line(fmt.Sprint(v)), nil
}

// fnColumn is `kolumn värde …`: a grid column, its values one under
// another; empty values take no line.
func (r *run) fnColumn(vs ...any) (pageCol, error) {
	var c pageCol
	for _, v := range vs {
		it, err := r.items(v)
		if err != nil {
			return c, err
		}
		c.items = append(c.items, it...)
	}
	return c, nil
}

// fnWidth is `bredd 2 (kolumn …)`: the column's share of the width.
func (r *run) fnWidth(w any, c pageCol) (pageCol, error) {
	f, err := number(w)
	if err != nil || f <= 0 {
		return c, fmt.Errorf("bredd takes a positive number (a share of the width, such as 2), not %v", w)
	}
	c.width = f
	return c, nil
}

func number(v any) (float64, error) {
	switch v := v.(type) {
	case int:
		return float64(v), nil
	case float64:
		return v, nil
	case string:
		return strconv.ParseFloat(strings.TrimSpace(v), 64)
	}
	return 0, fmt.Errorf("not a number: %v", v)
}

// joinLines puts a value's items on one line each, as runs.
func (r *run) lines(v any) ([]doc.Line, error) {
	its, err := r.items(v)
	if err != nil {
		return nil, err
	}
	var out []doc.Line
	for _, it := range its {
		out = append(out, it.lines...)
	}
	return out, nil
}

// fnAbove is `över "Postadress" .Address.Postal`: the label in bold above
// the value; nothing when the value is empty.
func (r *run) fnAbove(label string, v any) (pageItem, error) {
	ls, err := r.lines(v)
	if err != nil || len(ls) == 0 {
		return pageItem{}, err
	}
	return pageItem{lines: append([]doc.Line{{doc.Strong(label)}}, ls...)}, nil
}

// fnLead is `före "Dnr " .CaseNumber`: a lead text before the value on
// its line; nothing when the value is empty.
func (r *run) fnLead(lead string, v any) (pageItem, error) {
	ls, err := r.lines(v)
	if err != nil || len(ls) == 0 {
		return pageItem{}, err
	}
	ls[0] = append(doc.Line{doc.Text(lead)}, ls[0]...)
	return pageItem{lines: ls}, nil
}

// fnBold is `fet värde`: the value in bold.
func (r *run) fnBold(v any) (pageItem, error) {
	ls, err := r.lines(v)
	if err != nil {
		return pageItem{}, err
	}
	for _, l := range ls {
		for i := range l {
			l[i].Style |= doc.Bold
		}
	}
	return pageItem{lines: ls}, nil
}

// fnUpper is `versaler värde`: the value in capitals, as an organisation's
// name often stands in a letterhead.
func (r *run) fnUpper(v any) (pageItem, error) {
	ls, err := r.lines(v)
	if err != nil {
		return pageItem{}, err
	}
	for _, l := range ls {
		for i := range l {
			l[i].Text = strings.ToUpper(l[i].Text)
		}
	}
	return pageItem{lines: ls}, nil
}

// fnPage is `sida` or `sida "Sida {sida} av {antal}"`: the page number and
// count as fields each format fills in; by default "1 (3)".
func (r *run) fnPage(format ...string) (pageItem, error) {
	f := "{sida} ({antal})"
	if len(format) > 1 {
		return pageItem{}, fmt.Errorf("sida takes at most one format, such as \"Sida {sida} av {antal}\"")
	}
	if len(format) == 1 {
		f = format[0]
	}
	var l doc.Line
	for f != "" {
		i := strings.IndexByte(f, '{')
		if i < 0 {
			l = append(l, doc.Text(f))
			break
		}
		if i > 0 {
			l = append(l, doc.Text(f[:i]))
		}
		switch {
		case strings.HasPrefix(f[i:], "{sida}"):
			l = append(l, doc.Inline{Field: doc.PageField})
			f = f[i+len("{sida}"):]
		case strings.HasPrefix(f[i:], "{antal}"):
			l = append(l, doc.Inline{Field: doc.PagesField})
			f = f[i+len("{antal}"):]
		default:
			return pageItem{}, fmt.Errorf("sida: %q: the format knows {sida} and {antal} only", format[0])
		}
	}
	return pageItem{lines: []doc.Line{l}}, nil
}

// fnNumbering is `sidnumrering start antal`: the number of the first page
// and the count the page fields show, such as an extract's 5 and 53; an
// empty or zero value keeps the default (1, the document's own count).
func (r *run) fnNumbering(start, total any) (safe, error) {
	var n [2]int
	for i, v := range []any{start, total} {
		switch v := v.(type) {
		case nil:
		case int:
			n[i] = v
		case string:
			if s := strings.TrimSpace(v); s != "" {
				k, err := strconv.Atoi(s)
				if err != nil {
					return "", fmt.Errorf("sidnumrering takes whole numbers, not %q", v)
				}
				n[i] = k
			}
		default:
			f, err := number(fmt.Sprint(v))
			if err != nil || f != float64(int(f)) {
				return "", fmt.Errorf("sidnumrering takes whole numbers, not %v", v)
			}
			n[i] = int(f)
		}
		if n[i] < 0 {
			return "", fmt.Errorf("sidnumrering takes numbers of 0 or more, not %d", n[i])
		}
	}
	if n[1] > 0 && n[0] > n[1] {
		return "", fmt.Errorf("sidnumrering: the first page %d is after the last %d", n[0], n[1])
	}
	r.pg.numbering = &doc.Numbering{Start: n[0], Total: n[1]}
	return "", nil
}

// fnLines is `rader .Fält.mottagare`: a list field as plain lines, one
// paragraph an entry, without bullets; or a list a function drew, as
// `rader (beslutsunderlag .Basis)`.
func (r *run) fnLines(v any) (safe, error) {
	var bs []doc.Block
	switch v := v.(type) {
	case safe:
		if s, ok := marker(strings.TrimSpace(string(v)), blockPrefix); ok {
			if i, err := strconv.Atoi(s); err == nil {
				for _, b := range r.placed(i) {
					bs = append(bs, unlist(b)...)
				}
			}
		}
	case []model.Person:
		for _, p := range v {
			bs = append(bs, textPara(nameTitle(r.person(p))))
		}
	case []model.Markdown:
		for _, it := range v {
			bs = append(bs, r.markdownBlocks(string(it))...)
		}
	case []string:
		for _, it := range v {
			bs = append(bs, textPara(strings.TrimSpace(it)))
		}
	case nil:
	default:
		its, err := r.items(v)
		if err != nil {
			return "", err
		}
		for _, it := range its {
			for _, l := range it.lines {
				bs = append(bs, &doc.Paragraph{Text: l})
			}
		}
	}
	return r.place(bs...), nil
}

// profileError reports a wrong value of the profile at its place.
func (r *run) profileError(path, format string, args ...any) {
	d := diag.Diagnostic{Path: path, Msg: fmt.Sprintf(format, args...)}
	if r.org != nil && r.org.Source != nil {
		p := r.org.Source.Pos(path)
		d.File, d.Line, d.Col = r.org.Source.Path, p.Line, p.Col
	}
	r.diags.Add(d)
}

// numberedByProfile numbers the headings of a kind the profile lists under
// numrerade_rubriker, as numrerade_rubriker in its template would.
func (r *run) numberedByProfile() {
	if r.org == nil {
		return
	}
	for _, k := range r.org.Numbered {
		if k == string(r.in.Kind.Name) {
			r.numbered = true
		}
	}
}

// unlist makes a list's items plain blocks, nested lists included.
func unlist(b doc.Block) []doc.Block {
	l, ok := b.(*doc.List)
	if !ok {
		return []doc.Block{b}
	}
	var out []doc.Block
	for _, it := range l.Items {
		for _, ib := range it.Blocks {
			out = append(out, unlist(ib)...)
		}
	}
	return out
}

// shorthand reports whether a furniture template does nothing but ask for
// the profile's lists (the built-in ones), so that it need not run.
func shorthand(t *template.Template) bool {
	if t == nil || t.Tree == nil || t.Tree.Root == nil {
		return false
	}
	calls := 0
	for _, n := range t.Tree.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			if strings.TrimSpace(string(n.Text)) != "" {
				return false
			}
		case *parse.CommentNode:
		case *parse.ActionNode:
			if len(n.Pipe.Decl) > 0 || len(n.Pipe.Cmds) == 0 || len(n.Pipe.Cmds[0].Args) != 1 {
				return false
			}
			id, ok := n.Pipe.Cmds[0].Args[0].(*parse.IdentifierNode)
			if !ok || (id.Ident != "profilens_sidhuvud" && id.Ident != "profilens_sidfot") {
				return false
			}
			calls++
		default:
			return false
		}
	}
	return calls == 1
}
