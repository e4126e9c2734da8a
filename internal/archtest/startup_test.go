package archtest

import (
	"os/exec"
	"strings"
	"testing"
)

// slowInit are packages whose init does work that every process pays
// for, whether it needs them or not, with what that costs a cold
// `underlag render` (issue 31: under 40 ms). The command must not link
// them: a package of ours that needs one calls past it, as generator/pdf
// calls pdfcpu's reader and validator rather than its pkg/api.
var slowInit = []struct{ pkg, why string }{
	{"github.com/mattn/go-runewidth", "its init fills a 2 MB table of widths (some 25 ms); pdfcpu's pkg/api brings it through form filling"},
	{"github.com/pdfcpu/pdfcpu/pkg/api", "it imports pdfcpu's form filling and with it go-runewidth"},
}

// TestNoSlowInit lists the packages the underlag command links and fails
// on each of slowInit, with the reason.
func TestNoSlowInit(t *testing.T) {
	root, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		t.Fatalf("go list -m: %v", err)
	}
	cmd := exec.Command("go", "list", "-deps", "./cmd/underlag")
	cmd.Dir = strings.TrimSpace(string(root))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) == 0 {
		t.Fatal("go list -deps found no packages")
	}
	linked := map[string]bool{}
	for _, d := range deps {
		linked[d] = true
	}
	for _, s := range slowInit {
		if linked[s.pkg] {
			t.Errorf("cmd/underlag links %s: %s", s.pkg, s.why)
		}
	}
}
