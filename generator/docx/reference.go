package docx

import (
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/confine"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx/wordpkg"
	"github.com/underlag/underlag/generator/style"
)

const (
	relTheme = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
	ctTheme  = "application/vnd.openxmlformats-officedocument.theme+xml"
)

// reference is what an organisation's reference .docx contributes.
type reference struct {
	styles     []byte           // its styles part, with ours added where it lacks one
	theme      []byte           // its theme, which its styles' theme fonts refer to
	setup      *wordpkg.Section // its page setup; nil to keep the profile's
	logo       *doc.Image       // the first picture of its header
	footer     []byte           // its footer part; nil to write ours from Meta.Footer
	entries    []wordpkg.Entry  // its footer, the footer's relationships and media, compressed
	mediaTypes [][2]string      // content types of its media's extensions
}

// loadReference reads a reference document once, in New. Styles are
// matched by name ("heading 1"), not ID, since a Swedish Word saves
// Heading 1 as Rubrik1; ids receives the reference's IDs.
func loadReference(file string, p *style.Profile, ids *[numStyles]string, static *wordpkg.Static) (*reference, error) {
	data, err := confine.ReadFile(confine.Dir(file), file, MaxReference)
	if err != nil {
		return nil, err
	}
	pkg, err := wordpkg.ReadPackage(data)
	if err != nil {
		return nil, err
	}
	main, err := pkg.MainPart()
	if err != nil {
		return nil, err
	}
	rels, err := pkg.Rels(main)
	if err != nil {
		return nil, err
	}
	ref := &reference{}
	var stylesData []byte
	var headerPart, footerPart string
	setup, found, err := wordpkg.PageSetup(pkg.Parts[main])
	if err != nil {
		return nil, err
	}
	if found && setup.PageWidth > 0 && setup.PageHeight > 0 {
		ref.setup = &setup.Section
	}
	for _, rl := range rels {
		switch {
		case rl.Type == wordpkg.RelStyles:
			stylesData = pkg.Parts[rl.Target]
		case rl.Type == relTheme:
			ref.theme = pkg.Parts[rl.Target]
		case rl.ID == setup.HeaderID && rl.Type == wordpkg.RelHeader:
			headerPart = rl.Target
		case rl.ID == setup.FooterID && rl.Type == wordpkg.RelFooter:
			footerPart = rl.Target
		}
	}
	if stylesData == nil {
		return nil, fmt.Errorf("no styles part")
	}
	if ref.styles, err = mergeStyles(stylesData, p, ids); err != nil {
		return nil, err
	}
	if headerPart != "" {
		hrels, err := pkg.Rels(headerPart)
		if err != nil {
			return nil, err
		}
		for _, rl := range hrels {
			ext := strings.ToLower(path.Ext(rl.Target))
			if rl.Type == wordpkg.RelImage && (ext == ".png" || ext == ".jpeg" || ext == ".jpg") && pkg.Parts[rl.Target] != nil {
				ref.logo = &doc.Image{Data: pkg.Parts[rl.Target], Format: ext[1:], Alt: "Logotyp"}
				break
			}
		}
	}
	if footerPart != "" {
		if err := ref.takeFooter(pkg, footerPart, static); err != nil {
			return nil, err
		}
	}
	return ref, nil
}

// takeFooter keeps the reference's footer with the media it shows, under
// names that cannot clash with the document's own pictures.
func (ref *reference) takeFooter(pkg *wordpkg.Package, part string, static *wordpkg.Static) error {
	ref.footer = pkg.Parts[part]
	frels, err := pkg.Rels(part)
	if err != nil {
		return err
	}
	e, err := static.Compress("word/footer1.xml", ref.footer)
	if err != nil {
		return err
	}
	ref.entries = append(ref.entries, e)
	if len(frels) == 0 {
		return nil
	}
	out := make([]wordpkg.Relationship, 0, len(frels))
	seen := map[string]bool{}
	for i, rl := range frels {
		if rl.TargetMode == "External" {
			out = append(out, rl)
			continue
		}
		data, ok := pkg.Parts[rl.Target]
		if !ok || rl.Type != wordpkg.RelImage {
			continue // only pictures are carried over
		}
		ext := strings.ToLower(path.Ext(rl.Target))
		name := "media/reference" + strconv.Itoa(i+1) + ext
		e, err := static.Compress("word/"+name, data)
		if err != nil {
			return err
		}
		ref.entries = append(ref.entries, e)
		rl.Target = name
		out = append(out, rl)
		if x := strings.TrimPrefix(ext, "."); !seen[x] && x != "png" && x != "jpeg" && x != "jpg" && x != "emf" {
			seen[x] = true
			ref.mediaTypes = append(ref.mediaTypes, [2]string{x, "image/" + x})
		}
	}
	e, err = static.Compress("word/_rels/footer1.xml.rels", wordpkg.AppendRelationships(nil, out))
	if err != nil {
		return err
	}
	ref.entries = append(ref.entries, e)
	return nil
}

// mergeStyles keeps the reference's styles and adds, before its closing
// tag, the built-in styles it has no style of the same name and type for.
func mergeStyles(data []byte, p *style.Profile, ids *[numStyles]string) ([]byte, error) {
	infos, end, err := wordpkg.Styles(data)
	if err != nil {
		return nil, err
	}
	byName := make(map[string]string, len(infos))
	taken := make(map[string]bool, len(infos))
	for _, in := range infos {
		byName[in.Type+"/"+strings.ToLower(in.Name)] = in.ID
		taken[in.ID] = true
	}
	var missing []sid
	for s := range numStyles {
		d := &builtinStyles[s]
		if id, ok := byName[d.typ+"/"+strings.ToLower(d.name)]; ok {
			ids[s] = id
			continue
		}
		id := d.id
		for taken[id] {
			id += "U"
		}
		ids[s] = id
		missing = append(missing, s)
	}
	var out bytes.Buffer
	out.Write(data[:end])
	var buf []byte
	for _, s := range missing {
		buf = styleXML(buf[:0], s, p, ids)
		out.Write(buf)
	}
	out.Write(data[end:])
	return withLanguage(out.Bytes(), docLanguage), nil
}
