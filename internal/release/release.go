// Package release makes underlag's release: for each target system an
// archive holding the binary and the README (a zip for Windows, which opens
// it without other programs; a tar.gz elsewhere), a CycloneDX SBOM of the
// modules linked into each binary, and SHA-256 sums of them all.
//
// GoReleaser would do the same, but its module needs 381 others and minutes
// of compiling, and its SBOMs come from syft, another program to install;
// this package needs the Go toolchain, the standard library and
// CycloneDX's own Go library (cyclonedx-go) for the SBOM's types, and works
// offline once the modules are in the cache.
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
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	cdx "github.com/CycloneDX/cyclonedx-go"
)

// Target is a system to build for, as GOOS and GOARCH.
type Target struct{ OS, Arch string }

func (t Target) String() string { return t.OS + "/" + t.Arch }

// ParseTarget reads "os/arch".
func ParseTarget(s string) (Target, error) {
	os, arch, ok := strings.Cut(s, "/")
	if !ok || os == "" || arch == "" {
		return Target{}, fmt.Errorf("target %q: want os/arch, such as windows/amd64", s)
	}
	return Target{os, arch}, nil
}

// Targets are the systems officials and IT staff use.
var Targets = []Target{
	{"windows", "amd64"}, {"windows", "arm64"},
	{"darwin", "arm64"}, {"darwin", "amd64"},
	{"linux", "amd64"}, {"linux", "arm64"},
}

// Config says what to release.
type Config struct {
	Version string   // such as v0.1.0; the archives' names drop the v
	Dir     string   // the module's root
	Out     string   // directory for the archives, sums and SBOMs
	Targets []Target // default Targets
	Extra   []string // files beside the binary in each archive, relative to Dir
	Go      string   // the go command; default "go"
	// Time stamps the files in the archives and the SBOMs, so that the
	// same commit makes the same archives (SOURCE_DATE_EPOCH).
	Time time.Time
}

// SumsFile is the name of the SHA-256 sums, in sha256sum's format.
const SumsFile = "SHA256SUMS"

// versionTag is a version a release may carry: a semantic version tag,
// as go install MODULE@VERSION and the example workflows' pin take it,
// with a pre-release suffix allowed (v0.2.0-rc.1).
var versionTag = regexp.MustCompile(`^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$`)

// describeSuffix is what git describe adds after a tag for a later commit.
var describeSuffix = regexp.MustCompile(`-[0-9]+-g[0-9a-f]+$`)

// Run builds every target and writes its archive and SBOM into cfg.Out,
// then the sums of them all. It returns the names written, sums last.
// The version must be a tag's (git describe on an untagged or changed
// tree gives a commit, which no workflow can pin).
func Run(ctx context.Context, cfg Config) ([]string, error) {
	if !versionTag.MatchString(cfg.Version) || strings.HasSuffix(cfg.Version, "-dirty") || describeSuffix.MatchString(cfg.Version) {
		return nil, fmt.Errorf("version %q is not a release tag such as v0.1.0: tag a clean commit of main first (git tag -a v0.1.0 -m \"underlag v0.1.0\"), then make release", cfg.Version)
	}
	if cfg.Go == "" {
		cfg.Go = "go"
	}
	if len(cfg.Targets) == 0 {
		cfg.Targets = Targets
	}
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return nil, err
	}
	work, err := os.MkdirTemp("", "underlag-release-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	var names []string
	for _, t := range cfg.Targets {
		n, err := one(ctx, cfg, t, work)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t, err)
		}
		names = append(names, n...)
	}
	if err := writeSums(cfg.Out, names); err != nil {
		return nil, err
	}
	return append(names, SumsFile), nil
}

// ArchiveName is the archive's base name for a target, without extension:
// underlag_0.1.0_windows_amd64.
func ArchiveName(version string, t Target) string {
	return fmt.Sprintf("underlag_%s_%s_%s", strings.TrimPrefix(version, "v"), t.OS, t.Arch)
}

