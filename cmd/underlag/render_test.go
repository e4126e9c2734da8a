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
	code, _, errOut := execute(t, "render", filepath.Join(composeFixtures, "uppdragsdirektiv.yaml"), "--format", "pdf", "-o", dst)
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
		want string
	}{
		{"bad format", []string{"render", filepath.Join(composeFixtures, "tjansteskrivelse.yaml"), "--format", "html"}, "valid formats are md, pdf and docx"},
		{"registry", []string{"render", filepath.Join(composeFixtures, "organisation.yaml")}, "registry, not a document"},
		{"missing file", []string{"render", filepath.Join(composeFixtures, "finns-inte.yaml")}, "finns-inte.yaml"},
		{"no file", []string{"render"}, "accepts 1 arg"},
		{"broken templates", []string{"render", filepath.Join(composeFixtures, "tjansteskrivelse.yaml"), "--templates", "testdata/broken-templates"}, "tjansteskrivelse.md.tmpl:2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			code, _, errOut := execute(t, tc.args...)
			assert.Equal(t, 1, code)
			assert.Contains(t, errOut, tc.want)
		})
	}
}

func TestRenderDOCX(t *testing.T) {
	t.Parallel()
	dst := filepath.Join(t.TempDir(), "skrivelse.docx")
	code, _, errOut := execute(t, "render", filepath.Join(composeFixtures, "tjansteskrivelse.yaml"), "--format", "docx", "-o", dst)
	require.Equal(t, 0, code, errOut)
	b, err := os.ReadFile(dst)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "PK"), "a DOCX is a zip file")
}
