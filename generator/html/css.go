package html

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/style"
)

// stylesheet is the page's CSS, made from the style profile that the PDF
// and DOCX draw with (and that a reference DOCX sets; see
// pipeline.Config.ReferenceDOCX): its font with fallbacks, its sizes as
// shares of the body text, its spacing, colours and grid. On a screen the
// body text is the reader's own size (1rem), so that zoom and the
// browser's text size work; printed, it is the profile's size on an A4
// page with the profile's margins.
func stylesheet(p style.Profile) string {
	body := p.BodySize
	if body <= 0 {
		body = 11
	}
	// em is a size in points as a share of the body text.
	em := func(pt float64) string {
		if pt <= 0 {
			pt = body
		}
		return num(pt/body) + "em"
	}
	// space is a length in millimetres as a share of the body text.
	space := func(mm float64) string { return num(mm*72/25.4/body) + "em" }
	mm := func(v float64) string { return num(v) + "mm" }
	lh := p.LineHeight
	if lh <= 0 {
		lh = 1.2
	}
	screenLH := max(lh, 1.4) // WCAG 1.4.8's advice for reading on a screen
	textWidth := p.TextWidth()
	if textWidth <= 0 {
		textWidth = 160
	}
	status := func(i int) string { return hex(p.StatusColors[i]) }
	r := strings.NewReplacer(
		"$FONT", fontStack(p.FontFamily),
		"$TEXT", hex(p.TextColor),
		"$HEADCOLOR", hex(p.HeadingColor),
		"$LINK", hex(p.LinkColor),
		"$GRIDW", mm(max(p.GridWidth, 0.2)),
		"$GRID", hex(p.GridColor),
		"$FILL", hex(p.HeaderFill),
		"$SCREENLH", num(screenLH),
		"$LH", num(lh),
		"$WIDTH", mm(textWidth),
		"$TITLE", em(p.TitleSize),
		"$H1", em(p.HeadingSizes[0]),
		"$H2", em(p.HeadingSizes[1]),
		"$H3", em(p.HeadingSizes[2]),
		"$HEADER", em(p.HeaderSize),
		"$FOOTER", em(p.FooterSize),
		"$TABLE", em(p.TableSize),
		"$SMALL", em(p.SmallSize),
		"$PARA", space(p.ParagraphSpacing),
		"$HBEFORE", space(p.HeadingSpaceBefore),
		"$HAFTER", space(p.HeadingSpaceAfter),
		"$INDENT", space(p.ListIndent),
		"$PAD", space(p.CellPadding),
		"$GREEN", status(0),
		"$YELLOW", status(1),
		"$RED", status(2),
		"$PAGE", mm(p.PageWidth)+" "+mm(p.PageHeight),
		"$MARGINS", strings.Join([]string{mm(p.MarginTop), mm(p.MarginRight), mm(p.MarginBottom), mm(p.MarginLeft)}, " "),
		"$BODYPT", num(body)+"pt",
	)
	return r.Replace(css)
}

// fontStack is the profile's font and the fonts a reader's system is sure
// to have with the same metrics or look: Liberation Sans is Arial's twin.
func fontStack(family string) string {
	var fonts []string
	add := func(f string) {
		for _, g := range fonts {
			if strings.EqualFold(g, f) {
				return
			}
		}
		fonts = append(fonts, f)
	}
	if f := strings.TrimSpace(family); f != "" {
		add(f)
	}
	for _, f := range []string{"Liberation Sans", "Arial", "Helvetica"} {
		add(f)
	}
	out := make([]string, len(fonts))
	for i, f := range fonts {
		out[i] = strconv.Quote(f)
	}
	return strings.Join(out, ", ") + ", sans-serif"
}

func hex(c style.RGB) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// num writes a number with at most three decimals and no trailing zeros.
func num(v float64) string { return strconv.FormatFloat(float64(int(v*1000+0.5))/1000, 'f', -1, 64) }

