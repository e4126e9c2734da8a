package hyphen

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Compound joints. Liang's patterns know syllables, not words: they break
// "huvudan-svarig" as readily as "huvud-ansvarig", and their digits carry
// no sign of where a compound's parts meet (the Swedish file gives a
// joint the same odd value as any syllable). Swedish readers expect a
// long compound to break at its joint, so the hyphenator prefers the
// points a word list finds there.
//
// The word list is Debian's hunspell-sv (/usr/share/hunspell/sv_SE.dic,
// Göran Andersson's Swedish dictionary from the LibreOffice dictionaries).
// It is licensed under the LGPL, version 3, so it is read at run time from
// the system, where the package manager installed it, and never embedded
// in underlag's binary: embedding LGPL data in a statically linked Go
// program would put the program under the LGPL's relinking terms. Where
// the file is missing, words break by the patterns alone.

// SystemDictionary is where Debian's hunspell-sv installs the Swedish
// word list.
const SystemDictionary = "/usr/share/hunspell/sv_SE.dic"

// maxDictionary bounds the dictionary read: sv_SE.dic is 2.3 MB.
const maxDictionary = 16 << 20

// minPart is the fewest letters of a compound's part: shorter stems
// ("an", "in", "be") are prefixes more often than words, and a joint
// before or after them is no better than a syllable.
const minPart = 3

// Compounds finds the joints of Swedish compounds from a word list.
// It is read-only once made and safe for concurrent use.
type Compounds struct {
	stems wordSet // every word of the list, lower case
	heads wordSet // forms that only begin compounds ("kommunikations-")
}

// LoadCompounds reads a hunspell dictionary (.dic: a count, then one
// word a line with its affix flags after a slash) from path, at most
// 16 MB. A missing file is not an error: it returns nil, and words then
// break by the patterns alone.
func LoadCompounds(path string) (*Compounds, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("hyphen: word list: %w", err)
	}
	defer f.Close()
	// Read in one piece of the file's size: the list is read when a
	// document first needs a word hyphenated, in the time of a cold
	// `underlag render`.
	var data []byte
	if st, err := f.Stat(); err == nil && st.Size() > 0 && st.Size() <= maxDictionary {
		data = make([]byte, 0, st.Size()+1)
	}
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if len(data) > maxDictionary {
			return nil, fmt.Errorf("hyphen: word list %s: larger than %d bytes", path, maxDictionary)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("hyphen: word list %s: %w", path, err)
		}
	}
	c, err := parseCompounds(string(data))
	if err != nil {
		return nil, fmt.Errorf("hyphen: word list %s: %w", path, err)
	}
	return c, nil
}

// ParseCompounds reads a hunspell dictionary in UTF-8.
func ParseCompounds(r io.Reader) (*Compounds, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return parseCompounds(string(data))
}

// parseCompounds keeps the words, lower-cased, in one string that both
// sets index, rather than as a string and a map entry each: the list has
// some 200,000 words.
func parseCompounds(text string) (*Compounds, error) {
	lines := strings.Count(text, "\n")
	var words strings.Builder
	words.Grow(len(text))
	type ref struct {
		off, n int
		head   bool
	}
	refs := make([]ref, 0, lines)
	heads := 0
	_, text, _ = strings.Cut(text, "\n") // the word count
	for text != "" {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		w, _, _ := strings.Cut(line, "/")
		w = strings.TrimSpace(w)
		head := strings.HasSuffix(w, "-")
		w = strings.TrimSuffix(w, "-")
		if utf8.RuneCountInString(w) < minPart || !letters(w) {
			continue
		}
		if !lower(w) {
			w = strings.ToLower(w)
		}
		if len(w) > maxWord {
			continue // no compound's part is that long
		}
		refs = append(refs, ref{words.Len(), len(w), head})
		if head {
			heads++
		}
		words.WriteString(w)
	}
	if len(refs) == heads {
		return nil, fmt.Errorf("no words")
	}
	c := &Compounds{}
	all := words.String()
	c.stems.init(all, len(refs)-heads)
	c.heads.init(all, heads)
	for _, r := range refs {
		if r.head {
			c.heads.add(r.off, r.n)
		} else {
			c.stems.add(r.off, r.n)
		}
	}
	return c, nil
}

// lower reports whether s is lower case already: no ASCII capital, and
// no capital among its other letters.
func lower(s string) bool {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= 'A' && b <= 'Z' {
			return false
		}
		if b >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if unicode.IsUpper(r) || unicode.IsTitle(r) {
					return false
				}
			}
			return true
		}
	}
	return true
}

// maxWord is the longest word a set holds, in bytes.
const maxWord = 255

// wordSet is a set of words, each a piece of one string, in an
// open-addressed table: each slot holds a word's offset and length and 32
// bits of its hash, 0 for an empty slot.
type wordSet struct {
	words string
	slots []uint64
}

func (s *wordSet) init(words string, n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	s.words, s.slots = words, make([]uint64, size)
}

