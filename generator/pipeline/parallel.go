package pipeline

import (
	"runtime"
	"sync"
)

// Parallel calls fn(i) for every i in [0, n) on jobs goroutines (0: one per
// CPU), and returns when all calls have returned. Work is handed out in
// order, one index at a time, so a slow item does not hold up a batch.
func Parallel(n, jobs int, fn func(i int)) {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	jobs = min(jobs, n)
	if jobs <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