const css = `html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; font-family: $FONT; font-size: 1rem; line-height: $SCREENLH; color: $TEXT; background: #fff; overflow-wrap: break-word; hyphens: manual; }
.hel { white-space: nowrap; }
.hoppa { position: absolute; left: -10000px; top: 0; }
.hoppa:focus { left: 1rem; top: 1rem; padding: .5em 1em; background: #fff; color: $LINK; outline: 2px solid $LINK; z-index: 1; }
.sidhuvud, main, .sidfot { max-width: $WIDTH; margin: 0 auto; padding: 0 1rem; }
.sidhuvud { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: flex-start; gap: .5em 2em; padding-top: 1.5rem; padding-bottom: 1rem; font-size: $HEADER; }
.sidhuvud p { margin: 0; }
.uppgifter { text-align: right; }
.sidhuvud.band { display: block; }
.bandrad { display: grid; gap: .25em 1.5em; }
.bandrad + .bandrad { margin-top: .5em; }
.bandrad p { margin: 0; }
.bandrad .h { text-align: right; }
.bandrad .c { text-align: center; }
.sidhuvud.linje { border-bottom: $GRIDW solid $GRID; }
.sidfot.band:not(.linje) { border-top: 0; }
@media screen and (max-width: 30em) { .bandrad { display: block; } .bandrad > div + div { margin-top: .25em; } }
.logotyp { display: block; max-width: 100%; max-height: 4.5em; height: auto; margin-bottom: .5em; }
h1, h2, h3, h4, h5, h6 { color: $HEADCOLOR; line-height: 1.25; margin: $HBEFORE 0 $HAFTER; font-weight: bold; }
h1 { font-size: $TITLE; margin-top: 0; }
h2 { font-size: $H1; }
h3 { font-size: $H2; }
h4, h5, h6 { font-size: $H3; }
p { margin: 0 0 $PARA; }
ul, ol { margin: 0 0 $PARA; padding-left: $INDENT; }
li > ul, li > ol, li > p:last-child { margin-bottom: 0; }
a { color: $LINK; }
code { font-family: "Liberation Mono", "Courier New", monospace; font-size: .95em; }
.liten, figcaption, caption { font-size: $SMALL; }
figure { margin: 0 0 $PARA; }
figure img { max-width: 100%; height: auto; }
figcaption { font-style: italic; margin-top: .3em; }
.tabellram { overflow-x: auto; margin: 0 0 $PARA; }
.tabellram:focus-visible { outline: 2px solid $LINK; outline-offset: 2px; }
.tabell { border-collapse: collapse; width: 100%; font-size: $TABLE; }
caption { caption-side: bottom; text-align: left; font-style: italic; padding-top: .3em; }
.tabell th, .tabell td { border: $GRIDW solid $GRID; padding: $PAD; text-align: left; vertical-align: top; }
.tabell thead th, .tabell thead td { background: $FILL; }
.tabell .h { text-align: right; }
.tabell .c { text-align: center; }
.tabell.utan-ram th, .tabell.utan-ram td { border: 0; padding-left: 0; }
.tabell.utan-ram thead th { background: none; }
.fakta { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: .15em 1.5em; margin: 0 0 $PARA; }
.fakta dt { grid-column: 1; font-weight: bold; }
.fakta dd { grid-column: 2; margin: 0; }
.status::before { content: ""; display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .4em; vertical-align: -.05em; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.status-1::before { background: $GREEN; }
.status-2::before { background: $YELLOW; }
.status-3::before { background: $RED; }
.underskrifter { margin-top: 2em; }
.sidbrytning { display: none; }
.bilaga { border-top: $GRIDW solid $GRID; margin-top: 3em; padding-top: 1em; }
.sidfot { border-top: $GRIDW solid $GRID; margin-top: 2em; padding-top: .5em; padding-bottom: 1.5rem; font-size: $FOOTER; }
.sidfot p { margin: 0; }
@media print {
  @page { size: $PAGE; margin: $MARGINS; }
  body { font-size: $BODYPT; line-height: $LH; }
  .sidhuvud, main, .sidfot { max-width: none; padding-left: 0; padding-right: 0; }
  .sidhuvud { padding-top: 0; }
  .hoppa { display: none; }
  a { color: inherit; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  tr, figure, .underskrifter, .fakta { break-inside: avoid; }
  thead, tr.hall { break-after: avoid; }
  .tabellram { overflow: visible; }
  thead { display: table-header-group; }
  .sidbrytning { display: block; break-after: page; }
  .bilaga { break-before: page; border-top: 0; margin-top: 0; }
}
`
