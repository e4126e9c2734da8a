// Command gentree writes a synthetic data tree for benchmarks: documents of
// all three kinds in Swedish, of realistic sizes, with their registries
// (DIR/data), and the same content as one Markdown file per document
// (DIR/md) for comparing against pandoc.
//
//	go run ./bench/gentree -n 1000 -out /tmp/tree
//	go run ./bench/gentree -n 10000 -trees 2500 -out /tmp/trees   # many small trees
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/underlag/underlag/bench/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of documents")
	out := flag.String("out", "", "directory to write into (data/ and md/ are created in it)")
	seed := flag.Uint64("seed", 1, "random seed; the same seed writes the same tree")
	trees := flag.Int("trees", 1, "spread the documents over this many data trees (data/tree-NNNN), each with its own registries")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: gentree -n 1000 -out DIR")
		os.Exit(2)
	}
	t, err := synth.Write(*out, synth.Options{Docs: *n, Seed: *seed, Trees: *trees})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gentree:", err)
		os.Exit(1)
	}
	fmt.Printf("gentree: %d documents (%d uppdragsdirektiv, %d tjänsteskrivelse, %d statusrapport), %d KB of YAML in %s, Markdown in %s\n",
		len(t.Docs), t.Kinds["uppdragsdirektiv"], t.Kinds["tjänsteskrivelse"], t.Kinds["statusrapport"], t.Bytes/1024, t.Data, t.Markdown)
}
