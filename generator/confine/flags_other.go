//go:build !unix

package confine

import "os"

// openFlags: no FIFOs are found in a Windows file system.
const openFlags = os.O_RDONLY
