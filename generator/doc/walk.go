package doc

import (
	"fmt"
	"strconv"
	"strings"
)

// WalkStatus tells Walk how to go on after visiting a node.
type WalkStatus uint8

const (
	WalkContinue     WalkStatus = iota // visit the children, then the siblings
	WalkSkipChildren                   // do not visit the children
	WalkStop                           // stop walking
)

// Walker is called for each block twice: entering and leaving it.
type Walker func(b Block, entering bool) (WalkStatus, error)

// Walk visits the blocks depth first: list items' blocks and table cells'
// blocks (header rows first) are the children of their List and Table.
func Walk(blocks []Block, fn Walker) error {
	_, err := walk(blocks, fn)
	return err
}

func walk(blocks []Block, fn Walker) (bool, error) {
	for _, b := range blocks {
		st, err := fn(b, true)
		if err != nil || st == WalkStop {
			return true, err
		}
		if st != WalkSkipChildren {
			var stop bool
			switch n := b.(type) {
			case *List:
				for _, it := range n.Items {
					if stop, err = walk(it.Blocks, fn); stop || err != nil {
						return true, err
					}
				}
			case *Table:
				for _, rows := range [][]Row{n.Header, n.Rows} {
					for _, r := range rows {
						for _, c := range r.Cells {
							if stop, err = walk(c.Blocks, fn); stop || err != nil {
								return true, err
							}
						}
					}
				}
			}
		}
		if st, err = fn(b, false); err != nil || st == WalkStop {
			return true, err
		}
	}
	return false, nil
}

// Number assigns Number and ID to every numbered heading at the top level
// of the document, counting per level as the seeds do: 1, 1.1, 1.2, 2, 2.1.
// A heading deeper than the one before it by more than one level is an
// error, since its number would have a gap ("1..1").
func Number(d *Document) error {
	var counters []int
	for i, b := range d.Blocks {
		h, ok := b.(*Heading)
		if !ok || !h.Numbered || h.Level < 1 {
			continue
		}
		if h.Level > len(counters)+1 {
			return fmt.Errorf("heading %q (block %d) is at level %d right after level %d: numbered levels cannot be skipped", Plain(h.Text), i, h.Level, len(counters))
		}
		// Deeper levels restart; this level counts on from its last value.
		if len(counters) < h.Level {
			counters = append(counters, 0)
		}
		counters = counters[:h.Level]
		counters[h.Level-1]++
		parts := make([]string, len(counters))
		for j, c := range counters {
			parts[j] = strconv.Itoa(c)
		}
		h.Number = strings.Join(parts, ".")
		h.ID = "sec-" + strings.Join(parts, "-")
	}
	return nil
}

// Headings returns the top-level headings of levels 1–3 in order: the
// outline a PDF shows as bookmarks and Word as its navigation pane.
func Headings(d *Document) []*Heading {
	var out []*Heading
	for _, b := range d.Blocks {
		if h, ok := b.(*Heading); ok && h.Level >= 1 {
			out = append(out, h)
		}
	}
	return out
}

// HeadingText is the heading as shown: its number, when it has one, then
// its text ("2.1. Effektmål").
func HeadingText(h *Heading) string {
	if h.Number == "" {
		return Plain(h.Text)
	}
	return h.Number + ". " + Plain(h.Text)
}
