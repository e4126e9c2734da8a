package doc

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func h(level int, text string) *Heading {
	return &Heading{Level: level, Numbered: true, Text: []Inline{Text(text)}}
}

func TestNumber(t *testing.T) {
	d := &Document{Blocks: []Block{
		&Heading{Level: 0, Text: []Inline{Text("Titel")}},
		h(1, "Bakgrund"), h(2, "Idé"),
		h(1, "Mål"), h(2, "Effektmål"), h(2, "Uppdragsmål"),
		&Paragraph{},
		h(1, "Krav"), h(2, "Förutsättningar"), h(3, "Detalj"), h(2, "Avgränsningar"),
		&Heading{Level: 1, Text: []Inline{Text("Definitioner")}},
		h(1, "Överlämning"),
	}}
	require.NoError(t, Number(d))
	var got []string
	for _, hd := range Headings(d) {
		got = append(got, HeadingText(hd))
	}
	assert.Equal(t, []string{
		"1. Bakgrund", "1.1. Idé", "2. Mål", "2.1. Effektmål", "2.2. Uppdragsmål",
		"3. Krav", "3.1. Förutsättningar", "3.1.1. Detalj", "3.2. Avgränsningar",
		"Definitioner", "4. Överlämning",
	}, got)
	assert.Equal(t, "sec-3-1-1", d.Blocks[9].(*Heading).ID)

	bad := &Document{Blocks: []Block{h(1, "A"), h(3, "C")}}
	assert.ErrorContains(t, Number(bad), "cannot be skipped")
}

func TestWalk(t *testing.T) {
	inner := &Paragraph{Text: []Inline{Text("i")}}
	cell := &Paragraph{Text: []Inline{Text("c")}}
	list := &List{Items: []ListItem{{Blocks: []Block{inner}}}}
	table := &Table{Header: []Row{{Cells: []Cell{{Blocks: []Block{cell}}}}}}
	blocks := []Block{list, table, &PageBreak{}}

	var order []string
	err := Walk(blocks, func(b Block, entering bool) (WalkStatus, error) {
		if entering {
			order = append(order, b.Kind().String())
		}
		return WalkContinue, nil
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"List", "Paragraph", "Table", "Paragraph", "PageBreak"}, order)

	order = nil
	_ = Walk(blocks, func(b Block, entering bool) (WalkStatus, error) {
		if entering {
			order = append(order, b.Kind().String())
		}
		return WalkSkipChildren, nil
	})
	assert.Equal(t, []string{"List", "Table", "PageBreak"}, order)

	stop := errors.New("stop")
	n := 0
	err = Walk(blocks, func(b Block, entering bool) (WalkStatus, error) {
		n++
		if b.Kind() == KindParagraph {
			return WalkStop, stop
		}
		return WalkContinue, nil
	})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 2, n)
	assert.Equal(t, "a\nb", Plain([]Inline{Text("a"), {Break: true}, {Field: PageField}, Text("b")}))
}

// TestFuncs checks the one table every renderer keeps: a registered kind
// gives its function, any other kind the one UnknownBlockError, and
// Missing lists exactly the kinds left out.
func TestFuncs(t *testing.T) {
	var tab Funcs[string]
	kinds := Kinds()
	require.Len(t, tab.Missing(), len(kinds))
	for i, k := range kinds[:len(kinds)-1] {
		tab.Register(k, k.String())
		assert.Len(t, tab.Missing(), len(kinds)-i-1)
	}
	last := kinds[len(kinds)-1]
	assert.Equal(t, []Kind{last}, tab.Missing())
	f, err := tab.Func(&Paragraph{})
	require.NoError(t, err)
	assert.Equal(t, KindParagraph.String(), f)
	_, err = tab.Func(anyKind(last))
	var ue *UnknownBlockError
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, anyKind(last), ue.Block)
	tab.Register(Kind(NumKinds), "outside")
	tab.Register(0, "none")
	assert.Equal(t, []Kind{last}, tab.Missing())
}

// anyKind is a block of whatever kind it is.
type anyKind Kind

func (k anyKind) Kind() Kind { return Kind(k) }
