package gantt

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/underlag/underlag/generator/style"
)

// PNG draws the drawing as a picture of dpi dots per inch on white: what
// the DOCX embeds.
func (d *Drawing) PNG(dpi float64) ([]byte, error) {
	k := dpi / 25.4 // pixels per millimetre
	w, h := int(math.Ceil(d.W*k)), int(math.Ceil(d.H*k))
	if w <= 0 || h <= 0 || w > 20000 || h > 20000 {
		return nil, fmt.Errorf("gantt: a picture of %d × %d pixels", w, h)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	rs := &rasterizer{img: img, k: k, faces: map[faceKey]font.Face{}}
	defer rs.close()
	for _, s := range d.Shapes {
		if err := rs.shape(s); err != nil {
			return nil, err
		}
	}
	// The fastest compression and one fixed filter (pngenc.go): a chart
	// is mostly flat colour, which packs well either way, and the slower
	// choices cost several times the drawing.
	return encodePNG(img)
}

type faceKey struct {
	size float64
	bold bool
}

type rasterizer struct {
	img   *image.RGBA
	k     float64
	v     vector.Rasterizer
	faces map[faceKey]font.Face
	fonts [2]*opentype.Font
}

func (rs *rasterizer) close() {
	for _, f := range rs.faces {
		f.Close()
	}
}

func rgba(c style.RGB) *image.Uniform {
	return image.NewUniform(color.RGBA{R: c.R, G: c.G, B: c.B, A: 255})
}

// fill fills a path of x, y pairs in millimetres. The rasterizer covers
// the path's bounding box only, not the whole picture.
func (rs *rasterizer) fill(pts []float64, c style.RGB) {
	minX, maxX, minY, maxY := bounds(pts)
	box := image.Rect(int(math.Floor(minX*rs.k)), int(math.Floor(minY*rs.k)), int(math.Ceil(maxX*rs.k))+1, int(math.Ceil(maxY*rs.k))+1).Intersect(rs.img.Bounds())
	if box.Empty() {
		return
	}
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	rs.v.Reset(box.Dx(), box.Dy())
	rs.v.MoveTo(float32(pts[0]*rs.k)-ox, float32(pts[1]*rs.k)-oy)
	for i := 2; i+1 < len(pts); i += 2 {
		rs.v.LineTo(float32(pts[i]*rs.k)-ox, float32(pts[i+1]*rs.k)-oy)
	}
	rs.v.ClosePath()
	rs.v.Draw(rs.img, box, rgba(c), image.Point{})
}

// stroke draws a closed outline or an open line as filled quadrilaterals,
// each segment lw wide.
func (rs *rasterizer) stroke(pts []float64, closed bool, lw float64, c style.RGB) {
	n := len(pts) / 2
	segs := n - 1
	if closed {
		segs = n
	}
	for i := 0; i < segs; i++ {
		j := (i + 1) % n
		rs.segment(pts[2*i], pts[2*i+1], pts[2*j], pts[2*j+1], lw, c)
	}
}

func (rs *rasterizer) segment(x0, y0, x1, y1, lw float64, c style.RGB) {
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	// At least a pixel wide, so that hairlines show.
	hw := max(lw, 1/rs.k) / 2
	nx, ny := -dy/l*hw, dx/l*hw
	// Extended by half the width at both ends, as a square cap.
	ex, ey := dx/l*hw, dy/l*hw
	rs.fill([]float64{x0 - ex + nx, y0 - ey + ny, x1 + ex + nx, y1 + ey + ny, x1 + ex - nx, y1 + ey - ny, x0 - ex - nx, y0 - ey - ny}, c)
}

func (rs *rasterizer) shape(s Shape) error {
	switch s.Kind {
	case Rect:
		pts := []float64{s.X, s.Y, s.X + s.W, s.Y, s.X + s.W, s.Y + s.H, s.X, s.Y + s.H}
		rs.paint(pts, s)
	case Poly:
		rs.paint(s.Pts, s)
	case Circle:
		const n = 32
		pts := make([]float64, 0, 2*n)
		for i := range n {
			a := 2 * math.Pi * float64(i) / n
			pts = append(pts, s.X+s.W*math.Cos(a), s.Y+s.W*math.Sin(a))
		}
		rs.paint(pts, s)
	case Line:
		if s.Dash <= 0 {
			rs.segment(s.X, s.Y, s.X+s.W, s.Y+s.H, s.LineW, s.Stroke)
			return nil
		}
		l := math.Hypot(s.W, s.H)
		on, off := s.Dash, s.Dash*0.7
		for t := 0.0; t < l; t += on + off {
			e := min(t+on, l)
			rs.segment(s.X+s.W*t/l, s.Y+s.H*t/l, s.X+s.W*e/l, s.Y+s.H*e/l, s.LineW, s.Stroke)
		}
	case Text:
		f, err := rs.face(s.Size, s.Bold)
		if err != nil {
			return err
		}
		dr := font.Drawer{Dst: rs.img, Src: rgba(s.Fill), Face: f,
			Dot: fixed.Point26_6{X: fixed.Int26_6(s.X * rs.k * 64), Y: fixed.Int26_6(s.Y * rs.k * 64)}}
		dr.DrawString(s.Text)
	}
	return nil
}

func (rs *rasterizer) paint(pts []float64, s Shape) {
	if s.Filled {
		rs.fill(pts, s.Fill)
	}
	if s.LineW > 0 {
		rs.stroke(pts, true, s.LineW, s.Stroke)
	}
}

func (rs *rasterizer) face(size float64, bold bool) (font.Face, error) {
	key := faceKey{size, bold}
	if f, ok := rs.faces[key]; ok {
		return f, nil
	}
	i := 0
	if bold {
		i = 1
	}
	if rs.fonts[i] == nil {
		ttf := liberationsansregular.TTF
		if bold {
			ttf = liberationsansbold.TTF
		}
		f, err := opentype.Parse(ttf)
		if err != nil {
			return nil, fmt.Errorf("gantt: font: %w", err)
		}
		rs.fonts[i] = f
	}
	f, err := opentype.NewFace(rs.fonts[i], &opentype.FaceOptions{Size: size, DPI: rs.k * 25.4, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("gantt: font: %w", err)
	}
	rs.faces[key] = f
	return f, nil
}
