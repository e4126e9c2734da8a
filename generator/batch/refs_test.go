package batch

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A document that refers to another (beslutsunderlag[].dokument) depends
// on it: changing the target rebuilds the referrer, and nothing else.
func TestReferenceIsADependency(t *testing.T) {
	t.Parallel()
	const referrer = "typ: tjänsteskrivelse\nversion: 1\ntitel: Uppföljning\ndatum: 2025-06-01\ndiarienummer: HSN 2-2025\nnämnd: HSN\nsammanfattning: Text.\nförslag_till_beslut: Godkänna.\nbeslutsunderlag:\n  - dokument: ../memo.yaml\n"
	data, out := tree(t, map[string]string{
		"organisation.yaml":    org,
		"memo.yaml":            memo2,
		"other.yaml":           strings.Replace(memo2, "HSN 1-2025", "HSN 3-2025", 1),
		"sub/uppfoljning.yaml": referrer,
	})
	p := newFake(t)
	opt := Options{Paths: []string{data}, Out: out, Jobs: 2}
	s, c := run(t, p, opt)
	assert.True(t, s.OK(), "%v", c.diagnostics())

	touch(t, filepath.Join(data, "memo.yaml"))
	_, c = run(t, p, opt)
	assert.Equal(t, map[string]Status{"memo.yaml": Built, "other.yaml": Skipped, "uppfoljning.yaml": Built}, c.statuses())

	touch(t, filepath.Join(data, "other.yaml"))
	_, c = run(t, p, opt)
	assert.Equal(t, map[string]Status{"memo.yaml": Skipped, "other.yaml": Built, "uppfoljning.yaml": Skipped}, c.statuses())
}
