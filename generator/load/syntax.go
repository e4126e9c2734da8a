package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/encoding/charmap"

	"github.com/underlag/underlag/generator/diag"
)

// This file turns what yaml.v3 says about a file that is not valid YAML
// into a diagnostic that teaches: the line and column of the mistake, the
// line itself (Format puts a caret under the column) and, for the mistakes
// new users make, a hint that says how to fix it.
//
// yaml.v3 gives only a line, and for parser errors the line where the
// enclosing mapping or list starts rather than the line that is wrong; it
// never gives a column. So the line is found again by parsing ever longer
// prefixes of the file (see failingLine), and the column and the hint come
// from looking at that line and the ones above it.

// textError reports a file that is not UTF-8 text: binary data (a NUL
// byte), or text in another encoding, usually Latin-1 or Windows-1252 from
// an old editor. For the latter it gives the line and column of the first
// byte that is not UTF-8, and what that byte would be in Windows-1252, so
// the user can see which letter is wrong.
func textError(path string, data []byte) (diag.Diagnostic, bool) {
	if bytes.IndexByte(data, 0) >= 0 {
		return diag.Diagnostic{File: path, Msg: "not a text YAML file: it holds binary data (save it as UTF-8 text)"}, true
	}
	off := invalidUTF8(data)
	if off < 0 {
		return diag.Diagnostic{}, false
	}
	src := newSource(data)
	line, col := src.pos(off)
	msg := fmt.Sprintf("not UTF-8 text: the byte 0x%02X cannot be read as UTF-8", data[off])
	if r := charmap.Windows1252.DecodeByte(data[off]); r != utf8.RuneError && unicode.IsPrint(r) {
		msg += fmt.Sprintf("; in Latin-1 it is %q, so the file is likely saved as Latin-1", string(r))
	}
	return diag.Diagnostic{
		File: path, Line: line, Col: col, Msg: msg, Excerpt: string(src.line(line)),
		Hint: "save the file as UTF-8: choose the encoding UTF-8 in the editor's Save As dialog or encoding menu",
	}, true
}

// invalidUTF8 returns the offset of the first byte of data that is not
// part of a valid UTF-8 sequence, or -1.
func invalidUTF8(data []byte) int {
	for off := 0; off < len(data); {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n == 1 {
			return off
		}
		off += n
	}
	return -1
}

var (
	yamlLine      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): `) })
	unknownAnchor = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`unknown anchor '([^']*)' referenced`) })
)

// maxRefine is the largest file whose failing line is found by parsing
// prefixes. Data files are a few kilobytes; for a larger file the few
// extra parses are not worth the time, and yaml.v3's line is kept.
const maxRefine = 1 << 20

// syntaxError turns a yaml.v3 error for data into a diagnostic at the line
// and column of the mistake, with the source line and, when the mistake is
// a common one, a hint.
func syntaxError(path string, data []byte, err error) diag.Diagnostic {
	src := newSource(data)
	raw := yamlProblem(err)
	f := locate(src, raw, yamlErrLine(err, src))
	d := diag.Diagnostic{File: path, Line: f.line, Col: f.col, Msg: "invalid YAML: " + f.msg, Hint: f.hint}
	if f.msg == "" {
		d.Msg = "invalid YAML: " + raw
	}
	if f.line > 0 {
		d.Excerpt = string(src.line(f.line))
	}
	return d
}

// finding is where a syntax error is and what to say about it; an empty
// msg keeps yaml.v3's own.
type finding struct {
	line, col int
	msg, hint string
}

// locate finds the mistake behind the yaml.v3 problem raw, which yaml.v3
// placed at line reported (0 when it gave none).
func locate(src *source, raw string, reported int) finding {
	if a := unknownAnchor().FindStringSubmatch(raw); a != nil {
		return anchorFinding(src, a[1])
	}
	if q, ok := unclosedQuote(src, raw); ok {
		return q
	}
	line := reported
	if len(src.data) <= maxRefine {
		if l := failingLine(src, raw); l > 0 {
			line = l
		}
	}
	if line <= 0 || line > src.count() {
		return finding{line: max(line, 0)}
	}
	for _, check := range []func(*source, string, int) (finding, bool){tabFinding, colonFinding, valueColonFinding, flowFinding, blockBreakFinding, indentFinding} {
		if f, ok := check(src, raw, line); ok {
			return f
		}
	}
	return finding{line: line, col: firstNonSpace(src.line(line))}
}

