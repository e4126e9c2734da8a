// Command buildprof runs one `underlag build` of a data tree in process,
// the way the command does (every format, all cores, --force), and writes
// CPU and allocation profiles of it, for `go tool pprof`:
//
//	go run ./bench/gentree -n 1000 -out /tmp/tree
//	go run ./bench/buildprof -cpuprofile /tmp/cpu.prof -memprofile /tmp/mem.prof /tmp/tree/data
//	go tool pprof -top -cum /tmp/cpu.prof
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/underlag/underlag/generator/batch"
	"github.com/underlag/underlag/generator/pipeline"
)

func main() {
	cpu := flag.String("cpuprofile", "", "write a CPU profile of the build to this file")
	mem := flag.String("memprofile", "", "write an allocation profile of the build to this file")
	out := flag.String("out", "", "output directory (default: a temporary one, removed afterwards)")
	heap := flag.String("heapprofile", "", "write the live heap to this file every few seconds while the build runs (the last one written is near the build's end, where what a build keeps per document is largest)")
	formats := flag.String("formats", "", "formats to build, comma-separated (default: those a build writes unasked)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: buildprof [-cpuprofile FILE] [-memprofile FILE] DATA...")
		os.Exit(2)
	}
	if err := run(*cpu, *mem, *heap, *out, *formats, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "buildprof:", err)
		os.Exit(1)
	}
}

func run(cpu, mem, heap, out, formats string, paths []string) error {
	if out == "" {
		dir, err := os.MkdirTemp("", "buildprof")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		out = filepath.Join(dir, "out")
	}
	if mem != "" {
		runtime.MemProfileRate = 64 << 10
	}
	if heap != "" {
		runtime.MemProfileRate = 4 << 10
	}
	if cpu != "" {
		f, err := os.Create(cpu)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	p, err := pipeline.New(pipeline.Config{Version: "bench"})
	if err != nil {
		return err
	}
	if heap != "" {
		stop := make(chan struct{})
		defer close(stop)
		go heapEvery(heap, 5*time.Second, stop)
	}
	opt := batch.Options{Paths: paths, Out: out, Force: true}
	if formats != "" {
		opt.Formats = strings.Split(formats, ",")
	}
	s, err := batch.Run(context.Background(), p, opt)
	if err != nil {
		return err
	}
	fmt.Printf("buildprof: built %d, failed %d in %v\n", s.Built, s.Failed, time.Since(start).Round(time.Millisecond))
	if mem != "" {
		f, err := os.Create(mem)
		if err != nil {
			return err
		}
		defer f.Close()
		return pprof.Lookup("allocs").WriteTo(f, 0)
	}
	return nil
}

// heapEvery writes the live heap to file every d until stop is closed.
func heapEvery(file string, d time.Duration, stop <-chan struct{}) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			runtime.GC()
			f, err := os.Create(file)
			if err != nil {
				fmt.Fprintln(os.Stderr, "buildprof:", err)
				return
			}
			pprof.Lookup("heap").WriteTo(f, 0)
			f.Close()
		}
	}
}
