package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/underlag/underlag/generator/pipeline"
	"github.com/underlag/underlag/generator/scaffold"
)

type initOptions struct {
	dir    string
	name   string
	office string
	// interactive is whether to ask for what the flags did not give:
	// standard input is a terminal and no flag was given.
	interactive bool
}

func newInitCmd(a *app) *cobra.Command {
	o := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Start a new organisation's repository, ready to build",
		Long: `Create a repository for a new organisation's documents in DIR (default the
current folder):

  data/organisation.yaml     the organisation, its committees and address
  data/ordlista.yaml         abbreviations
  data/personer.yaml         people, so that names are spelled the same everywhere
  data/*-exempel.yaml        one example of each kind of document
  schema/underlag.schema.json
                             the JSON Schema, which every data file's first line
                             points at, for completion in the editor
  .vscode/                   settings for VS Code's YAML extension
  .github/workflows/dokument.yml, .gitlab-ci.yml
                             CI that builds the documents
  README.md, .gitignore, .gitattributes

The files are commented in Swedish, validate cleanly and build as they are:
run underlag build in DIR next. Nothing is overwritten: when any of these
files exists, init lists them and writes nothing.

On a terminal, init asks for the organisation's name unless --namn is given;
with flags it asks nothing. A name with "region" in it gets a region's
committees (RS, RF, HSN), any other a municipality's (KS, KF, BUN).`,
		Example: `  # A municipality, in a new folder
  underlag init exempelby --namn "Exempelby kommun"

  # With the office that sends the documents
  underlag init . --namn "Exempelby kommun" --förvaltning "Kommunledningsförvaltningen"

  # Then build the examples
  cd exempelby && underlag build`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = "."
			if len(args) == 1 {
				o.dir = args[0]
			}
			o.interactive = cmd.Flags().NFlag() == 0 && isCharDevice(a.in)
			return runInit(a, o)
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.name, "namn", "", "the organisation's name, such as \"Exempelby kommun\" (--name works too)")
	f.StringVar(&o.office, "förvaltning", "", "an office (förvaltning) that sends documents, such as \"Kommunledningsförvaltningen\" (--forvaltning and --office work too)")
	return cmd
}

func runInit(a *app, o *initOptions) error {
	if o.interactive {
		if err := askInit(a, o); err != nil {
			return err
		}
	}
	if strings.TrimSpace(o.name) == "" {
		return usageErr(errors.New(`the organisation needs a name: give --namn "Exempelby kommun"`))
	}
	p, err := pipeline.New(pipeline.Config{Version: a.version, Formats: []pipeline.Format{}})
	if err != nil {
		return err
	}
	schema, err := p.Schema()
	if err != nil {
		return err
	}
	files, err := scaffold.Plan(scaffold.Options{Name: o.name, Office: o.office, Schema: schema, Version: a.version})
	if err != nil {
		return err
	}
	wrote, err := scaffold.Write(o.dir, files)
	if err != nil {
		return err
	}
	for _, w := range wrote {
		fmt.Fprintln(a.out, w)
	}
	cd := ""
	if filepath.Clean(o.dir) != "." {
		cd = "  cd " + shellQuote(o.dir) + "\n"
	}
	fmt.Fprintf(a.errOut, `
The repository of %s is ready. Next:
%s  underlag build       # the examples as PDF and DOCX in out/
  underlag validate    # check the data without building
  underlag watch       # rebuild what you change, on every save
Open the folder in VS Code with the YAML extension (Red Hat) for completion.
`, strings.TrimSpace(o.name), cd)
	return nil
}

// askInit asks on the terminal for what the flags did not give.
func askInit(a *app, o *initOptions) error {
	r := bufio.NewReader(a.in)
	ask := func(q string) (string, error) {
		fmt.Fprint(a.errOut, q)
		s, err := r.ReadString('\n')
		if err != nil && !(errors.Is(err, io.EOF) && s != "") {
			if errors.Is(err, io.EOF) {
				return "", nil
			}
			return "", fmt.Errorf("read the answer: %w", err)
		}
		return strings.TrimSpace(s), nil
	}
	var err error
	for o.name == "" {
		if o.name, err = ask("The organisation's name (such as Exempelby kommun): "); err != nil {
			return err
		}
		if o.name == "" {
			if _, err := r.Peek(1); err != nil {
				return usageErr(errors.New(`the organisation needs a name: give --namn "Exempelby kommun"`))
			}
		}
	}
	if o.office == "" {
		o.office, err = ask("The office (förvaltning) that sends the documents (Enter for none): ")
	}
	return err
}

// shellQuote quotes a path for the "cd" the user is told to run, when it
// needs it.
func shellQuote(s string) string {
	if strings.ContainsAny(s, " '\"$&;|<>()*?[]#~`\\") {
		return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
	}
	return s
}