func one(ctx context.Context, cfg Config, t Target, work string) ([]string, error) {
	exe := "underlag"
	if t.OS == "windows" {
		exe += ".exe"
	}
	bin := filepath.Join(work, t.OS+"_"+t.Arch, exe)
	cmd := exec.CommandContext(ctx, cfg.Go, "build", "-trimpath",
		"-ldflags", "-s -w -X main.buildVersion="+cfg.Version, "-o", bin, "./cmd/underlag")
	cmd.Dir = cfg.Dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+t.OS, "GOARCH="+t.Arch)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build: %w\n%s", err, out)
	}
	files := []file{{exe, bin, 0o755}}
	for _, e := range cfg.Extra {
		files = append(files, file{filepath.Base(e), filepath.Join(cfg.Dir, e), 0o644})
	}
	base := ArchiveName(cfg.Version, t)
	archive := base + ".tar.gz"
	write := writeTarGz
	if t.OS == "windows" {
		archive, write = base+".zip", writeZip
	}
	if err := write(filepath.Join(cfg.Out, archive), files, cfg.Time); err != nil {
		return nil, err
	}
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		return nil, err
	}
	sbom := base + ".cdx.json"
	if err := writeSBOM(filepath.Join(cfg.Out, sbom), info, cfg.Version, t, cfg.Time); err != nil {
		return nil, err
	}
	return []string{archive, sbom}, nil
}

// file is a file to put in an archive: its name there, its path here and
// its mode.
type file struct {
	name, path string
	mode       os.FileMode
}

func writeZip(path string, files []file, mtime time.Time) error {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		data, err := os.ReadFile(f.path)
		if err != nil {
			return err
		}
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: mtime}
		h.SetMode(f.mode)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func writeTarGz(path string, files []file, mtime time.Time) error {
	var buf bytes.Buffer
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	for _, f := range files {
		data, err := os.ReadFile(f.path)
		if err != nil {
			return err
		}
		h := &tar.Header{Name: f.name, Mode: int64(f.mode), Size: int64(len(data)), ModTime: mtime, Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	if err := gz.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// writeSBOM writes a CycloneDX 1.6 JSON SBOM of the binary: the main
// module as the application, each linked module as a library with its
// package URL and the go.sum hash Go recorded for it.
func writeSBOM(path string, info *buildinfo.BuildInfo, version string, t Target, when time.Time) error {
	bom := cdx.NewBOM()
	mainRef := purl(info.Main.Path, version)
	bom.Metadata = &cdx.Metadata{
		Timestamp: when.UTC().Format(time.RFC3339),
		Component: &cdx.Component{
			BOMRef: mainRef, Type: cdx.ComponentTypeApplication, Name: "underlag", Version: version,
			PackageURL: mainRef,
			Properties: &[]cdx.Property{
				{Name: "go:version", Value: info.GoVersion},
				{Name: "go:target", Value: t.String()},
			},
		},
	}
	var comps []cdx.Component
	var refs []string
	for _, m := range info.Deps {
		if m.Replace != nil {
			m = m.Replace
		}
		c := cdx.Component{Type: cdx.ComponentTypeLibrary, Name: m.Path, Version: m.Version, PackageURL: purl(m.Path, m.Version)}
		c.BOMRef = c.PackageURL
		// go.sum's h1: hash is not a digest of one file, which CycloneDX's
		// hashes are, so it goes in as a property under its own name.
		if m.Sum != "" {
			c.Properties = &[]cdx.Property{{Name: "go:sum", Value: m.Sum}}
		}
		comps = append(comps, c)
		refs = append(refs, c.BOMRef)
	}
	sort.Slice(comps, func(i, j int) bool { return comps[i].Name < comps[j].Name })
	sort.Strings(refs)
	bom.Components = &comps
	bom.Dependencies = &[]cdx.Dependency{{Ref: mainRef, Dependencies: &refs}}
	var buf bytes.Buffer
	enc := cdx.NewBOMEncoder(&buf, cdx.BOMFileFormatJSON)
	enc.SetPretty(true)
	if err := enc.EncodeVersion(bom, cdx.SpecVersion1_6); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// purl is a Go module's package URL, pkg:golang/path@version.
func purl(path, version string) string {
	return "pkg:golang/" + path + "@" + version
}

// writeSums writes SHA256SUMS for the files in dir, in sha256sum's format,
// so that `sha256sum -c SHA256SUMS` checks them.
func writeSums(dir string, names []string) error {
	var b strings.Builder
	for _, n := range names {
		f, err := os.Open(filepath.Join(dir, n))
		if err != nil {
			return err
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(h.Sum(nil)), n)
	}
	return os.WriteFile(filepath.Join(dir, SumsFile), []byte(b.String()), 0o644)
}
