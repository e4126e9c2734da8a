package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/underlag/underlag/generator/pipeline"
	"github.com/underlag/underlag/generator/serve"
)

type serveOptions struct {
	dir           string
	port          int
	open          bool
	templates     string
	referenceDOCX string
	roots         []string
}

func newServeCmd(a *app) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve [DIR]",
		Short: "A local web page to write documents in a form and see them as they will look",
		Long: `Serve starts a web page on this computer (127.0.0.1 only) for the documents
under DIR (default data/): an index of the documents by organisation and
kind with their state and their PDF, DOCX and HTML; for each document a
form made from the JSON Schema, a YAML tab, its errors and warnings with
file, line and column, and a preview that follows every save, from the
page or from any editor.

Saving writes the YAML back keeping its comments, key order and the lines
of everything that did not change, atomically; a file changed on disk since
the page was opened is not overwritten. A new document of any kind is
written where its organisation keeps that kind.

The server answers only requests to 127.0.0.1 or localhost on its port,
and takes no write without the token its own pages carry. It reads and
writes only inside DIR. Stop it with Ctrl-C.`,
		Example: `  # Serve data/ and open the page in the browser
  underlag serve --open

  # Another folder, on a fixed port
  underlag serve min-kommun/data --port 8080

  # With the organisation's templates folder
  underlag serve --templates mallar`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = "data"
			if len(args) == 1 {
				o.dir = args[0]
			}
			return runServe(cmd, a, o)
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.port, "port", 4321, "port on 127.0.0.1 to listen on; 0 picks a free one")
	f.BoolVar(&o.open, "open", false, "open the page in the default browser")
	f.StringVar(&o.templates, "templates", "", "directory of templates overriding the embedded ones file by file")
	f.StringVar(&o.referenceDOCX, "reference-docx", "", "Word file whose styles the DOCX outputs take (pandoc's --reference-doc works too)")
	f.StringArrayVar(&o.roots, "root", nil, "a directory that references (logo, directive, attachments) may point into besides each document's data tree; repeatable")
	return cmd
}

func runServe(cmd *cobra.Command, a *app, o *serveOptions) error {
	if st, err := os.Stat(o.dir); err != nil {
		return err
	} else if !st.IsDir() {
		return usageErr(fmt.Errorf("%s is not a folder: give the data folder to serve", o.dir))
	}
	s, err := serve.New(serve.Config{
		Dir:     o.dir,
		Formats: a.formats,
		Pipeline: func(formats []pipeline.Format) (*pipeline.Pipeline, error) {
			return pipeline.New(pipeline.Config{Version: a.version, TemplateDir: o.templates, ReferenceDOCX: o.referenceDOCX, Formats: formats, Roots: o.roots})
		},
		Log: a.errOut,
	})
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
	defer stop()
	return s.Run(ctx, o.port, func(url string) {
		fmt.Fprintf(a.out, "underlag serve: %s (Ctrl-C to stop)\n", url)
		if o.open {
			if err := openBrowser(url); err != nil {
				fmt.Fprintf(a.errOut, "underlag serve: could not open a browser (%v); open %s yourself\n", err, url)
			}
		}
	})
}

// openBrowser opens url in the system's default browser.
func openBrowser(url string) error {
	var c *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		c = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		c = exec.Command("open", url)
	default:
		c = exec.Command("xdg-open", url)
	}
	if err := c.Start(); err != nil {
		return err
	}
	go c.Wait()
	return nil
}
