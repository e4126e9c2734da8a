//go:build !unix

package testenv

import (
	"os/exec"
	"sync"
)

// officeSlots are the slots of this test binary, where there is no flock
// to share them with others.
var officeSlots = sync.OnceValue(func() chan struct{} { return make(chan struct{}, OfficeSlots()) })

// officeSlot takes one of this binary's slots; see the unix version.
func officeSlot(int) (release func(), err error) {
	s := officeSlots()
	s <- struct{}{}
	return func() { <-s }, nil
}

// killGroup leaves cmd as it is: its context kills the program itself.
func killGroup(*exec.Cmd) {}