// yamlProblem is yaml.v3's message without its "yaml: line N:" prefix:
// the position goes in the diagnostic.
func yamlProblem(err error) string {
	msg := yamlLine().ReplaceAllString(err.Error(), "")
	return strings.TrimPrefix(msg, "yaml: ")
}

// yamlErrLine returns the 1-based line yaml.v3 gives for err, or 0.
// yaml.v3 adds one to the 0-based line of scanner errors but not of
// parser errors, whose line is moreover where the enclosing list or
// mapping starts; the parser's messages are the ones below.
func yamlErrLine(err error, src *source) int {
	m := yamlLine().FindStringSubmatch(err.Error())
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	msg := err.Error()[len(m[0]):]
	for _, p := range parserErrors {
		if strings.HasPrefix(msg, p) {
			n++
			break
		}
	}
	return min(n, src.count())
}

var parserErrors = []string{
	"did not find expected node content",
	"did not find expected key",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"did not find expected '-' indicator",
	"did not find expected <document start>",
	"did not find expected <stream-start>",
	"found undefined tag handle",
	"found incompatible YAML document",
	"found duplicate %YAML directive",
	"found duplicate %TAG directive",
}

// failingLine returns the first line n such that the file cut after line
// n fails with the same problem as the whole file: the line whose arrival
// the parser could not accept. A YAML block cut at a line break is still
// valid, so the lines before the mistake parse and the line of the mistake
// does not. It returns 0 when no prefix fails alike.
func failingLine(src *source, raw string) int {
	fails := func(n int) bool {
		err := parseAll(src.data[:src.end(n)])
		return err != nil && yamlProblem(err) == raw
	}
	lo, hi := 1, src.count()
	if !fails(hi) {
		return 0
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// parseAll parses every YAML document in data and returns the first error.
func parseAll(data []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// anchorFinding points at the first use of an alias *name whose anchor
// &name is not defined; yaml.v3 gives no line for it.
func anchorFinding(src *source, name string) finding {
	for n := 1; n <= src.count(); n++ {
		if i := bytes.Index(src.line(n), []byte("*"+name)); i >= 0 {
			return finding{line: n, col: colAt(src.line(n), i),
				hint: fmt.Sprintf("define the value once with `&%s` before using it as `*%s`, or remove the `*`", name, name)}
		}
	}
	return finding{}
}

// unclosedQuote handles a quoted text that runs to the end of the file:
// yaml.v3 says "found unexpected end of stream" at the last line, but the
// mistake is the opening quote.
func unclosedQuote(src *source, raw string) (finding, bool) {
	if !strings.Contains(raw, "end of stream") {
		return finding{}, false
	}
	off := openQuote(src.data)
	if off < 0 {
		return finding{}, false
	}
	line, col := src.pos(off)
	q := string(src.data[off])
	text := src.line(line)
	hint := fmt.Sprintf("end the text with %s on the line where it ends", backtick(q))
	if i := bytes.IndexByte(text, '#'); i < 0 {
		fixed := strings.TrimRight(string(text), " ") + q
		hint = "close the quote: " + backtick(strings.TrimLeft(fixed, " "))
	}
	return finding{line: line, col: col,
		msg:  fmt.Sprintf("the quote %s that starts here is never closed, so the text runs to the end of the file", backtick(q)),
		hint: hint}, true
}

// openQuote returns the offset of the quote that starts a quoted scalar
// still open at the end of data, or -1. It follows YAML's rules closely
// enough for data files: a quote starts a scalar only where a value or key
// can start (not inside plain text such as "it's"), comments and block
// scalars (| and >) are skipped, \" escapes a quote in double quotes and
// a doubled one in single quotes.
func openQuote(data []byte) int {
	src := newSource(data)
	blockIndent := -1 // indentation of the line that started a block scalar
	for n := 1; n <= src.count(); n++ {
		line := src.line(n)
		indent := len(line) - len(bytes.TrimLeft(line, " "))
		if blockIndent >= 0 {
			if len(bytes.TrimSpace(line)) == 0 || indent > blockIndent {
				continue
			}
			blockIndent = -1
		}
		start := src.starts[n-1]
		canStart := true
		for i := 0; i < len(line); i++ {
			c := line[i]
			switch {
			case c == ' ' || c == '\t':
				continue
			case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
				i = len(line)
			case (c == '"' || c == '\'') && canStart:
				end := closeQuote(data, start+i)
				if end < 0 {
					return start + i
				}
				// Continue after the closing quote, which may be on a
				// later line.
				l, _ := src.pos(end)
				if l != n {
					n = l
					line = src.line(n)
					start = src.starts[n-1]
				}
				i = end - start
				canStart = false
			case (c == '|' || c == '>') && canStart && blockHeader(line[i+1:]):
				blockIndent = indent
				i = len(line)
			case c == '-' || c == '?' || c == ':':
				// An indicator followed by a space (or the end of the
				// line) lets a value start after it.
				canStart = i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'
			case c == '[' || c == '{' || c == ',':
				canStart = true
			case (c == '&' || c == '!') && canStart:
				// An anchor or tag before the value: skip it.
				for i+1 < len(line) && line[i+1] != ' ' {
					i++
				}
			default:
				canStart = false
			}
		}
	}
	return -1
}

// closeQuote returns the offset of the quote that closes the quoted scalar
// opening at data[open], or -1.
func closeQuote(data []byte, open int) int {
	q := data[open]
	for i := open + 1; i < len(data); i++ {
		switch {
		case q == '"' && data[i] == '\\':
			i++
		case data[i] == q && q == '\'' && i+1 < len(data) && data[i+1] == '\'':
			i++
		case data[i] == q:
			return i
		}
	}
	return -1
}

// blockHeader reports whether rest, what follows a | or >, is a block
// scalar header: indentation and chomping indicators, then nothing but a
// comment.
func blockHeader(rest []byte) bool {
	rest = bytes.TrimLeft(rest, "+-0123456789")
	rest = bytes.TrimLeft(rest, " \t")
	return len(rest) == 0 || rest[0] == '#'
}

// tabFinding handles a tab in the indentation, which YAML forbids and
// which an editor shows just like spaces.
func tabFinding(src *source, raw string, line int) (finding, bool) {
	text := src.line(line)
	i := leadingTab(text)
	if i < 0 {
		return finding{}, false
	}
	return finding{line: line, col: colAt(text, i),
		msg:  "a tab in the indentation: YAML indents with spaces only",
		hint: "replace the tab with spaces, and set the editor to insert spaces for the Tab key"}, true
}

// leadingTab returns the offset of a tab among the spaces and list dashes
// that start line, or -1.
func leadingTab(line []byte) int {
	for i, c := range line {
		switch {
		case c == '\t':
			return i
		case c == ' ', c == '-' && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
		default:
			return -1
		}
	}
	return -1
}

// keyNoSpace matches a line that is a key and a value with no space after
// the colon, such as "  titel:HSD" or "- namn:Anna": YAML reads it as one
// piece of text, and the next key is then "not allowed" or "not found".
// Times (12:30) and URLs (https://…) after the colon are left alone.
var keyNoSpace = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\s*(?:-\s+)*)([\p{L}_][\p{L}\p{N}_\-]*):([^\s:/])`)
})

// colonFinding handles a missing space after a key's colon. The line the
// parser trips on is often the next key, so it looks from that line up
// through the lines that could continue the broken one.
func colonFinding(src *source, raw string, line int) (finding, bool) {
	if !strings.Contains(raw, "could not find expected ':'") && !strings.Contains(raw, "mapping values are not allowed") &&
		!strings.Contains(raw, "did not find expected key") {
		return finding{}, false
	}
	for n := line; n >= 1 && n > line-10; n-- {
		text := src.line(n)
		if n < line && (bytes.Contains(text, []byte(": ")) || bytes.HasSuffix(bytes.TrimRight(text, " "), []byte(":"))) {
			break
		}
		m := keyNoSpace().FindSubmatchIndex(text)
		if m == nil || bytes.Contains(text, []byte(": ")) {
			continue
		}
		colon := m[5] // end of the key
		fixed := string(text[:colon+1]) + " " + string(text[colon+1:])
		return finding{line: n, col: colAt(text, colon),
			msg:  fmt.Sprintf("%s has no space after the colon, so YAML reads it as text, not as a key and a value", backtick(strings.TrimSpace(string(text)))),
			hint: "put a space after the colon: " + backtick(strings.TrimSpace(fixed))}, true
	}
	return finding{}, false
}

// valueColonFinding handles a value that holds ": ", such as
// "beskrivning: Mål: bättre vård", which YAML reads as a second key.
func valueColonFinding(src *source, raw string, line int) (finding, bool) {
	if !strings.Contains(raw, "mapping values are not allowed") {
		return finding{}, false
	}
	text := src.line(line)
	first := bytes.Index(text, []byte(": "))
	if first < 0 {
		return finding{}, false
	}
	rest := text[first+2:]
	second := bytes.Index(rest, []byte(": "))
	if second < 0 || bytes.ContainsAny(rest[:1], `"'[{|>`) {
		return finding{}, false
	}
	value := strings.TrimSpace(string(rest))
	return finding{line: line, col: colAt(text, first+2+second),
		msg:  "the value holds \": \", which YAML reads as the start of another key",
		hint: fmt.Sprintf("put the value in quotes: %s", backtick(strings.TrimSpace(string(text[:first+2]))+" "+strconv.Quote(value)))}, true
}

