package pipeline

import (
	"io"
	"slices"

	"github.com/underlag/underlag/generator/lint"
)

// The review's rules and reports, as the commands use them: a command
// imports the pipeline (and the batch build), never a stage package, and
// these are the names of the review stage (generator/lint) it needs.

// Linter is a set of review rules (see lint.Linter).
type Linter = lint.Linter

// ReviewRun is one run's findings, to report (see lint.Run).
type ReviewRun = lint.Run

// DefaultRules returns a new set of the built-in review rules.
func DefaultRules() *Linter { return lint.Default() }

// ReportFormats are the formats of a review report: "human", "json" …
func ReportFormats() []string { return slices.Clone(lint.Formats) }

// RuleLevels are the levels an organisation may set a rule to.
func RuleLevels() []string { return slices.Clone(lint.Levels) }

// WriteReport writes a review report in one of ReportFormats.
func WriteReport(w io.Writer, format string, r ReviewRun) error { return lint.Write(w, format, r) }

// WriteGitHub writes the findings as GitHub Actions annotations.
func WriteGitHub(w io.Writer, r ReviewRun) error { return lint.WriteGitHub(w, r) }
