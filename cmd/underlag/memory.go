package main

import (
	"os"
	"runtime/debug"
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
// 10,000 documents to PDF peaked at 90 MB with a limit of 70 MiB. It is
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