// flowFinding handles a list [a, b] or mapping {a: b} written on one line
// that is not closed: it points at the opening bracket.
func flowFinding(src *source, raw string, line int) (finding, bool) {
	var closer byte
	switch {
	case strings.Contains(raw, "expected ',' or ']'"):
		closer = ']'
	case strings.Contains(raw, "expected ',' or '}'"):
		closer = '}'
	default:
		return finding{}, false
	}
	opener := byte('[')
	kind := "list"
	if closer == '}' {
		opener, kind = '{', "mapping"
	}
	text := src.line(line)
	open := unclosedBracket(text, opener, closer)
	if open < 0 {
		return finding{}, false
	}
	return finding{line: line, col: colAt(text, open),
		msg:  fmt.Sprintf("the %s that starts with %s here is not closed", kind, backtick(string(opener))),
		hint: fmt.Sprintf("end it with %s, or write the items on lines of their own starting with `- `", backtick(string(closer)))}, true
}

// unclosedBracket returns the offset of the last opener in line that no
// closer matches, skipping quoted text and a comment, or -1.
func unclosedBracket(line []byte, opener, closer byte) int {
	var stack []int
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '"' || c == '\'':
			end := closeQuote(line, i)
			if end < 0 {
				return -1
			}
			i = end
		case c == '#' && i > 0 && line[i-1] == ' ':
			i = len(line)
		case c == opener:
			stack = append(stack, i)
		case c == closer && len(stack) > 0:
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) == 0 {
		return -1
	}
	return stack[len(stack)-1]
}

