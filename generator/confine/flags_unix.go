//go:build unix

package confine

import (
	"os"
	"syscall"
)

// openFlags opens without blocking: opening a FIFO for reading otherwise
// waits for a writer, for ever. The descriptor's type is checked right
// after, and a regular file reads the same either way.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
