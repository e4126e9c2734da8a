// Package examplecheck holds no code: its tests build every example
// document in data/ (PDF, DOCX and the memo's packet) once and check what
// a reader sees on the pages: hyphenation, unbreakable tokens, tables
// that never leave one row on a page, the same page for every heading in
// the PDF and in LibreOffice's rendering of the DOCX, and the independent
// checkers in ../shared/checkers.
package examplecheck
