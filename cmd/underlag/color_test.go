package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestColor(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"data/a.yaml:3:8: error: nämnd: committee \"KSS\" …\n", "data/a.yaml:3:8: " + red + "error" + reset + ": nämnd: committee \"KSS\" …\n"},
		{"data/a.yaml:4:23: warning: x [placeholder]\n", "data/a.yaml:4:23: " + yellow + "warning" + reset + ": x [placeholder]\n"},
		{"data/a.yaml: info: y\n", "data/a.yaml: " + cyan + "info" + reset + ": y\n"},
		{"hint: put a space after the colon\n", cyan + "hint" + reset + ": put a space after the colon\n"},
		{"      |        ^\n", "      |        " + green + "^" + reset + "\n"},
		{"    6 | nämnd: error: text\n", "    6 | nämnd: error: text\n"}, // a source line is never coloured
		{"\r[=====     ] 3/6", "\r[=====     ] 3/6"},                     // the bar goes through at once
		{"built 3, skipped 0, failed 0\n", "built 3, skipped 0, failed 0\n"},
	} {
		var b bytes.Buffer
		n, err := colorWriter{&b}.Write([]byte(tc.in))
		assert.NoError(t, err)
		assert.Equal(t, len(tc.in), n)
		assert.Equal(t, tc.want, b.String(), tc.in)
	}
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	assert.True(t, useColor(true, env(nil)))
	assert.False(t, useColor(false, env(nil)), "not in a pipe or CI")
	assert.False(t, useColor(true, env(map[string]string{"NO_COLOR": "1"})), "NO_COLOR")
	assert.False(t, useColor(true, env(map[string]string{"TERM": "dumb"})))
}
