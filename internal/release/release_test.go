package release

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"debug/buildinfo"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The release recipe makes, offline, an archive per system (a zip for
// Windows holding underlag.exe and the README, nothing else), a CycloneDX
// SBOM per binary and sums that sha256sum -c accepts.
func TestRelease(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-compiles underlag three times")
	}
	t.Setenv("GOPROXY", "off") // offline: the modules come from the cache
	const version = "v0.1.0-test"
	targets := []Target{{"windows", "amd64"}, {"darwin", "arm64"}, {runtime.GOOS, runtime.GOARCH}}
	out := t.TempDir()
	stamp := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	names, err := Run(context.Background(), Config{Version: version, Dir: filepath.Join("..", ".."), Out: out,
		Targets: targets, Extra: []string{"README.md"}, Time: stamp})
	require.NoError(t, err)
	require.Len(t, names, 2*len(targets)+1, "an archive and an SBOM per target, then the sums")
	assert.Equal(t, SumsFile, names[len(names)-1])

	for _, tg := range targets {
		base := ArchiveName(version, tg)
		assert.NotContains(t, base, "v0.1.0", "archive names drop the v")
		var entries map[string][]byte
		if tg.OS == "windows" {
			entries = readZip(t, filepath.Join(out, base+".zip"))
			require.Contains(t, entries, "underlag.exe")
			assert.Equal(t, "MZ", string(entries["underlag.exe"][:2]), "a Windows executable")
		} else {
			entries = readTarGz(t, filepath.Join(out, base+".tar.gz"))
			require.Contains(t, entries, "underlag")
		}
		assert.Len(t, entries, 2, "the binary and the README, nothing else")
		assert.Contains(t, entries, "README.md")
		for name, data := range entries {
			if strings.HasPrefix(name, "underlag") {
				info, err := buildinfo.Read(bytes.NewReader(data))
				require.NoError(t, err, "%s: %s", tg, name)
				// -trimpath keeps -ldflags out of the build info; the
				// version is in the binary's data.
				assert.True(t, bytes.Contains(data, []byte(version)), "%s: the version is stamped", tg)
				assert.Equal(t, tg.OS, setting(info, "GOOS"))
				assert.Equal(t, "0", setting(info, "CGO_ENABLED"), "%s: no C library needed", tg)
			}
		}
		checkSBOM(t, filepath.Join(out, base+".cdx.json"), version, tg)
	}

	// The sums: every other file once, each right.
	sums, err := os.ReadFile(filepath.Join(out, SumsFile))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(sums)), "\n")
	require.Len(t, lines, len(names)-1)
	for _, l := range lines {
		sum, name, ok := strings.Cut(l, "  ")
		require.True(t, ok, l)
		data, err := os.ReadFile(filepath.Join(out, name))
		require.NoError(t, err)
		h := sha256.Sum256(data)
		assert.Equal(t, hex.EncodeToString(h[:]), sum, name)
	}
	if _, err := exec.LookPath("sha256sum"); err == nil {
		cmd := exec.Command("sha256sum", "-c", SumsFile)
		cmd.Dir = out
		b, err := cmd.CombinedOutput()
		assert.NoError(t, err, "%s", b)
	}

	// The binary for this machine runs and says its version.
	bin := filepath.Join(t.TempDir(), "underlag")
	entries := readTarGz(t, filepath.Join(out, ArchiveName(version, Target{runtime.GOOS, runtime.GOARCH})+".tar.gz"))
	require.NoError(t, os.WriteFile(bin, entries["underlag"], 0o755))
	b, err := exec.Command(bin, "version").Output()
	require.NoError(t, err)
	assert.Contains(t, string(b), "underlag "+version)
}

