// Command underlag turns YAML data and templates into the committee
// documents of a Swedish region or municipality — uppdragsdirektiv,
// tjänsteskrivelse, statusrapport — as PDF and DOCX.
//
// The command is wiring only: each subcommand parses its flags into an
// options struct and calls one function of the engine in generator/.
package main

import (
	"context"
	"fmt"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:]))
}

func run(ctx context.Context, args []string) int {
	app := newApp(os.Stdin, os.Stdout, os.Stderr)
	root := newRootCmd(app)
	root.SetArgs(args)
	if err := root.ExecuteContext(ctx); err != nil {
		if !app.reported {
			fmt.Fprintln(app.errOut, "underlag:", err)
		}
		return 1
	}
	return 0
}
