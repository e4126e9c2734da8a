package kind

import (
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// Rule is a review rule a kind brings with it. generator/lint runs it for
// the documents of that kind only, beside its own rules and exactly like
// them: an organisation's profile switches it off or changes its severity
// by its id, and an ignore comment silences one finding.
type Rule struct {
	// ID names the rule in output, in the profile and in ignore comments:
	// lower case words joined by hyphens, never changed once released.
	ID string
	// Severity is the rule's default: diag.Error, diag.Warning or
	// diag.Info.
	Severity diag.Severity
	// Summary says in one line what the rule finds; Hint how to fix it.
	Summary, Hint string
	// Check checks one document of the kind.
	Check func(r Reporter, in RuleInput)
}

// RuleInput is what a kind's rule sees of one document.
type RuleInput struct {
	Doc        model.Document
	Directive  *model.Directive  // the directive the document refers to; nil when none
	Registries *model.Registries // may be nil, and so may its members
	// Refs are the documents the document refers to (model.DocRef
	// fields), by the field path of the reference.
	Refs map[string]*model.Referenced
}

// Reporter is how a kind's rule reports a finding; generator/lint
// implements it.
type Reporter interface {
	// Report reports a finding at a field's position (a yaml path).
	Report(path, format string, args ...any)
	// ReportWord reports a finding at a word inside a field's text.
	ReportWord(path, word, format string, args ...any)
}

// Citation is a document that another document names, by title and
// perhaps by file: an entry of a memo's decision basis. The review rule
// basis-title compares it with the documents of the data tree.
type Citation struct {
	Field string // the yaml path of the title, such as "beslutsunderlag[0].titel"
	Title string
	File  string // the file it names, relative to the citing document; "" for none
}
