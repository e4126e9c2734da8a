// Command floor does, for a data tree, the least that any build must do to
// write the same outputs as `underlag build` (bench/compare.sh runs it in
// the same run, so that underlag's CPU time per document is reported as a
// ratio to it):
//
//   - read and parse every YAML file (yaml.v3, as underlag's loader does);
//   - for each output underlag writes (the PDF and the DOCX of a document,
//     and a memo's packet, <name>-handling.pdf, when it has data-file
//     attachments), deflate the bytes that differ per document: the
//     document's own source, and for a packet its attachments' too, as
//     the text and the embedded source of the PDF are made from them;
//   - pad each output with bytes that are the same in every file (fonts'
//     unchanging tables, the colour profile: prepared once, only copied),
//     to the size of underlag's output of the same name when -ref names
//     underlag's output directory;
//   - hash each output (SHA-256) into a manifest, as a build records it,
//     and write it as underlag does: to a temporary file renamed into
//     place (not synced).
//
// Nothing is laid out, composed, checked or subset: what it measures is
// the floor under those. It works on all cores, one document at a time
// per worker.
//
//	go run ./bench/floor -ref /tmp/out -out /tmp/floor /tmp/tree/data
package main

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// registries are the files documents read, which have no output.
var registries = []string{"organisation.yaml", "ordlista.yaml", "personer.yaml"}

func main() {
	out := flag.String("out", "", "directory to write the outputs into (required)")
	ref := flag.String("ref", "", "underlag's output directory of the same tree: each output is padded to the size of underlag's")
	formats := flag.String("to", "pdf,docx", "formats written per document")
	jobs := flag.Int("j", runtime.GOMAXPROCS(0), "documents in parallel")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: floor -out DIR [-ref UNDERLAG_OUT] DATA")
		os.Exit(2)
	}
	n, err := run(flag.Arg(0), *out, *ref, strings.Split(*formats, ","), *jobs)
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Printf("floor: %d outputs\n", n)
}

// job is one output: its path under out, and the source files whose bytes
// it deflates.
type job struct {
	rel     string
	sources []string
}

func run(data, out, ref string, formats []string, jobs int) (int, error) {
	var files []string
	err := filepath.WalkDir(data, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	pad := constantBytes(256 << 10)
	var (
		mu       sync.Mutex
		count    int
		first    error
		manifest []byte // each output's path and SHA-256, as a build records them
	)
	work := make(chan string)
	var wg sync.WaitGroup
	for range max(jobs, 1) {
		wg.Go(func() {
			fl, _ := flate.NewWriter(nil, flate.BestSpeed)
			var z bytes.Buffer
			var sums []byte
			for f := range work {
				sums = sums[:0]
				n, err := document(data, out, ref, f, formats, pad, fl, &z, &sums)
				mu.Lock()
				count += n
				manifest = append(manifest, sums...)
				if err != nil && first == nil {
					first = err
				}
				mu.Unlock()
			}
		})
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	if first != nil {
		return count, first
	}
	return count, write(filepath.Join(out, ".floor-manifest"), manifest)
}

// constantBytes is what every output has in common, made once.
func constantBytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i * 7)
	}
	return b
}

// document parses one file and writes its outputs; a registry is parsed
// and has none.
func document(data, out, ref, file string, formats []string, pad []byte, fl *flate.Writer, z *bytes.Buffer, sums *[]byte) (int, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return 0, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return 0, fmt.Errorf("%s: %w", file, err)
	}
	if slices.Contains(registries, filepath.Base(file)) {
		return 0, nil
	}
	rel, err := filepath.Rel(data, file)
	if err != nil {
		return 0, err
	}
	stem := strings.TrimSuffix(strings.TrimSuffix(rel, ".yaml"), ".yml")
	var jobs []job
	for _, f := range formats {
		jobs = append(jobs, job{rel: stem + "." + f})
	}
	if atts := attachments(&root, filepath.Dir(file)); len(atts) > 0 && slices.Contains(formats, "pdf") {
		jobs = append(jobs, job{rel: stem + "-handling.pdf", sources: atts})
	}
	for _, j := range jobs {
		z.Reset()
		fl.Reset(z)
		fl.Write(src)
		for _, a := range j.sources {
			b, err := os.ReadFile(a)
			if err != nil {
				return 0, err
			}
			fl.Write(b)
		}
		fl.Close()
		if ref != "" {
			if st, err := os.Stat(filepath.Join(ref, j.rel)); err == nil {
				for rest := int(st.Size()) - z.Len(); rest > 0; rest -= len(pad) {
					z.Write(pad[:min(rest, len(pad))])
				}
			}
		}
		sum := sha256.Sum256(z.Bytes())
		*sums = fmt.Appendf(*sums, "%s %x\n", j.rel, sum)
		if err := write(filepath.Join(out, j.rel), z.Bytes()); err != nil {
			return 0, err
		}
	}
	return len(jobs), nil
}

// attachments are the data files a memo's beslutsunderlag names (fil:),
// resolved beside it.
func attachments(root *yaml.Node, dir string) []string {
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	m := root.Content[0]
	var out []string
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != "beslutsunderlag" || m.Content[i+1].Kind != yaml.SequenceNode {
			continue
		}
		for _, it := range m.Content[i+1].Content {
			if it.Kind != yaml.MappingNode {
				continue
			}
			for k := 0; k+1 < len(it.Content); k += 2 {
				if f := it.Content[k+1].Value; it.Content[k].Value == "fil" && (strings.HasSuffix(f, ".yaml") || strings.HasSuffix(f, ".yml")) {
					out = append(out, filepath.Join(dir, filepath.FromSlash(f)))
				}
			}
		}
	}
	return out
}

// write writes a file as underlag does: into a temporary file beside it,
// renamed into place, so that a reader never sees half a file.
func write(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".floor-*")
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), path)
}
