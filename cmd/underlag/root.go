package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/pipeline"
)

// app is what every command needs from the outside world: its streams,
// whether they are a terminal, and the tool's version. Tests build one on
// buffers and run commands without a terminal.
type app struct {
	in      io.Reader
	out     io.Writer
	errOut  io.Writer
	version string
	// isTerminal reports whether errOut is an interactive terminal (for
	// progress bars); false in CI and when output is piped.
	isTerminal bool
	// reported is set by a command that has already printed its errors, so
	// that main does not print them twice.
	reported bool
	// getenv reads the environment (GITHUB_ACTIONS for lint's
	// annotations); tests give each run its own.
	getenv func(string) string
	// formats is the table of output formats the commands offer: the
	// built-in ones; a test adds one of its own.
	formats pipeline.Table
}

func newApp(in io.Reader, out, errOut io.Writer) *app {
	a := &app{in: in, out: out, errOut: errOut, version: version(), isTerminal: isTerminal(errOut), getenv: os.Getenv, formats: pipeline.DefaultTable()}
	if useColor(a.isTerminal, a.getenv) {
		a.errOut = colorWriter{errOut}
	}
	return a
}

// version is the module version stamped by the Go toolchain, or "dev" for
// a build from a work tree; `-ldflags "-X main.buildVersion=v1.2.3"` sets
// it explicitly.
func version() string {
	if buildVersion != "" {
		return buildVersion
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// buildVersion is set by the linker; it is never written at run time.
var buildVersion string

func isTerminal(w io.Writer) bool {
	return os.Getenv("CI") == "" && isCharDevice(w)
}

// isCharDevice reports whether a stream is a terminal device, whatever CI
// says: render uses it to refuse writing a binary PDF or DOCX onto a
// terminal, init to decide whether to ask.
func isCharDevice(stream any) bool {
	f, ok := stream.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "underlag",
		Short: "Generate Swedish committee documents (PDF, DOCX) from YAML data and templates",
		Long: `underlag merges structured YAML data with templates into finished committee
documents — uppdragsdirektiv, tjänsteskrivelse, statusrapport — as PDF and DOCX
that look alike and can be archived with a decision.`,
		Example: `  # Build every document under data/ into out/, as PDF and DOCX
  underlag build

  # Check data files without producing anything
  underlag validate data/

  # Start a new organisation's repository
  underlag init min-kommun --namn "Min kommun"

  # Render one document as Markdown to the terminal
  underlag render data/tjansteskrivelse-hsn-1203-2024.yaml -t md`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       versionDetail(a.version),
	}
	// underlag --version and -v print what `underlag version` prints.
	root.SetVersionTemplate("underlag {{.Version}}\n")
	// A flag that cobra cannot parse is a usage error, exit status 2, with
	// the flag that was probably meant.
	root.SetFlagErrorFunc(flagError)
	root.SetGlobalNormalizationFunc(normalizeFlag)
	root.SetIn(a.in)
	root.SetOut(a.out)
	root.SetErr(a.errOut)
	for _, c := range []*cobra.Command{
		newVersionCmd(a),
		newValidateCmd(a), newLintCmd(a), newSchemaCmd(a),
		newRenderCmd(a), newPacketCmd(a),
		newBuildCmd(a),
		newTemplatesCmd(a),
		newReferenceDocxCmd(a),
		newInitCmd(a),
		newWatchCmd(a),
		newServeCmd(a),
		// Each command file adds its constructor here.
	} {
		root.AddCommand(c)
	}
	return root
}

// reportDiags prints diagnostics, sorted, and says whether it printed any.
func reportDiags(a *app, diags diag.List) bool {
	if len(diags) == 0 {
		return false
	}
	diags.Sort()
	printDiags(a.errOut, diags)
	return true
}

// printDiags prints diagnostics in the compiler form: the position and
// message, then the source line with a caret and a hint where there are.
func printDiags(w io.Writer, diags diag.List) {
	for _, d := range diags {
		diag.Format(w, d)
	}
}

// formatList is the formats for help texts: "pdf, docx or md".
func formatList(t pipeline.Table) string {
	names := t.Names()
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// defaultFormats is what a build writes unasked, for a flag's default:
// "pdf,docx".
func defaultFormats(t pipeline.Table) string {
	var names []string
	for _, f := range t {
		if f.Default {
			names = append(names, f.Name)
		}
	}
	return strings.Join(names, ",")
}

// printNotes prints what the set-up could not do as asked, one line each.
func printNotes(a *app, notes []string) {
	for _, n := range notes {
		fmt.Fprintln(a.errOut, "underlag: note:", n)
	}
}
