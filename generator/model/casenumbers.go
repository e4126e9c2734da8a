package model

import "strings"

// CaseNumbers are a document's case numbers (diarienummer): one when the
// document answers one case, several when it answers more. Written as a
// plain scalar it is one number, or several separated by commas
// ("TE-2018-00895, TE-2023-00973"); written as a list, one number an item.
//
// Where they are printed: the header, the fact box and the file
// properties show them all, joined with ", " (String); a descriptive file
// name uses the first (First), because a name made of several numbers is
// long and no clearer.
type CaseNumbers []string

// UnmarshalText takes a plain scalar as one case number, or as several
// separated by commas.
func (c *CaseNumbers) UnmarshalText(b []byte) error {
	*c = nil
	for _, s := range strings.Split(string(b), ",") {
		if s = strings.TrimSpace(s); s != "" {
			*c = append(*c, s)
		}
	}
	return nil
}

// String is every number, in the order written, joined with ", ".
func (c CaseNumbers) String() string {
	return strings.Join(c.List(), ", ")
}

// List is the numbers without surrounding space, empty ones left out.
func (c CaseNumbers) List() []string {
	var out []string
	for _, s := range c {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// First is the first number, or "" when there is none.
func (c CaseNumbers) First() string {
	if l := c.List(); len(l) > 0 {
		return l[0]
	}
	return ""
}
