package doc

// Funcs is a renderer's table of block functions, one per Kind, in the
// spirit of goldmark's NodeRendererFuncRegisterer: a renderer registers a
// function for every kind it can draw, once, when it is made, and looks
// the function up per block. F is the renderer's own function type (the
// PDF lays out boxes, the DOCX appends XML, Markdown writes text), so that
// the table is the one thing they share: the registration and the one
// UnknownBlockError for a block no function was registered for.
//
// A Funcs is filled before first use and read-only after, so a renderer
// holding one is safe for concurrent use.
type Funcs[F any] struct {
	fn  [NumKinds]F
	set [NumKinds]bool
}

// Register sets the function for a kind, replacing one registered before
// (as a goldmark extension replaces a node's renderer). A kind outside the
// tree's kinds is ignored: no block can have it.
func (t *Funcs[F]) Register(k Kind, f F) {
	if int(k) <= 0 || int(k) >= NumKinds {
		return
	}
	t.fn[k], t.set[k] = f, true
}

// Func returns the function for a block's kind, or an *UnknownBlockError
// when none was registered. Its Format is left empty: the format table,
// which names the formats, fills it in (see UnknownBlockError).
func (t *Funcs[F]) Func(b Block) (F, error) {
	k := b.Kind()
	if int(k) <= 0 || int(k) >= NumKinds || !t.set[k] {
		var zero F
		return zero, &UnknownBlockError{Block: b}
	}
	return t.fn[k], nil
}

// Missing lists the kinds of the tree with no function registered, for a
// test that a renderer draws every kind.
func (t *Funcs[F]) Missing() []Kind {
	var out []Kind
	for k := Kind(1); int(k) < NumKinds; k++ {
		if !t.set[k] {
			out = append(out, k)
		}
	}
	return out
}

// Kinds lists every block kind of the tree, in order.
func Kinds() []Kind {
	out := make([]Kind, 0, NumKinds-1)
	for k := Kind(1); int(k) < NumKinds; k++ {
		out = append(out, k)
	}
	return out
}
