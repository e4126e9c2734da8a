package lint

import "github.com/underlag/underlag/generator/diag"

// The built-in rules' ids. They are part of underlag's interface: profiles
// and ignore comments name them, so an id is never renamed or reused.
const (
	RequiredField         = "required-field"
	UnfinishedText        = "unfinished-text"
	EmptySection          = "empty-section"
	TimelineMilestone     = "timeline-milestone-date"
	ActivityOutsidePeriod = "activity-outside-period"
	HeadingYear           = "heading-year"
	StatusBeforeDirective = "status-before-directive"
	StatusUnknownID       = "status-unknown-id"
	StatusComment         = "status-comment"
	BasisTitle            = "basis-title"
	NameNearMiss          = "name-near-miss"
	RoleWithoutPerson     = "role-without-person"
	Placeholder           = "placeholder"
	UndefinedAbbreviation = "undefined-abbreviation"
	UnusedDefinition      = "unused-definition"
)

// builtin lists the built-in rules, grouped as the documentation shows
// them.
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
		// Dates within a document.
		{ID: TimelineMilestone, Severity: diag.Warning, Doc: timelineMilestone,
			Summary: "A decision point's date in milstolpar falls outside its phase in tidplan.",
			Hint:    "Make tidplan and milstolpar agree: move the milestone's datum into the phase, or the phase's start/slut around it."},
		{ID: ActivityOutsidePeriod, Severity: diag.Warning, Doc: activityOutsidePeriod,
			Summary: "An activity's date falls outside the commission's period (its timeline, or its year).",
			Hint:    "Correct the activity's start/slut, or widen the timeline if the commission really runs longer."},
		{ID: HeadingYear, Severity: diag.Warning, Doc: headingYear,
			Summary: "A heading names a year that none of the dates under it is in.",
			Hint:    "Correct the year in the heading (rubriker), or the dates under it."},
		// Across documents.
		{ID: StatusBeforeDirective, Severity: diag.Error, Doc: statusBeforeDirective,
			Summary: "A status report is dated before the directive it reports on.",
			Hint:    "Correct the report's datum (or period), or point uppdragsdirektiv at the right directive."},
		{ID: StatusUnknownID, Severity: diag.Error, Doc: statusUnknownID,
			Summary: "A status report names an activity or milestone its directive does not have.",
			Hint:    "Use an id from the directive's delaktiviteter or milstolpar/tidplan, or add the row to the directive."},
		{ID: StatusComment, Severity: diag.Warning, Doc: statusComment,
			Summary: "A status report's overall status has no comment.",
			Hint:    "Say in status.kommentar why the status is what it is, so that it is never a colour alone."},
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
			Hint:    "Add it to the document's definitioner or to ordlista.yaml; or, for one the organisation never explains, to granskning.tillåtna."},
		{ID: UnusedDefinition, Severity: diag.Info, Doc: unusedDefinition,
			Summary: "The document defines a term its text never uses.",
			Hint:    "Remove the definition, or use the term in the text."},
	}
}
