package hyphen

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
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
//
// The list is not indexed word by word when it is read: hashing its
// 150,000 words took 25 ms and 15 MB, more than the rest of a cold
// `underlag render`, which hyphenates some twenty words. Its lines are
// only sorted into buckets by their first three letters (a pass that
// looks at three bytes a line), and a bucket's words are put into a set
// the first time a word beginning with those letters is looked up: a
// document pays for the few hundred buckets its hyphenated words touch.
type Compounds struct {
	data   []byte // the list as read, or mapped
	mapped bool   // data is the file mapped: read it guarded
	// The lines that may hold a word, in runs of lines of one bucket,
	// listed by bucket: bucket b's last run is runs[last[b]], the one
	// before it runs[runs[last[b]].prev], and so on to 0, which is none.
	// The list is nearly in alphabetical order, so a bucket's lines are
	// mostly in one run: hunspell-sv's 152,000 lines are 5,650 runs, an
	// index of 70 kB where one entry a line took 1.2 MB of fresh memory,
	// whose page faults were most of the time it took to make.
	last []uint32
	runs []run
	// sets are the buckets' words, each made on first use and then
	// never changed; two goroutines that make the same one at once make
	// the same set, and either is kept.
	sets []atomic.Pointer[bucket]
}

// bucket is the words of one bucket, lower case, each with the sets it
// belongs to (isStem, isHead).
type bucket map[string]uint8

const (
	isStem uint8 = 1 << iota // a word of the list
	isHead                   // a form that only begins compounds ("kommunikations-")
)

// buckets is how many buckets the lines go into: about four times the
// three-letter beginnings of Swedish words (hunspell-sv has some 4,400),
// a power of two.
const buckets = 1 << 14

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
	st, err := f.Stat()
	if err == nil && st.Size() > maxDictionary {
		return nil, fmt.Errorf("hyphen: word list %s: larger than %d bytes", path, maxDictionary)
	}
	// Mapped where the system can: reading the 2.3 MB into memory of our
	// own took 9-11 ms of a cold `underlag render`, most of it page faults
	// on the fresh memory; the mapping shares the system's cached pages
	// (1.4 ms).
	if err == nil && st.Size() > 0 {
		if data, unmap, err := mapFile(f, int(st.Size())); err == nil {
			c, err := guarded(func() (*Compounds, error) { return parseCompounds(data) })
			if err != nil {
				unmap()
				return nil, fmt.Errorf("hyphen: word list %s: %w", path, err)
			}
			c.mapped = true
			runtime.AddCleanup(c, func(unmap func()) { unmap() }, unmap)
			return c, nil
		}
	}
	// Else read in one piece of the file's size, and kept as read.
	var data []byte
	if err == nil && st.Size() > 0 {
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
	c, err := parseCompounds(data)
	if err != nil {
		return nil, fmt.Errorf("hyphen: word list %s: %w", path, err)
	}
	return c, nil
}

// guarded runs f, which reads a mapped file, and turns a fault into an
// error: a file cut short while it is mapped (edited in place, say, during
// `underlag serve`) faults where its pages were, and must cost the
// joints, not the process.
func guarded[T any](f func() (T, error)) (v T, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if _, fault := r.(interface{ Addr() uintptr }); !fault {
				panic(r)
			}
			err = fmt.Errorf("the file changed while it was read (%v)", r)
		}
	}()
	return f()
}

// ParseCompounds reads a hunspell dictionary in UTF-8.
func ParseCompounds(r io.Reader) (*Compounds, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxDictionary+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxDictionary {
		return nil, fmt.Errorf("larger than %d bytes", maxDictionary)
	}
	return parseCompounds(data)
}

// run is lines [off, end) of the list, all of one bucket (or holding no
// word); prev is the bucket's run before it.
type run struct{ off, end, prev uint32 }

// parseCompounds sorts the lines of text into their buckets, in one
// pass: each bucket is a list of runs of its lines, linked from the last.
func parseCompounds(text []byte) (*Compounds, error) {
	_, rest, _ := bytes.Cut(text, []byte("\n")) // the word count
	c := &Compounds{
		data: text,
		last: make([]uint32, buckets),
		runs: make([]run, 1, 8192),
	}
	cur := -1 // the bucket of the last run
	for off := len(text) - len(rest); off < len(text); {
		end := bytes.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text) - off
		}
		next := off + end + 1
		switch k := lineKey(text[off : off+end]); {
		case k == noBucket && cur < 0:
		case k == noBucket || int(k) == cur:
			// A line with no word may join any run: reading it again
			// finds none.
			c.runs[len(c.runs)-1].end = uint32(min(next, len(text)))
		default:
			c.runs = append(c.runs, run{off: uint32(off), end: uint32(min(next, len(text))), prev: c.last[k]})
			c.last[k] = uint32(len(c.runs) - 1)
			cur = int(k)
		}
		off = next
	}
	if len(c.runs) == 1 {
		return nil, fmt.Errorf("no words")
	}
	c.sets = make([]atomic.Pointer[bucket], buckets)
	return c, nil
}

