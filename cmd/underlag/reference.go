package main

import (
	"errors"

	"github.com/underlag/underlag/generator/pipeline"
)

// The settings the organisation profile gives a build (referensdokument:,
// typsnitt:) are found by the pipeline; a conflict between the profiles
// of the paths, or a -M flag that does not parse, is a usage error.

func usageIfSeparate(err error) error {
	if errors.Is(err, pipeline.ErrSeparateBuilds) {
		return usageErr(err)
	}
	return err
}

// referenceFor is the reference document of a build: --reference-docx
// when given, else the one the organisation profile of the paths names.
func referenceFor(flag string, paths, roots []string) (string, error) {
	ref, err := pipeline.ReferenceFor(flag, paths, roots)
	return ref, usageIfSeparate(err)
}

// fontFor is the organisation's own typeface for a build; nil for
// Liberation Sans.
func fontFor(paths, roots []string) (*pipeline.Font, error) {
	f, err := pipeline.FontFor(paths, roots)
	return f, usageIfSeparate(err)
}

// fontProblem places a typeface the pipeline refused at its line of the
// profile.
func fontProblem(err error, paths, roots []string) error {
	return pipeline.PlaceFontError(err, paths, roots)
}

// parseMetadata reads the -M flags.
func parseMetadata(flags []string) ([]pipeline.Metadata, error) {
	m, err := pipeline.ParseMetadata(flags)
	if err != nil {
		return nil, usageErr(err)
	}
	return m, nil
}
