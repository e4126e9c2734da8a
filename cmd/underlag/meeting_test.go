package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// `underlag packet` on a meeting writes the meeting's packet, the same
// bytes `underlag build` writes as <meeting>-handlingar.pdf.
func TestPacketMeeting(t *testing.T) {
	t.Parallel()
	data := copyData(t)
	dir := t.TempDir()
	meeting := filepath.Join(data, "sammantraden", "hsn-2024-12-10.yaml")
	out := filepath.Join(dir, "handlingar.pdf")
	code, _, errOut := execute(t, "packet", meeting, "-o", out)
	require.Equal(t, 0, code, errOut)
	built := filepath.Join(dir, "build")
	code, _, errOut = execute(t, "build", meeting, "--out", built, "--quiet")
	require.Equal(t, 0, code, errOut)
	want, err := os.ReadFile(filepath.Join(built, "hsn-2024-12-10-handlingar.pdf"))
	require.NoError(t, err)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, want, got)
}
