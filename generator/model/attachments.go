package model

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/date"
)

// AttachmentLabel is the word before an attachment's number, in the
// memo's list of its basis and on the attachment's pages in the packet.
// One constant for both, so that what the list names is what the pages
// say.
const AttachmentLabel = "Bilaga"

// Attachment is a file that goes with a document to its committee as a
// numbered attachment (bilaga): another data file, built in the same run,
// or a PDF made elsewhere.
type Attachment struct {
	Number int       // from 1, in the order the document lists them
	Title  string    // as the document lists it
	Date   date.Date // as the document lists it; zero when not given
	File   string    // the path as written, relative to the document
	Field  string    // where the path is written, for errors: "beslutsunderlag[1].fil"
}

// Mark is what the attachment's pages are marked with: "Bilaga 1".
func (a Attachment) Mark() string { return AttachmentLabel + " " + strconv.Itoa(a.Number) }

// Heading is the attachment as the memo lists it and the packet's outline
// shows it: "Bilaga 1 Uppdragsdirektiv …, 18 november 2024".
func (a Attachment) Heading() string {
	s := a.Mark() + " " + strings.TrimSpace(a.Title)
	if !a.Date.IsZero() {
		s += ", " + a.Date.Long()
	}
	return s
}

// Attacher is a document with attachments: a memo whose decision basis
// names files. The packet (generator/packet) is made of such a document
// and its attachments.
type Attacher interface {
	Attachments() []Attachment
}

// Attachments are the memo's decision basis documents that name a file,
// numbered in order; those without a file are listed by title only and
// get no number.
func (m *Memo) Attachments() []Attachment {
	var out []Attachment
	for i, b := range m.Basis {
		if b.File == "" {
			continue
		}
		out = append(out, Attachment{
			Number: len(out) + 1, Title: b.Title, Date: b.Date, File: b.File,
			Field: fmt.Sprintf("beslutsunderlag[%d].fil", i),
		})
	}
	return out
}
