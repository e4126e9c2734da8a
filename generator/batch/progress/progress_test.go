package progress

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/underlag/underlag/generator/batch"
)

func results() []*batch.Result {
	return []*batch.Result{
		{Source: "data/a.yaml", Status: batch.Built, Outputs: []batch.Output{{Path: "out/a.pdf"}, {Path: "out/a.docx"}}},
		{Source: "data/b.yaml", Status: batch.Skipped},
		{Source: "data/c.yaml", Status: batch.Failed},
	}
}

func TestChoose(t *testing.T) {
	t.Parallel()
	assert.Equal(t, Quiet, Choose(true, true))
	assert.Equal(t, Bar, Choose(false, true))
	assert.Equal(t, Lines, Choose(false, false))
}

func TestModes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		mode Mode
		want string
	}{
		{Quiet, ""},
		{Lines, "building 3 documents\nbuilt data/a.yaml → out/a.pdf, out/a.docx\nfailed data/c.yaml\n"},
		{Bar, "\r[==========                    ] 1/3  built 1  skipped 0  failed 0" +
			"\r[==============================] 3/3  built 1  skipped 1  failed 1\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		r := New(&b, tt.mode)
		clock := time.Unix(0, 0)
		r.now = func() time.Time { return clock }
		r.last = clock.Add(-time.Second)
		r.Start(3)
		for _, res := range results() {
			r.Done(res)
		}
		r.Finish()
		assert.Equal(t, tt.want, b.String(), "mode %d", tt.mode)
	}
}

func TestSummary(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	Summary(&b, &batch.Summary{Built: 2, Skipped: 3, Failed: 1, Duration: 1234567 * time.Microsecond})
	assert.Equal(t, "built 2, skipped 3, failed 1 in 1.235s\n", b.String())
	assert.False(t, strings.Contains(b.String(), "\r"))
}
