package html_test

import (
	"html"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/underlag/underlag/internal/doctest"
	"github.com/underlag/underlag/internal/testenv"
)

// A timeline is an inline SVG in a figure: an image to a screen reader,
// named by the alternative text; the caption after it is the figure's.
func TestTimeline(t *testing.T) {
	t.Parallel()
	s := render(t, doctest.Timeline())
	main := s[strings.Index(s, "<main"):]
	alt := html.EscapeString(doctest.TimelineAlt)
	testenv.AssertInOrder(t, main,
		`<figure class="tidslinje"><svg xmlns="http://www.w3.org/2000/svg" class="tidslinje" role="img" aria-label="`+alt+`"`,
		`<title>`+alt+`</title>`,
		`>DA1 </text>`, `>Rapportdatum 2025-11-15</text>`,
		`</svg>`, `<figcaption><em>Figur 1. Planerat, prognos och utfall</em></figcaption>`, `</figure>`)
	assert.NotContains(t, main, "<img", "vectors, not a picture")
}