// noBucket marks a line that can hold no word of the sets.
const noBucket = math.MaxUint16

// lineKey is the bucket of a line of the list: that of its word's first
// three letters, lower case. Most lines begin with three letters of
// ASCII or Latin-1 (å, ä, ö), lower-cased here as strings.ToLower does;
// any other line is read as the sets read it. A line put in a bucket may
// still hold no word: the bucket's set reads it again.
func lineKey(line []byte) uint16 {
	var r [3]rune
	i := 0
	for n := range r {
		if i >= len(line) {
			break
		}
		switch b := line[i]; {
		case b|0x20 >= 'a' && b|0x20 <= 'z':
			r[n] = rune(b | 0x20)
			i++
		case b == 0xc3 && i+1 < len(line) && line[i+1] >= 0x80 && line[i+1] <= 0xbf && line[i+1] != 0x97 && line[i+1] != 0xb7:
			// U+00C0 to U+00FF, less × and ÷: the capitals (up to Þ)
			// lie 0x20 below their small letters, as in ASCII.
			r[n] = 0xc0 + rune(line[i+1]-0x80)
			if r[n] <= 0xde {
				r[n] += 0x20
			}
			i += 2
		default:
			i = -1
		}
		if i < 0 {
			break
		}
	}
	if i > 0 && r[2] != 0 {
		return key(r[0], r[1], r[2])
	}
	w, _, ok := entry(string(line))
	if !ok {
		return noBucket
	}
	return wordKey(w)
}

// wordKey is the bucket of a lower-case word of at least three runes.
func wordKey(w string) uint16 {
	r1, n1 := utf8.DecodeRuneInString(w)
	r2, n2 := utf8.DecodeRuneInString(w[n1:])
	r3, _ := utf8.DecodeRuneInString(w[n1+n2:])
	return key(r1, r2, r3)
}

func key(r1, r2, r3 rune) uint16 {
	h := (uint32(r1)*31+uint32(r2))*31 + uint32(r3)
	h *= 2654435761 // Knuth's multiplicative hash
	return uint16(h >> (32 - 14))
}

// entry reads a line of the list as a word of the sets: the word before
// the affix flags, lower case, and whether it is a form that only begins
// compounds (written with a final hyphen). ok is false for a line that
// holds no such word: one of fewer than minPart letters, with anything
// but letters, or longer than maxWord bytes.
func entry(line string) (w string, head, ok bool) {
	w, _, _ = strings.Cut(line, "/")
	w = strings.TrimSpace(w)
	head = strings.HasSuffix(w, "-")
	w = strings.TrimSuffix(w, "-")
	if utf8.RuneCountInString(w) < minPart || !letters(w) {
		return "", false, false
	}
	if !lower(w) {
		w = strings.ToLower(w)
	}
	if len(w) > maxWord {
		return "", false, false // no compound's part is that long
	}
	return w, head, true
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

// maxWord is the longest word the sets hold, in bytes.
const maxWord = 255

// in reports whether the lower-case word w is in the set named by set
// (isStem or isHead).
func (c *Compounds) in(w string, set uint8) bool {
	if len(w) > maxWord || utf8.RuneCountInString(w) < minPart {
		return false
	}
	return c.bucket(wordKey(w))[w]&set != 0
}

// bucket returns the words of bucket k, making the set on first use. A
// mapped list that has changed meanwhile gives an empty set, not kept.
func (c *Compounds) bucket(k uint16) bucket {
	if b := c.sets[k].Load(); b != nil {
		return *b
	}
	if c.mapped {
		b, err := guarded(func() (bucket, error) { return c.makeBucket(k), nil })
		if err != nil {
			return nil
		}
		return b
	}
	return c.makeBucket(k)
}

// makeBucket reads bucket k's lines into its set and keeps it.
func (c *Compounds) makeBucket(k uint16) bucket {
	b := bucket{}
	for i := c.last[k]; i != 0; i = c.runs[i].prev {
		lines := c.data[c.runs[i].off:c.runs[i].end]
		for len(lines) > 0 {
			line := lines
			if end := bytes.IndexByte(lines, '\n'); end >= 0 {
				line, lines = lines[:end], lines[end+1:]
			} else {
				lines = nil
			}
			if w, head, ok := entry(string(line)); ok {
				if head {
					b[w] |= isHead
				} else {
					b[w] |= isStem
				}
			}
		}
	}
	c.sets[k].CompareAndSwap(nil, &b)
	return b
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

func (c *Compounds) isStem(p string) bool { return c.in(p, isStem) }

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
	if c.in(p, isStem|isHead) {
		return true
	}
	return strings.HasSuffix(p, "s") && c.isStem(p[:len(p)-1])
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
