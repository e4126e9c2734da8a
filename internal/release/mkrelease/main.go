// Command mkrelease makes underlag's release archives, SBOMs and SHA-256
// sums: `make release` runs it (see docs/ci.md, "Releases and versions").
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/underlag/underlag/internal/release"
)

func main() {
	version := flag.String("version", "", "the version, such as v0.1.0 (git describe --tags)")
	out := flag.String("out", "dist", "directory for the archives")
	targets := flag.String("targets", "", "comma-separated os/arch list (default: every release target)")
	flag.Parse()
	if err := run(*version, *out, *targets); err != nil {
		fmt.Fprintln(os.Stderr, "mkrelease:", err)
		os.Exit(1)
	}
}

func run(version, out, targets string) error {
	if version == "" {
		return fmt.Errorf("-version is required")
	}
	cfg := release.Config{Version: version, Dir: ".", Out: out, Extra: []string{"README.md"}, Time: time.Now()}
	// SOURCE_DATE_EPOCH (the commit's time, from the Makefile) makes the
	// same commit give the same archives.
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return fmt.Errorf("SOURCE_DATE_EPOCH %q: %w", s, err)
		}
		cfg.Time = time.Unix(sec, 0)
	}
	if targets != "" {
		for _, s := range strings.Split(targets, ",") {
			t, err := release.ParseTarget(strings.TrimSpace(s))
			if err != nil {
				return err
			}
			cfg.Targets = append(cfg.Targets, t)
		}
	}
	names, err := release.Run(context.Background(), cfg)
	for _, n := range names {
		fmt.Println(out + "/" + n)
	}
	return err
}
