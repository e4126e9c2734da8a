package main

import (
	"bytes"
	"io"
	"regexp"
	"sync"
)

// Colour on a terminal: the severity of each problem, the hint and the
// caret stand out, as in rustc and Typst. Never in a pipe, a file or CI
// (isTerminal), and never when NO_COLOR is set (https://no-color.org) or
// the terminal is "dumb". No library: the terminal test is isCharDevice's,
// and the codes are the eight ANSI colours every terminal (Windows 10's
// console too) understands.

const (
	reset  = "\x1b[0m"
	red    = "\x1b[1;31m"
	yellow = "\x1b[1;33m"
	cyan   = "\x1b[1;36m"
	green  = "\x1b[1;32m"
)

// useColor decides whether standard error gets colour.
func useColor(terminal bool, getenv func(string) string) bool {
	return terminal && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

var (
	severity = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\S.*?:\d+:\d+: |\S.*?: |)(error|warning|info)(: )`)
	})
	hintLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(hint)(: )`) })
	caret    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\s+\| *)(\^)$`) })
)

// colorLine colours one line of output (without its line break).
func colorLine(line []byte) []byte {
	if m := severity().FindSubmatchIndex(line); m != nil {
		c := map[string]string{"error": red, "warning": yellow, "info": cyan}[string(line[m[4]:m[5]])]
		return join(line[:m[4]], c, line[m[4]:m[5]], line[m[5]:])
	}
	if m := hintLine().FindSubmatchIndex(line); m != nil {
		return join(nil, cyan, line[m[2]:m[3]], line[m[3]:])
	}
	if m := caret().FindSubmatchIndex(line); m != nil {
		return join(line[:m[4]], green, line[m[4]:m[5]], line[m[5]:])
	}
	return line
}

func join(before []byte, color string, word, after []byte) []byte {
	out := append([]byte{}, before...)
	out = append(out, color...)
	out = append(out, word...)
	out = append(out, reset...)
	return append(out, after...)
}

// colorWriter colours each whole line written through it. A write
// without a line break (the progress bar, a prompt) goes through as it
// is, at once.
type colorWriter struct{ w io.Writer }

func (c colorWriter) Write(p []byte) (int, error) {
	var out []byte
	rest := p
	for {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			out = append(out, rest...)
			break
		}
		out = append(out, colorLine(rest[:i])...)
		out = append(out, '\n')
		rest = rest[i+1:]
	}
	if _, err := c.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}