// blockBreakFinding handles a line of a block of text (a | or >
// scalar) indented less than the lines before it: it ends the block, and
// YAML trips over it as a key a few lines further down.
func blockBreakFinding(src *source, raw string, line int) (finding, bool) {
	for h := line - 1; h >= 1 && h > line-200; h-- {
		header := src.line(h)
		if !isBlockHeader(header) {
			continue
		}
		keyIndent := indentOf(header)
		content := -1
		for n := h + 1; n <= line; n++ {
			text := src.line(n)
			if len(bytes.TrimSpace(text)) == 0 {
				continue
			}
			ind := indentOf(text)
			if content < 0 {
				content = ind
				continue
			}
			if ind <= keyIndent {
				return finding{}, false // a key after the block: the block ended as it should
			}
			if ind < content {
				if labelKind(label(text[ind:])) == 2 {
					// A key: more likely a misplaced key after the
					// block; indentFinding says where it could go.
					return finding{}, false
				}
				return finding{line: n, col: ind + 1,
					msg:  fmt.Sprintf("this line is indented less than the text above it, so it ends the block of text that starts on line %d", h),
					hint: fmt.Sprintf("indent it %s, like the rest of the text", spaces(content))}, true
			}
		}
		return finding{}, false
	}
	return finding{}, false
}

// isBlockHeader reports whether line ends in a block scalar indicator
// after a key or list dash, such as "sammanfattning: |" or "- >-".
func isBlockHeader(line []byte) bool {
	if i := bytes.Index(line, []byte(" #")); i >= 0 {
		line = line[:i]
	}
	t := bytes.TrimRight(line, " \t")
	i := bytes.LastIndexAny(t, "|>")
	if i < 1 || t[i-1] != ' ' || !blockHeader(t[i+1:]) {
		return false
	}
	before := bytes.TrimRight(t[:i], " ")
	return bytes.HasSuffix(before, []byte(":")) || bytes.HasSuffix(before, []byte("-"))
}

func indentOf(line []byte) int { return len(line) - len(bytes.TrimLeft(line, " ")) }

// level is a column that a line above starts something at: a key, a list
// dash or a list item's content. A line's indentation must be one of them.
type level struct {
	indent int
	line   int
	label  string // what starts there, as shown in the hint
	dash   bool   // a list dash
}

