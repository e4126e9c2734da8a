//go:build !unix

package hyphen

import (
	"errors"
	"os"
)

// mapFile is not done here: the caller reads the file instead.
func mapFile(*os.File, int) ([]byte, func(), error) {
	return nil, nil, errors.New("no mapping on this system")
}
