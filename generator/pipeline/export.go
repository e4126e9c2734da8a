package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/underlag/underlag/generator/atomic"
	"github.com/underlag/underlag/generator/schema"
	"github.com/underlag/underlag/templates"
)

// ExportTemplates writes the built-in templates and labels into dir, as a
// starting point for an organisation's own templates folder (mallar: in
// its profile). It refuses to overwrite a file that exists unless force,
// and returns the files it wrote.
func ExportTemplates(dir string, force bool) ([]string, error) {
	entries, err := fs.ReadDir(templates.FS, ".")
	if err != nil {
		return nil, fmt.Errorf("read the built-in templates: %w", err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	if !force {
		var exist []string
		for _, n := range names {
			if _, err := os.Lstat(filepath.Join(dir, n)); err == nil {
				exist = append(exist, filepath.Join(dir, n))
			} else if !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
		}
		if len(exist) > 0 {
			return nil, fmt.Errorf("%s already exists; nothing was written (use --force to overwrite)", exist[0])
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export templates: %w", err)
	}
	var wrote []string
	for _, n := range names {
		b, err := fs.ReadFile(templates.FS, n)
		if err != nil {
			return wrote, err
		}
		p := filepath.Join(dir, n)
		if err := atomic.WriteBytes(p, b, 0o644); err != nil {
			return wrote, fmt.Errorf("export templates: %w", err)
		}
		wrote = append(wrote, p)
	}
	return wrote, nil
}

// SchemaFor is the JSON Schema of the data files under dir: the kinds the
// pipeline reads and those the organisation profile for dir defines in
// data.
func (p *Pipeline) SchemaFor(dir string) ([]byte, error) {
	if st, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("schema: %s is not a folder; give the data folder whose kinds the schema should hold", dir)
	}
	kinds, diags := p.loader.TreeKinds(dir)
	if diags.HasErrors() {
		return nil, diags.Err()
	}
	// The committees and people of the tree's registries, so that nämnd
	// and person ids complete from them.
	reg, diags := p.loader.Registries(dir)
	if diags.HasErrors() {
		return nil, diags.Err()
	}
	return schema.JSONFor(kinds, schema.OrgOf(reg))
}