// hash is FNV-1a, 64 bits.
func hash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

func (s *wordSet) add(off, n int) {
	w := s.words[off : off+n]
	h := hash(w)
	slot := h>>32<<32 | uint64(off)<<8 | uint64(n)
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch e := s.slots[i]; {
		case e == 0:
			s.slots[i] = slot
			return
		case s.at(e) == w:
			return
		}
	}
}

// at is the word of a slot.
func (s *wordSet) at(e uint64) string {
	off, n := int(e>>8&0xffffff), int(e&0xff)
	return s.words[off : off+n]
}

func (s *wordSet) has(w string) bool {
	if len(s.slots) == 0 || len(w) > maxWord {
		return false
	}
	h := hash(w)
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := s.slots[i]
		if e == 0 {
			return false
		}
		if e>>32 == h>>32 && s.at(e) == w {
			return true
		}
	}
}

func letters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// endings are the inflections a compound's last part may carry after its
// stem: Swedish nouns' definite and plural forms, adjectives' and
// participles' endings, the genitive s.
var endings = []string{
	"", "n", "en", "et", "t", "na", "a", "e", "ar", "er", "or", "r",
	"s", "ns", "ts", "ens", "ets", "arna", "erna", "orna", "rna",
	"arnas", "ernas", "ornas", "nas", "ade", "de", "te", "at", "ad",
	"ande", "ende", "are", "ast", "aste",
}

func (c *Compounds) isStem(p string) bool { return c.stems.has(p) }

// isTail reports whether p may end a compound: a word of the list with
// one of the endings, the stem perhaps having lost its final a or e to
// the ending ("fråga", "frågor"; "pojke", "pojkar").
func (c *Compounds) isTail(p string) bool {
	for _, e := range endings {
		if !strings.HasSuffix(p, e) {
			continue
		}
		stem := p[:len(p)-len(e)]
		if utf8.RuneCountInString(stem) < minPart-1 {
			continue
		}
		if c.isStem(stem) || e != "" && (c.isStem(stem+"a") || c.isStem(stem+"e")) {
			return true
		}
	}
	return false
}

// isHead reports whether p may begin a compound: a word, a word with
// the linking s ("verksamhets-"), or a form the list gives as a first
// part only.
func (c *Compounds) isHead(p string) bool {
	if c.stems.has(p) || c.heads.has(p) {
		return true
	}
	return strings.HasSuffix(p, "s") && c.stems.has(p[:len(p)-1])
}

// Joints returns the byte offsets in word where two parts of a compound
// meet, in increasing order: the joints of the segmentation into the
// fewest parts, each a word of the list (the last one inflected, the
// others perhaps with a linking s), at least three letters long. Each
// run of letters is looked at on its own, as by Points. A word the list
// cannot segment has none.
func (c *Compounds) Joints(word string) []int {
	if c == nil {
		return nil
	}
	var out []int
	start := -1
	for i, r := range word + " " {
		if unicode.IsLetter(r) && i < len(word) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = c.joints(out, word[start:i], start)
			start = -1
		}
	}
	return out
}

func (c *Compounds) joints(out []int, word string, base int) []int {
	w := strings.ToLower(word)
	if len(w) != len(word) || utf8.RuneCountInString(w) < 2*minPart {
		return out
	}
	// at[k] is the byte offset of rune k; parts begin and end there.
	var at []int
	for i := range w {
		at = append(at, i)
	}
	at = append(at, len(w))
	n := len(at) - 1
	// best[k] is the fewest heads that w[:at[k]] splits into (0 for the
	// empty prefix, -1 when it cannot be split); from[k] where the last
	// of them begins.
	best := make([]int, n+1)
	from := make([]int, n+1)
	for k := 1; k <= n; k++ {
		best[k] = -1
		for j := 0; j+minPart <= k; j++ {
			if best[j] < 0 || !c.isHead(w[at[j]:at[k]]) {
				continue
			}
			if best[k] < 0 || best[j]+1 < best[k] {
				best[k], from[k] = best[j]+1, j
			}
		}
	}
	// The word is heads and then a tail; the fewest parts win. Among
	// those a head with the linking s wins ("verksamhets|året", not
	// "verksamhet|såret"), and then the longest tail.
	split, score := -1, 0
	for k := minPart; k+minPart <= n; k++ {
		if best[k] < 0 || !c.isTail(w[at[k]:]) {
			continue
		}
		sc := 2 * best[k]
		if h := w[at[from[k]]:at[k]]; strings.HasSuffix(h, "s") && !c.isStem(h) {
			sc--
		}
		if split < 0 || sc < score {
			split, score = k, sc
		}
	}
	if split < 0 {
		return out
	}
	var js []int
	for k := split; k > 0; k = from[k] {
		js = append(js, at[k])
	}
	for i := len(js) - 1; i >= 0; i-- {
		out = append(out, base+js[i])
	}
	return out
}
