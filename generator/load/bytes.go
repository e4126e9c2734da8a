package load

import "github.com/underlag/underlag/generator/diag"

// DocumentBytes is Document for a file whose contents are already in
// memory, such as standard input. path names it in messages and places it:
// its registries are found from path's directory, and its references
// (directive, logo, images) resolve against it, so a name without a
// directory ("<stdin>") resolves them against the working directory.
func (l *Loader) DocumentBytes(path string, data []byte) (Input, diag.List) {
	v, diags := l.Bytes(path, data)
	return l.document(path, v, diags)
}
