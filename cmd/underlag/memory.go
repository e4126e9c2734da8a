package main

import (
	"os"
	"runtime/debug"

	"github.com/underlag/underlag/generator/batch"
)

// memoryLimit is the soft limit on the memory the Go runtime manages that
// underlag sets for itself when the environment sets none (GOMEMLIMIT).
//
// Without it the collector lets the heap grow to twice what is live, and
// the runtime keeps freed pages a while: a build of 10,000 documents,
// whose live heap is some 40–60 MB (the fonts, the word list, the caches,
// and the manifest line of each document), peaked at 155 MB resident. A
// soft limit makes the collector run sooner only once the heap nears it,
// and return freed pages; below it nothing changes (a build of 1,000
// documents, live 25–30 MB, never reaches it). Measured (bench/memory.sh):
// 10,000 documents to PDF peaked at 90 MB with a limit of 70 MiB; a build
// raises it when it is large enough to keep more live (buildLimit). It is
// soft: a tree whose live heap needs more gets more, and the runtime then
// spends at most half the CPU on collection (see runtime/debug).
// GOMEMLIMIT, as for any Go program, sets another limit, or none ("off").
const memoryLimit = 70 << 20

// limitMemory sets memoryLimit unless GOMEMLIMIT is set.
func limitMemory() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit)
	}
}

// What a build keeps live: about 22 MB whatever its size (fonts, word
// list, caches, the documents under way), and 2.5 kB more for each
// document until the build ends (its manifest line). Measured with
// bench/buildprof -heapprofile: 30 MB live near the end of 3,000
// documents, 47.5 MB near the end of 10,000.
const (
	liveBase        = 22 << 20
	livePerDocument = 2560
)

// buildLimit is the soft memory limit for a build of docs documents:
// memoryLimit, or half as much again as the build keeps live when that is
// more. A fixed limit below what a large build keeps live would have the
// collector run without pause (the runtime then caps it at half the CPU):
// 20,000 documents would keep some 72 MB live.
func buildLimit(docs int) int64 {
	live := int64(liveBase) + int64(docs)*livePerDocument
	return max(memoryLimit, live*3/2)
}

// memoryObserver raises the soft memory limit underlag set for itself
// (not one GOMEMLIMIT set) to buildLimit once a build knows its size, and
// then lets that limit alone pace the collector (unless GOGC is set).
//
// Under the default GOGC=100 the collector runs each time the heap doubles
// what is live: a build of 1,000 documents, live 25–30 MB, allocating some
// 1.4 GB, collected 86 times, though its soft limit would let the heap
// grow further (to about 54 MB: the limit counts all the runtime's
// memory). With the percentage off the collector runs when the heap
// nears the limit: 61 times. The limit is above what any build keeps live
// (buildLimit), so a build never runs up against it for long, and where a
// build keeps more live than the limit, both settings collect the same
// way, paced by the limit. Measured (1,000 documents, pdf and docx, A/B
// in turn): 6 % less CPU, the peak 5 MB higher (74 → 79 MB); at 10,000
// documents the peak is unchanged, as the limit was already what paced it.
type memoryObserver struct{}

func (memoryObserver) Start(total int) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return
	}
	debug.SetMemoryLimit(buildLimit(total))
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(-1)
	}
}

func (memoryObserver) Done(*batch.Result) {}
