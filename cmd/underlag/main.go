// Command underlag turns YAML data and templates into the committee
// documents of a Swedish region or municipality — uppdragsdirektiv,
// tjänsteskrivelse, statusrapport — as PDF and DOCX.
//
// The command is wiring only: each subcommand parses its flags into an
// options struct and calls one function of the engine in generator/.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
)

func main() {
	limitMemory() // memory.go
	os.Exit(run(context.Background(), os.Args[1:]))
}

func run(ctx context.Context, args []string) int {
	return runApp(ctx, newApp(os.Stdin, os.Stdout, os.Stderr), args)
}

// runApp runs the command line in args and returns the exit status: 0 for
// success, 2 for a command used wrongly, 1 for any other failure.
func runApp(ctx context.Context, app *app, args []string) int {
	root := newRootCmd(app)
	root.SetArgs(args)
	if err := root.ExecuteContext(ctx); err != nil {
		if !app.reported {
			fmt.Fprintln(app.errOut, "underlag:", err)
		}
		var u usageError
		if errors.As(err, &u) {
			return 2
		}
		return 1
	}
	return 0
}

// usageError is a command used wrongly (flags that contradict each other,
// an unknown format), as opposed to data with problems: exit status 2, as
// for an unknown flag.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

func usageErr(err error) error { return usageError{err} }