// indentFinding handles a line whose indentation lines up with nothing
// above it, which YAML reports at the line where the enclosing mapping
// starts, if it gives a line at all.
func indentFinding(src *source, raw string, line int) (finding, bool) {
	if !strings.Contains(raw, "did not find expected key") && !strings.Contains(raw, "did not find expected '-' indicator") &&
		!strings.Contains(raw, "mapping values are not allowed") && !strings.Contains(raw, "did not find expected <document start>") {
		return finding{}, false
	}
	text := src.line(line)
	indent := len(text) - len(bytes.TrimLeft(text, " "))
	what := "this line"
	if l := label(text[indent:]); l != "" {
		what = backtick(l)
	}
	var above, below *level
	levels := levelsAbove(src, line)
	for i := range levels {
		lv := &levels[i]
		switch {
		case lv.indent == indent && lv.dash && !bytes.HasPrefix(text[indent:], []byte("-")):
			hint := fmt.Sprintf("%s lines up with the list's `-` on line %d, so YAML expects a new item: start it with `- `", what, lv.line)
			if i > 0 {
				in := levels[i-1]
				hint += fmt.Sprintf(", or indent it %s, %s, to add it to the item above", spaces(in.indent), like(&in))
			}
			return finding{line: line, col: indent + 1, msg: "a key where the list expects an item", hint: hint}, true
		case lv.indent == indent:
			return finding{}, false
		case lv.indent > indent:
			above = lv
		case below == nil:
			below = lv
		}
	}
	if below == nil {
		return shallowFinding(src, levels)
	}
	// Name the likelier sibling first: a line of the same kind (key or
	// text), else the nearer one.
	first, second := below, above
	if above != nil {
		sameKind := func(lv *level) bool { return labelKind(lv.label) == labelKind(label(text[indent:])) }
		if sameKind(above) != sameKind(below) && sameKind(above) || sameKind(above) == sameKind(below) && above.line > below.line {
			first, second = above, below
		}
	}
	hint := fmt.Sprintf("indent %s %s, %s", what, spaces(first.indent), like(first))
	if second != nil {
		hint += fmt.Sprintf(", or %s, %s", spaces(second.indent), like(second))
	}
	return finding{line: line, col: indent + 1,
		msg:  fmt.Sprintf("the indentation (%s) lines up with no line above; YAML uses it to tell what belongs to what", spaces(indent)),
		hint: hint}, true
}

// shallowFinding handles a line indented less than every line above it,
// which happens when the file's first key is indented: the mistake is at
// the top, not at the line YAML trips over.
func shallowFinding(src *source, levels []level) (finding, bool) {
	if len(levels) == 0 {
		return finding{}, false
	}
	top := levels[len(levels)-1]
	if top.indent == 0 {
		return finding{}, false
	}
	text := src.line(top.line)
	return finding{line: top.line, col: top.indent + 1,
		msg:  fmt.Sprintf("the first key is indented %s and keys below it are not; the keys of the file must all start in the same column", spaces(top.indent)),
		hint: "start the top-level keys at the beginning of the line: " + backtick(string(bytes.TrimLeft(text, " ")))}, true
}

// levelsAbove returns the columns at which the lines above line start
// something that line could belong to, deepest first: from the nearest
// line up, each column shallower than the last one found.
func levelsAbove(src *source, line int) []level {
	var out []level
	limit := 1 << 30
	for n := line - 1; n >= 1 && limit > 0; n-- {
		text := src.line(n)
		trimmed := bytes.TrimLeft(text, " ")
		if len(trimmed) == 0 || trimmed[0] == '#' {
			continue
		}
		starts := lineStarts(text)
		for i := len(starts) - 1; i >= 0; i-- {
			if s := starts[i]; s.indent < limit {
				s.line = n
				out = append(out, s)
				limit = s.indent
			}
		}
	}
	return out
}

// lineStarts returns where a line starts something: its indentation, and
// after each list dash the dash's content ("  - namn: A" starts at 2 and
// at 4).
func lineStarts(text []byte) []level {
	var out []level
	i := len(text) - len(bytes.TrimLeft(text, " "))
	for i < len(text) {
		rest := text[i:]
		if rest[0] == '-' && (len(rest) == 1 || rest[1] == ' ') {
			out = append(out, level{indent: i, label: "-", dash: true})
			j := i + 1
			for j < len(text) && text[j] == ' ' {
				j++
			}
			i = j
			continue
		}
		out = append(out, level{indent: i, label: label(rest)})
		break
	}
	return out
}

