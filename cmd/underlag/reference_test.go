package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The organisation names its reference document in organisation.yaml
// (referensdokument:), inside its data tree; --reference-docx overrides
// it; a reference outside the tree, or not a .docx, is refused at its line.
func TestReferenceFromProfile(t *testing.T) {
	t.Parallel()
	profile := func(t *testing.T, ref string) string {
		dir := t.TempDir()
		org := "typ: organisation\nversion: 1\nnamn: Exempelby kommun\nnämnder:\n  - förkortning: KS\n    namn: Kommunstyrelsen\n"
		if ref != "" {
			org += "referensdokument: " + ref + "\n"
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, "organisation.yaml"), []byte(org), 0o644))
		require.NoError(t, os.MkdirAll(filepath.Join(dir, "mallar"), 0o755))
		code, _, errOut := execute(t, "reference-docx", "-o", filepath.Join(dir, "mallar", "referens.docx"))
		require.Equal(t, 0, code, errOut)
		return dir
	}
	for _, tc := range []struct {
		name, ref, flag string
		want            string // the path's end, or the error's words
		fails           bool
	}{
		{"named in the profile", "mallar/referens.docx", "", filepath.Join("mallar", "referens.docx"), false},
		{"none named", "", "", "", false},
		{"the flag wins", "mallar/referens.docx", "annan.docx", "annan.docx", false},
		{"outside the data tree", "../referens.docx", "", "organisation.yaml:7:", true},
		{"not a Word file", "mallar/referens.dotx", "", "is not a Word document (.docx)", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := profile(t, tc.ref)
			got, err := referenceFor(tc.flag, []string{dir}, nil)
			if tc.fails {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.want)
				return
			}
			require.NoError(t, err)
			if tc.want == "" {
				assert.Empty(t, got)
			} else {
				assert.True(t, strings.HasSuffix(got, tc.want), got)
			}
		})
	}
	// Two organisations with different reference documents in one build.
	a, b := profile(t, "mallar/referens.docx"), profile(t, "mallar/referens.docx")
	_, err := referenceFor("", []string{a, b}, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "name different reference documents")
}
