package lint

import (
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/kind"
)

// The built-in rules' ids, and those the built-in kinds bring
// (generator/kind). They are part of underlag's interface: profiles and
// ignore comments name them, so an id is never renamed or reused.
const (
	RequiredField         = "required-field"
	UnfinishedText        = "unfinished-text"
	EmptySection          = "empty-section"
	TimelineMilestone     = kind.RuleTimelineMilestone
	ActivityOutsidePeriod = kind.RuleActivityOutsidePeriod
	HeadingYear           = kind.RuleHeadingYear
	StatusBeforeDirective = kind.RuleStatusBeforeDirective
	StatusUnknownID       = kind.RuleStatusUnknownID
	StatusComment         = kind.RuleStatusComment
	BasisTitle            = "basis-title"
	NameNearMiss          = "name-near-miss"
	RoleWithoutPerson     = "role-without-person"
	Placeholder           = "placeholder"
	UndefinedAbbreviation = "undefined-abbreviation"
	UnusedDefinition      = "unused-definition"
)

// builtin lists the built-in rules, grouped as the documentation shows
// them. The rules of one kind are that kind's (kind.Kind.Rules): dates
// within a directive, a status report against its directive.
func builtin() []Rule {
	return []Rule{
		// Completeness.
		{ID: RequiredField, Severity: diag.Error, Doc: requiredField,
			Summary: "A field the document's kind (or the organisation's profile) requires is missing or empty.",
			Hint:    "Fill in the field; the kinds' own requirements are listed in docs/format.md, the organisation's in granskning.kräver of organisation.yaml."},
		{ID: UnfinishedText, Severity: diag.Warning, Doc: unfinishedText,
			Summary: "A required text, or the text that ends the file, stops mid-sentence.",
			Hint:    "End the sentence; if the file was cut off (a bad merge, a copy that stopped), restore the rest from version control."},
		{ID: EmptySection, Severity: diag.Warning, Doc: emptySection,
			Summary: "A section is written but holds no text.",
			Hint:    "Write the section, or remove the key: a section left out is left out of the document."},
		// Across documents.
		{ID: BasisTitle, Severity: diag.Warning, Tree: basisTitle,
			Summary: "A memo's decision basis names a document of the data tree by another title than the document has.",
			Hint:    "Copy the title from the document itself, so that the committee can find what it decides on."},
		// People.
		{ID: NameNearMiss, Severity: diag.Warning, Doc: nameNearMiss,
			Summary: "A name is spelled almost, but not quite, like a person in the registry or elsewhere in the document.",
			Hint:    "Spell the name as personer.yaml does (or refer to the person by id); if they are two people, ignore the finding with a comment."},
		{ID: RoleWithoutPerson, Severity: diag.Warning, Doc: roleWithoutPerson,
			Summary: "A role that someone must hold names no person.",
			Hint:    "Name the person who holds the role, as personer (by id) or in its text."},
		// Text.
		{ID: Placeholder, Severity: diag.Warning, Doc: placeholder,
			Summary: "The text holds a placeholder (xxxx, TODO, TBD, ???, [namn], lorem ipsum).",
			Hint:    "Write the real text before the document is sent."},
		{ID: UndefinedAbbreviation, Severity: diag.Warning, Doc: undefinedAbbreviation,
			Summary: "An abbreviation is used that neither the document, the glossary nor the organisation defines.",
			Hint:    "Add it to the document's definitioner or to ordlista.yaml; or, for one never explained, to granskning.tillåtna in organisation.yaml or in the document."},
		{ID: UnusedDefinition, Severity: diag.Info, Doc: unusedDefinition,
			Summary: "The document defines a term its text never uses.",
			Hint:    "Remove the definition, or use the term in the text."},
	}
}
