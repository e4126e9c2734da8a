package load

import (
	"path/filepath"
	"strings"
)

// localPath turns a path written in a data file (a logo, an image, a
// directive, the templates folder) into the system's form. Both separators
// are accepted on every system: officials on Windows write
// bilder\karta.png, and the same repository is built on Linux in CI.
// A backslash is never part of a file name in a data tree that must also
// build on Windows, so nothing else is lost.
func localPath(ref string) string {
	return filepath.FromSlash(strings.ReplaceAll(ref, `\`, "/"))
}
