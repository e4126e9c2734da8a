package main

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkColdRender is what `underlag render` does for one memo after
// the process has started: a fresh pipeline (templates, renderer, fonts,
// hyphenation) each time, then load, check, compose and a PDF. It leaves
// out what only a new process pays (package init, page faults), which
// GODEBUG=inittrace=1 and a whole-process timer measure; its profile is
// that of the cold path's own work (issue 31).
func BenchmarkColdRender(b *testing.B) {
	out := filepath.Join(b.TempDir(), "memo.pdf")
	args := []string{"render", "../../data/tjansteskrivelse-hsn-1203-2024.yaml", "-o", out}
	b.ReportAllocs()
	for b.Loop() {
		var stdout, stderr bytes.Buffer
		if code := runApp(context.Background(), newApp(nil, &stdout, &stderr), args); code != 0 {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
}
