// Package archtest holds the test that keeps the packages' imports as
// docs/architecture.md describes them ("Imports"); it has no code of its
// own.
package archtest
