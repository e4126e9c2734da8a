package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/internal/imagefixture"
)

// A build of 50 documents, one of which shows the 69-byte PNG bomb (on
// main: "fatal error: out of memory", exit 2, every document lost), writes
// the 49 others and exits 1, with the bomb's document reported at its
// image (issue 23, finding 3).
func TestBuildSurvivesPNGBomb(t *testing.T) {
	t.Parallel()
	const docs = 50
	data, out := synthTree(t, docs-1)
	org, err := os.ReadFile(filepath.Join(data, "organisation.yaml"))
	require.NoError(t, err)
	committee := regexp.MustCompile(`förkortning: "?([^"\n]+)`).FindSubmatch(org)
	require.NotNil(t, committee)
	bomb := imagefixture.PNGBomb(50000, 50000)
	require.Less(t, len(bomb), 70, "a file of a few dozen bytes")
	require.NoError(t, os.WriteFile(filepath.Join(data, "bomb.png"), bomb, 0o644))
	memo := "typ: tjänsteskrivelse\nversion: 1\ntitel: Bomben\ndatum: 2025-01-10\ndiarienummer: X 1-2025\nnämnd: " + string(committee[1]) +
		"\nsammanfattning: \"![Karta](bomb.png)\"\nförslag_till_beslut: Godkänna.\n"
	require.NoError(t, os.WriteFile(filepath.Join(data, "bomb.yaml"), []byte(memo), 0o644))

	code, _, errOut := execute(t, "build", data, "--out", out, "--to", buildFormats)
	assert.Equal(t, 1, code, errOut)
	assert.Contains(t, errOut, "built 49, skipped 0, failed 1")
	assert.Contains(t, errOut, "bomb.yaml:7:18: error: sammanfattning: the image bomb.png is 50000 × 50000 pixels")
	assert.Len(t, withoutPackets(outputs(t, out)), (docs-1)*len(strings.Split(buildFormats, ",")))
}
