//go:build unix

package load_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/load"
)

// Every file a document refers to must be a regular file inside its data
// tree (or a root given with WithRoots), read with a bounded reader: a
// device, a FIFO or a path out of the tree is a positioned error, at once,
// and never quotes what the file holds.
func TestLogoReferences(t *testing.T) {
	t.Parallel()
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.png")
	require.NoError(t, os.WriteFile(secret, []byte("API_TOKEN=sk-live-0123456789"), 0o644))
	logo := filepath.Join(outside, "logo.png")
	require.NoError(t, os.WriteFile(logo, pngOf(t, 4, 4), 0o644))

	for _, tc := range []struct {
		name  string
		logo  string
		setup func(dir string)
		roots []string
		want  string
	}{
		{"dev zero", "/dev/zero", nil, nil, "/dev/zero is outside the data tree"},
		{"dev urandom", "/dev/urandom", nil, nil, "/dev/urandom is outside the data tree"},
		{"a device inside a root", "/dev/zero", nil, []string{"/dev"}, "/dev/zero is not a regular file"},
		{"fifo", "logo.png", func(dir string) {
			require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "logo.png"), 0o644))
		}, nil, "logo.png is not a regular file"},
		{"absolute outside", secret, nil, nil, "is outside the data tree"},
		{"dot dot", "../../../../../../../../" + secret, nil, nil, "is outside the data tree"},
		{"symlink out", "logo.png", func(dir string) {
			require.NoError(t, os.Symlink(secret, filepath.Join(dir, "logo.png")))
		}, nil, "logo.png is outside the data tree"},
		{"directory", "bilder", func(dir string) {
			require.NoError(t, os.Mkdir(filepath.Join(dir, "bilder"), 0o755))
		}, nil, "bilder is a directory"},
		{"missing", "saknas.png", nil, nil, "saknas.png does not exist"},
		{"widened root", logo, nil, []string{outside}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if tc.setup != nil {
				tc.setup(dir)
			}
			require.NoError(t, os.WriteFile(filepath.Join(dir, "organisation.yaml"),
				[]byte("typ: organisation\nversion: 1\nnamn: R\nnämnder: [{förkortning: KS, namn: Kommunstyrelsen}]\nlogotyp: "+tc.logo+"\n"), 0o644))
			memo := filepath.Join(dir, "memo.yaml")
			require.NoError(t, os.WriteFile(memo, []byte("typ: tjänsteskrivelse\nversion: 1\nnämnd: KS\nsammanfattning: S.\nförslag_till_beslut: F.\n"), 0o644))
			in, diags := load.New(kind.Default(), load.WithRoots(tc.roots...)).Document(memo)
			assert.NotContains(t, diags.Error(), "sk-live")
			if tc.want == "" {
				require.Empty(t, diags)
				require.NotNil(t, in.Logo)
				assert.Contains(t, in.Deps, logo)
				return
			}
			require.Len(t, diags, 1, diags.Error())
			d := diags[0]
			assert.Equal(t, "logotyp", d.Path)
			assert.Equal(t, filepath.Join(dir, "organisation.yaml"), d.File)
			assert.Equal(t, 5, d.Line)
			assert.Contains(t, d.Msg, tc.want)
			assert.Nil(t, in.Logo)
		})
	}
}

// A decision basis may name a file (an attachment): it must exist in the
// data tree too, and is a dependency of the document.
func TestBasisFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "bilagor"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bilagor", "avtal.pdf"), []byte("%PDF-1.7\n"), 0o644))
	memo := filepath.Join(dir, "memo.yaml")
	write := func(fil string) {
		require.NoError(t, os.WriteFile(memo, []byte("typ: tjänsteskrivelse\nversion: 1\nnämnd: KS\nsammanfattning: S.\nförslag_till_beslut: F.\nbeslutsunderlag:\n  - titel: Avtal\n    fil: "+fil+"\n"), 0o644))
	}
	write("bilagor/avtal.pdf")
	in, diags := load.New(kind.Default()).Document(memo)
	require.Empty(t, diags)
	assert.Contains(t, in.Deps, filepath.Join(dir, "bilagor", "avtal.pdf"))

	for fil, want := range map[string]string{
		"bilagor/rapport.pdf": "memo.yaml:8:10: beslutsunderlag[0].fil: bilagor/rapport.pdf does not exist",
		"/etc/passwd":         "memo.yaml:8:10: beslutsunderlag[0].fil: /etc/passwd is outside the data tree",
	} {
		write(fil)
		_, diags := load.New(kind.Default()).Document(memo)
		require.Len(t, diags, 1, fil)
		assert.Contains(t, diags[0].Error(), want)
	}
}