// A release carries a tag's version, never a commit's: git describe on an
// untagged or changed tree gives one, which no workflow can pin. Each is
// refused before anything is built.
func TestReleaseVersion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version string
		ok      bool
	}{
		{"v0.1.0", true}, {"v1.12.3", true}, {"v0.2.0-rc.1", true},
		{"", false}, {"dev", false}, {"0.1.0", false}, {"v0.1", false}, {"v01.1.0", false},
		{"1cf8df2", false}, {"v0.1.0-3-g1cf8df2-dirty", false}, {"v0.1.0-3-g1cf8df2", false}, {"1cf8df2-dirty", false},
	} {
		out := t.TempDir()
		_, err := Run(context.Background(), Config{Version: tc.version, Dir: filepath.Join("..", ".."), Out: out,
			Targets: []Target{{"plan9", "nosuch"}}, Go: "false"})
		if tc.ok {
			// Past the check, the build (a go that fails) fails instead.
			assert.ErrorContains(t, err, "plan9/nosuch", tc.version)
		} else {
			assert.ErrorContains(t, err, "is not a release tag", tc.version)
		}
	}
}

func TestParseTarget(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Target
		err  bool
	}{
		{"windows/amd64", Target{"windows", "amd64"}, false},
		{"linux", Target{}, true},
		{"/amd64", Target{}, true},
	} {
		got, err := ParseTarget(tc.in)
		if tc.err {
			assert.Error(t, err, tc.in)
			continue
		}
		assert.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got)
	}
}

func setting(info *buildinfo.BuildInfo, key string) string {
	for _, s := range info.Settings {
		if s.Key == key {
			return s.Value
		}
	}
	return ""
}

// checkSBOM reads a CycloneDX SBOM and checks that it names underlag at the
// version and a module the binary is known to link, at go.mod's version.
func checkSBOM(t *testing.T, path, version string, tg Target) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var bom struct {
		BOMFormat   string `json:"bomFormat"`
		SpecVersion string `json:"specVersion"`
		Metadata    struct {
			Component struct{ Name, Version string } `json:"component"`
		} `json:"metadata"`
		Components []struct {
			Name, Version, Purl string
		} `json:"components"`
	}
	require.NoError(t, json.Unmarshal(data, &bom), path)
	assert.Equal(t, "CycloneDX", bom.BOMFormat)
	assert.Equal(t, "1.6", bom.SpecVersion)
	assert.Equal(t, "underlag", bom.Metadata.Component.Name)
	assert.Equal(t, version, bom.Metadata.Component.Version)
	// The SBOM lists the modules the binary links, at go.mod's versions:
	// godocx writes the DOCX. fpdf is no longer linked (the fonts are cut
	// by pdf/sfnt.Cut; fpdf's cutter is the tests' oracle), so it is not
	// listed.
	const linked = "github.com/gomutex/godocx"
	want, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", linked).Output()
	require.NoError(t, err)
	found := false
	for _, c := range bom.Components {
		switch c.Name {
		case linked:
			found = true
			assert.Equal(t, strings.TrimSpace(string(want)), c.Version, "%s: go.mod's version", tg)
			assert.Equal(t, "pkg:golang/"+linked+"@"+c.Version, c.Purl)
		case "github.com/go-pdf/fpdf":
			t.Errorf("%s: the SBOM lists fpdf, which only the tests use", tg)
		}
	}
	assert.True(t, found, "%s: the SBOM lists %s", tg, linked)
}

func readZip(t *testing.T, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	require.NoError(t, err)
	defer zr.Close()
	m := map[string][]byte{}
	for _, f := range zr.File {
		r, err := f.Open()
		require.NoError(t, err)
		m[f.Name], err = io.ReadAll(r)
		require.NoError(t, err)
		r.Close()
	}
	return m
}

func readTarGz(t *testing.T, path string) map[string][]byte {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	gz, err := gzip.NewReader(f)
	require.NoError(t, err)
	tr := tar.NewReader(gz)
	m := map[string][]byte{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return m
		}
		require.NoError(t, err)
		m[h.Name], err = io.ReadAll(tr)
		require.NoError(t, err)
	}
}
