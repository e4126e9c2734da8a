package doc

// ColumnWidths is the one rule both renderers size table columns by, so
// that a table has the same proportions in the PDF and the DOCX. total is
// the width available; want[i] is what column i's longest line needs
// unwrapped and need[i] what its longest word needs, each measured by the
// renderer in its own units with its own font metrics. The result is in the
// same units and sums to total.
//
// Columns with a Width hint share what is left by their hints. Columns
// without a hint are sized from their content: each gets what its longest
// line needs if that is no more than a fair share, the others share the
// rest by how much they would like. Last, any column narrower than its
// longest word is widened at the expense of those with room to spare, so
// that words are not cut in the middle ("Uppdragsledar-e") when the table as
// a whole has room for them.
func ColumnWidths(cols []Column, total float64, want, need []float64) []float64 {
	ncol := len(want)
	hints := make([]float64, ncol)
	auto := 0
	for i := range hints {
		if i < len(cols) && cols[i].Width > 0 {
			hints[i] = cols[i].Width
		} else {
			auto++
		}
	}
	widths := make([]float64, ncol)
	if auto == 0 {
		hs := sum(hints)
		for i, h := range hints {
			widths[i] = total * h / hs
		}
		return fitWords(widths, need)
	}
	budget := total
	if auto < ncol {
		budget = total * float64(auto) / float64(ncol)
	}
	// Fair share among automatic columns: satisfy the modest ones first.
	// (A slice, not a map: the sums must be taken in the same order every
	// time for the output to be byte-identical.)
	open := make([]bool, ncol)
	nopen := auto
	for i := range hints {
		open[i] = hints[i] == 0
	}
	left := budget
	for changed := true; changed && nopen > 0; {
		changed = false
		fair := left / float64(nopen)
		for i := 0; i < ncol; i++ {
			if open[i] && want[i] <= fair {
				widths[i] = want[i]
				left -= want[i]
				open[i] = false
				nopen--
				changed = true
			}
		}
	}
	if nopen > 0 {
		// The rest share what is left by their wishes, but no narrower
		// than their longest word where that fits.
		var ws float64
		for i := range open {
			if open[i] {
				ws += want[i]
			}
		}
		for i := 0; i < ncol; i++ {
			if open[i] {
				widths[i] = max(left*want[i]/ws, min(need[i], left/float64(nopen)))
			}
		}
	}
	used := sum(widths)
	if auto == ncol {
		// Only automatic columns: the slack goes to the columns with text
		// to wrap (want above need), so that a column of single words
		// such as abbreviations stays as narrow as they are.
		slack := total - used
		var wrap float64
		for i := range widths {
			wrap += want[i] - need[i]
		}
		for i := range widths {
			switch {
			case wrap > 0:
				widths[i] += slack * (want[i] - need[i]) / wrap
			case used > 0:
				widths[i] += slack * widths[i] / used
			}
		}
		return fitWords(widths, need)
	}
	hs := sum(hints)
	for i, h := range hints {
		if h > 0 {
			widths[i] = (total - used) * h / hs
		}
	}
	return fitWords(widths, need)
}

// fitWords widens columns narrower than their longest word, taking the
// room from the columns that have more than their longest word needs, in
// proportion to what they have to spare. The columns that are least short
// are helped first; those whose longest word cannot fit however the others
// give then share what room is left, so that at least their shorter words
// are whole.
func fitWords(widths, need []float64) []float64 {
	tried := make([]bool, len(widths))
	for {
		best := -1
		for i, w := range widths {
			if !tried[i] && w < need[i] && (best < 0 || need[i]-w < need[best]-widths[best]) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		tried[best] = true
		short, spare := need[best]-widths[best], 0.0
		for i, w := range widths {
			if w > need[i] {
				spare += w - need[i]
			}
		}
		if spare < short {
			continue
		}
		for i, w := range widths {
			if w > need[i] {
				widths[i] = w - short*(w-need[i])/spare
			}
		}
		widths[best] = need[best]
	}
	var short, spare float64
	for i, w := range widths {
		if w < need[i] {
			short += need[i] - w
		} else {
			spare += w - need[i]
		}
	}
	if short == 0 || spare == 0 {
		return widths
	}
	give := min(spare, short)
	for i, w := range widths {
		if w < need[i] {
			widths[i] = w + give*(need[i]-w)/short
		} else {
			widths[i] = w - give*(w-need[i])/spare
		}
	}
	return widths
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}
