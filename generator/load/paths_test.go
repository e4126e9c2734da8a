package load

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLocalPath(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"bilder/karta.png", filepath.Join("bilder", "karta.png")},
		{`bilder\karta.png`, filepath.Join("bilder", "karta.png")},
		{`..\direktiv/d.yaml`, filepath.Join("..", "direktiv", "d.yaml")},
		{"logo.png", "logo.png"},
	} {
		assert.Equal(t, tc.want, localPath(tc.in), tc.in)
	}
}
