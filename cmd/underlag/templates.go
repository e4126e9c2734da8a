package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/underlag/underlag/generator/pipeline"
)

type templatesExportOptions struct {
	dir   string
	force bool
}

func newTemplatesCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "templates",
		Short: "Work with the templates documents are composed from",
		Long: `The built-in templates (one per kind of document) and labels
(etiketter.yaml) are embedded in underlag. An organisation overrides them
file by file in its own templates folder, named in its profile
(organisation.yaml: mallar: mallar). See docs/templates.md.`,
		Example: `  # Start an organisation's templates folder from the built-in ones
  underlag templates export data/min-kommun/mallar`,
	}
	cmd.AddCommand(newTemplatesExportCmd(a))
	return cmd
}

func newTemplatesExportCmd(a *app) *cobra.Command {
	o := &templatesExportOptions{}
	cmd := &cobra.Command{
		Use:   "export DIR",
		Short: "Write the built-in templates into a folder to start from",
		Long: `Write the built-in templates (*.md.tmpl) and labels (etiketter.yaml) into
DIR, to edit as an organisation's own. Name the folder in organisation.yaml
(mallar: DIR, relative to the profile); keep only the files you change, so
that the others follow underlag's updates. Existing files are not
overwritten unless --force is given.`,
		Example: `  underlag templates export data/exempelby/mallar
  underlag templates export mallar --force`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = args[0]
			wrote, err := pipeline.ExportTemplates(o.dir, o.force)
			if err != nil {
				return err
			}
			for _, p := range wrote {
				fmt.Fprintln(a.out, p)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&o.force, "force", false, "overwrite files that exist")
	return cmd
}
