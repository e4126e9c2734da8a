package diag

import "strings"

// Closest returns the candidate nearest to s by edit distance, ignoring
// case, when it is near enough to be a likely typo; otherwise "". Every
// stage that rejects a name (a key, an enum value, a heading key, a
// section to place after) suggests through it, so that the suggestions
// agree.
func Closest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	ls := strings.ToLower(s)
	for _, c := range candidates {
		dist := Distance(ls, strings.ToLower(c))
		if dist < bestD {
			best, bestD = c, dist
		}
	}
	limit := max(1, len([]rune(s))/3)
	if bestD <= limit {
		return best
	}
	// A prefix or a missing suffix ("uppdragsägar", "bakgrund_text") is a
	// likely slip too.
	for _, c := range candidates {
		lc := strings.ToLower(c)
		if len(ls) >= 4 && (strings.HasPrefix(lc, ls) || strings.HasPrefix(ls, lc)) {
			return c
		}
	}
	return ""
}

// Distance is the Levenshtein distance between a and b, in runes: how
// many letters to add, drop or change to turn one into the other. Texts
// longer than 300 runes are "far apart", so that a stray paragraph costs
// nothing to compare.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 300 || len(rb) > 300 {
		return 1 << 20
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
