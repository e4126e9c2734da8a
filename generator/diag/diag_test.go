package diag

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDiagnosticError(t *testing.T) {
	tests := []struct {
		name string
		d    Diagnostic
		want string
	}{
		{"full", Diagnostic{File: "a.yaml", Line: 3, Col: 5, Path: "tidplan[0].slut", Msg: "slutet ligger före starten"}, "a.yaml:3:5: tidplan[0].slut: slutet ligger före starten"},
		{"no column", Diagnostic{File: "a.yaml", Line: 3, Msg: "m"}, "a.yaml:3: m"},
		{"no position", Diagnostic{File: "a.yaml", Msg: "m"}, "a.yaml: m"},
		{"no file", Diagnostic{Path: "p", Msg: "m"}, "p: m"},
		{"warning", Diagnostic{File: "a.yaml", Line: 1, Col: 1, Path: "risker", Msg: "placeholder", Severity: Warning}, "a.yaml:1:1: warning: risker: placeholder"},
		{"info with a rule", Diagnostic{File: "a.yaml", Line: 9, Col: 3, Path: "definitioner[0].term", Msg: "unused", Severity: Info, Rule: "unused-definition"}, "a.yaml:9:3: info: definitioner[0].term: unused [unused-definition]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.d.Error())
		})
	}
}

func TestListErr(t *testing.T) {
	var l List
	assert.NoError(t, l.Err())
	l.Add(Diagnostic{Msg: "w", Severity: Warning})
	assert.NoError(t, l.Err(), "warnings alone are not an error")
	l.Addf("b.yaml", 2, 1, "x", "bad %d", 1)
	l.Addf("a.yaml", 9, 1, "y", "bad")
	assert.Error(t, l.Err())
	l.Sort()
	assert.Equal(t, "a.yaml", l[1].File)
	assert.Len(t, l.Errors(), 2)
	assert.Len(t, l.Warnings(), 1)

	wrapped := fmt.Errorf("load: %w", l)
	assert.Len(t, AsList(wrapped), 3)
	assert.Equal(t, List{{Msg: "plain"}}, AsList(fmt.Errorf("plain")))
	assert.Nil(t, AsList(nil))
}