// keyLabel matches a key at the start of a line, such as "namn:".
var keyLabel = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[\p{L}\p{N}_\-]+:(?:\s|$)`) })

// label is how a hint names what starts a line: "key:" for a key, "-"
// for a list item, or "" for text.
func label(rest []byte) string {
	if m := keyLabel().Find(rest); m != nil {
		return strings.TrimSpace(string(m))
	}
	if len(rest) > 0 && rest[0] == '-' && (len(rest) == 1 || rest[1] == ' ') {
		return "-"
	}
	return ""
}

// labelKind sorts labels into keys, list dashes and text, to tell which line
// above a misplaced line is likely its sibling.
func labelKind(label string) int {
	switch label {
	case "":
		return 0
	case "-":
		return 1
	}
	return 2
}

// like names a level in a hint: "like `namn:` on line 7", or "like the
// text on line 7".
func like(lv *level) string {
	if lv.label == "" {
		return fmt.Sprintf("like the text on line %d", lv.line)
	}
	return fmt.Sprintf("like %s on line %d", backtick(lv.label), lv.line)
}

func spaces(n int) string {
	if n == 1 {
		return "1 space"
	}
	return fmt.Sprintf("%d spaces", n)
}

// backtick quotes s as code in a message.
func backtick(s string) string { return "`" + s + "`" }

// firstNonSpace returns the 1-based column of the first character of line
// that is not a space, or 1.
func firstNonSpace(line []byte) int {
	i := len(line) - len(bytes.TrimLeft(line, " "))
	if i == len(line) {
		return 1
	}
	return colAt(line, i)
}

// colAt converts a byte offset in line into a 1-based column in
// characters; a byte that is not UTF-8 counts as one.
func colAt(line []byte, off int) int {
	col := 1
	for i := 0; i < off && i < len(line); {
		_, n := utf8.DecodeRune(line[i:])
		i += n
		col++
	}
	return col
}

// source is a file's bytes split into lines the way yaml.v3 counts them,
// so that line numbers agree with the parser's: \n, \r\n, a lone \r, NEL,
// and the Unicode line and paragraph separators each end a line.
type source struct {
	data   []byte
	starts []int // offset of each line; starts[0] is 0
	ends   []int // offset of each line's break (or of the end of data)
}

func newSource(data []byte) *source {
	s := &source{data: data, starts: []int{0}}
	for i := 0; i < len(data); {
		n := breakLen(data[i:])
		if n == 0 {
			i++
			continue
		}
		s.ends = append(s.ends, i)
		i += n
		s.starts = append(s.starts, i)
	}
	s.ends = append(s.ends, len(data))
	if len(s.starts) > 1 && s.starts[len(s.starts)-1] == len(data) {
		// A final line break ends the last line; it does not start one.
		s.starts, s.ends = s.starts[:len(s.starts)-1], s.ends[:len(s.ends)-1]
	}
	return s
}

// breakLen returns the length of the line break at the start of b, or 0.
func breakLen(b []byte) int {
	switch {
	case len(b) >= 2 && b[0] == '\r' && b[1] == '\n':
		return 2
	case b[0] == '\n' || b[0] == '\r':
		return 1
	case len(b) >= 2 && b[0] == 0xC2 && b[1] == 0x85: // NEL
		return 2
	case len(b) >= 3 && b[0] == 0xE2 && b[1] == 0x80 && (b[2] == 0xA8 || b[2] == 0xA9): // LS, PS
		return 3
	}
	return 0
}

// count is the number of lines.
func (s *source) count() int { return len(s.starts) }

// line returns line n (1-based) without its break, or nil.
func (s *source) line(n int) []byte {
	if n < 1 || n > len(s.starts) {
		return nil
	}
	return s.data[s.starts[n-1]:s.ends[n-1]]
}

// end returns the offset just past line n and its break: the file cut
// after line n is data[:end(n)].
func (s *source) end(n int) int {
	if n >= len(s.starts) {
		return len(s.data)
	}
	return s.starts[n]
}

// pos returns the 1-based line and column of the byte at off.
func (s *source) pos(off int) (line, col int) {
	// The first line that starts after off, less one.
	line = sort.Search(len(s.starts), func(i int) bool { return s.starts[i] > off })
	return line, colAt(s.line(line), off-s.starts[line-1])
}
