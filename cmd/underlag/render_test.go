package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const composeFixtures = "../../generator/compose/testdata"

func TestRenderMarkdown(t *testing.T) {
	t.Parallel()
	code, out, errOut := execute(t, "render", filepath.Join(composeFixtures, "tjansteskrivelse.yaml"))
	require.Equal(t, 0, code, errOut)
	assert.True(t, strings.HasPrefix(out, "# Utveckling av samspelet mellan specialistvård och primärvård. RF-uppdrag 2024\n"), out)
	assert.Contains(t, out, "## Beslutet expedieras till\n\nElisabeth O Karlsson, HSD\n")
	assert.Contains(t, errOut, "warning: ", "warnings from the checks are printed")
}

func TestRenderToFile(t *testing.T) {
	t.Parallel()
	dst := filepath.Join(t.TempDir(), "status.md")
	code, out, errOut := execute(t, "render", filepath.Join(composeFixtures, "statusrapport.yaml"), "-o", dst)
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, out)
	b, err := os.ReadFile(dst)
	require.NoError(t, err)
	assert.Contains(t, string(b), "**Försenad**")
}

func TestRenderPDF(t *testing.T) {
	t.Parallel()
	dst := filepath.Join(t.TempDir(), "direktiv.pdf")
	code, _, errOut := execute(t, "render", filepath.Join(composeFixtures, "uppdragsdirektiv.yaml"), "--to", "pdf", "-o", dst)
	require.Equal(t, 0, code, errOut)
	b, err := os.ReadFile(dst)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "%PDF-"))
}

func TestRenderErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"bad format", []string{"render", filepath.Join(composeFixtures, "tjansteskrivelse.yaml"), "--to", "fax"}, 2, "valid formats are pdf, docx, md, html"},
		{"format against extension", []string{"render", filepath.Join(composeFixtures, "tjansteskrivelse.yaml"), "-o", "x.pdf", "--to", "docx"}, 2, "--to docx disagrees with the output file x.pdf, whose extension says pdf"},
		{"unknown extension", []string{"render", filepath.Join(composeFixtures, "tjansteskrivelse.yaml"), "-o", "x.fax"}, 2, "cannot tell the format of x.fax"},
		{"unknown flag", []string{"render", filepath.Join(composeFixtures, "tjansteskrivelse.yaml"), "--formt", "pdf"}, 2, "unknown flag: --formt"},
		{"reference-docx with pdf", []string{"render", filepath.Join(composeFixtures, "tjansteskrivelse.yaml"), "-o", "x.pdf", "--reference-docx", "r.docx"}, 2, "--reference-docx applies to DOCX and HTML output only, not pdf"},
		{"registry", []string{"render", filepath.Join(composeFixtures, "organisation.yaml")}, 1, "registry, not a document"},
		{"missing file", []string{"render", filepath.Join(composeFixtures, "finns-inte.yaml")}, 1, "finns-inte.yaml"},
		{"no file", []string{"render"}, 1, "accepts 1 arg"},
		{"directory", []string{"render", filepath.Join(composeFixtures, "tjansteskrivelse.yaml"), "-o", "testdata", "--format", "pdf"}, 2, "-o testdata is a directory: give the path of a file, such as " + filepath.Join("testdata", "tjansteskrivelse.pdf")},
		{"directory with slash", []string{"render", filepath.Join(composeFixtures, "tjansteskrivelse.yaml"), "-o", "testdata/"}, 2, "is a directory"},
		{"broken templates", []string{"render", filepath.Join(composeFixtures, "tjansteskrivelse.yaml"), "--templates", "testdata/broken-templates"}, 1, "tjansteskrivelse.md.tmpl:2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, _, errOut := execute(t, tc.args...)
			assert.Equal(t, tc.code, code)
			assert.Contains(t, errOut, tc.want)
		})
	}
}

// The format is the extension of -o: the table of formats decides, and
// --to only has to agree.
func TestRenderFormatFromExtension(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		file   string
		args   []string
		prefix string
	}{
		{"skrivelse.docx", nil, "PK"},
		{"skrivelse.pdf", nil, "%PDF-"},
		{"skrivelse.md", nil, "# Utveckling"},
		{"SKRIVELSE.DOCX", []string{"--to", "docx"}, "PK"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			dst := filepath.Join(t.TempDir(), tc.file)
			args := append([]string{"render", filepath.Join(composeFixtures, "tjansteskrivelse.yaml"), "-o", dst}, tc.args...)
			code, _, errOut := execute(t, args...)
			require.Equal(t, 0, code, errOut)
			b, err := os.ReadFile(dst)
			require.NoError(t, err)
			assert.True(t, strings.HasPrefix(string(b), tc.prefix), "%s starts %q", tc.file, b[:min(len(b), 8)])
		})
	}
}
