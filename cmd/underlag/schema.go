package main

import (
	"github.com/spf13/cobra"

	"github.com/underlag/underlag/generator/atomic"
	"github.com/underlag/underlag/generator/pipeline"
)

type schemaOptions struct {
	output string
	data   string
}

func newSchemaCmd(a *app) *cobra.Command {
	opts := &schemaOptions{}
	cmd := &cobra.Command{
		Use:   "schema [DIR]",
		Short: "Print the JSON Schema of the data format",
		Long: `Print the JSON Schema (draft-07) of underlag's YAML data format, generated from
the Go types. Editors with the YAML language server use it for completion,
descriptions and red squiggles when a data file starts with

  # yaml-language-server: $schema=../schema/underlag.schema.json

Given a data folder, the schema also holds the kinds of document its
organisation profile defines (dokumenttyper:).

The repository keeps a copy in schema/underlag.schema.json; a test fails when
it is out of date.`,
		Example: `  # Print the schema
  underlag schema

  # With the kinds of document an organisation defines in data
  underlag schema data/exempelby -o data/exempelby/underlag.schema.json

  # Update the copy in the repository
  underlag schema -o schema/underlag.schema.json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.data = args[0]
			}
			return runSchema(a, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write the schema to `FILE` (atomically) instead of standard output")
	return cmd
}

func runSchema(a *app, opts *schemaOptions) error {
	p, err := pipeline.New(pipeline.Config{Version: a.version, Formats: []pipeline.Format{}})
	if err != nil {
		return err
	}
	b, err := p.Schema()
	if opts.data != "" {
		b, err = p.SchemaFor(opts.data)
	}
	if err != nil {
		return err
	}
	if opts.output != "" {
		return atomic.WriteBytes(opts.output, b, 0o644)
	}
	_, err = a.out.Write(b)
	return err
}
