package doc

// ShortTable is the most body rows a table may have to be kept whole on
// one page.
const ShortTable = 4

// KeepRow reports whether body row i of a table of n body rows is kept on
// the page of the row after it, the rule every format breaks tables by:
// no page shows one body row alone. The first two rows stay together
// (and the header rows with the first), the last two too, and a short
// table (ShortTable rows or fewer) stays whole. A chain of kept rows
// taller than a page still breaks.
func KeepRow(i, n int) bool {
	switch {
	case i < 0 || i >= n-1:
		return false
	case n <= ShortTable:
		return true
	}
	return i == 0 || i == n-2
}

// Measurer measures text as a renderer sets it, so that another
// renderer can size table columns the same way (see ColumnWidths).
type Measurer interface {
	// NaturalWidth returns, in millimetres, the width runs take on one
	// line at size points (bold when bold is set) and their widest word.
	NaturalWidth(runs []Inline, size float64, bold bool) (line, word float64)
}
