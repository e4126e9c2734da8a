package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/pipeline"
)

// The flags follow the tools these users know: pandoc names the output
// format -t/--to and the Word template --reference-doc, so underlag does
// too. -f is pandoc's input format and is not used for the output format
// here.

// flagAliases are other spellings of a flag, accepted everywhere and shown
// nowhere: pandoc's --reference-doc for --reference-docx.
var flagAliases = map[string]string{
	"reference-doc": "reference-docx",
	// init's Swedish flags in ASCII and in English, for keyboards and
	// consoles without å, ä and ö.
	"forvaltning": "förvaltning",
	"office":      "förvaltning",
	"name":        "namn",
}

// renamed are the deprecated flags by their new names: a typo of the old
// name suggests the new one.
var renamed = map[string]string{"format": "to"}

// normalizeFlag maps an alias to its flag, for SetGlobalNormalizationFunc.
func normalizeFlag(_ *pflag.FlagSet, name string) pflag.NormalizedName {
	if to, ok := flagAliases[name]; ok {
		name = to
	}
	return pflag.NormalizedName(name)
}

// addToFlag adds -t/--to, the output format, to cmd, and --format as its
// hidden, deprecated old name, so that scripts written for it keep working
// (with a warning on standard error).
func addToFlag(a *app, cmd *cobra.Command, p *string, value, usage string) {
	f := cmd.Flags()
	// pflag writes the deprecation warning to the flag set's output, which
	// cobra would copy to the command's standard output, into a PDF that
	// render writes there: send it to standard error directly.
	f.SetOutput(a.errOut)
	f.StringVarP(p, "to", "t", value, usage)
	f.StringVar(p, "format", value, usage)
	_ = f.MarkDeprecated("format", "use -t/--to, as in pandoc")
	_ = cmd.RegisterFlagCompletionFunc("to", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return a.formats.Names(), cobra.ShellCompDirectiveNoFileComp
	})
}

// flagError is cobra's flag error with a did-you-mean: an unknown flag is
// compared with the command's flags, and pandoc's spellings are explained.
// It is a usage error, exit status 2.
func flagError(cmd *cobra.Command, err error) error {
	if hint := flagHint(cmd, err.Error()); hint != "" {
		err = fmt.Errorf("%w\n%s", err, hint)
	}
	return usageErr(err)
}

// flagHint suggests the flag meant by an unknown one, given pflag's
// message ("unknown flag: --formt", "unknown shorthand flag: 'f' in -f").
func flagHint(cmd *cobra.Command, msg string) string {
	if name, ok := strings.CutPrefix(msg, "unknown flag: --"); ok {
		name, _, _ = strings.Cut(name, "=")
		switch name {
		case "from", "read":
			return "hint: underlag reads YAML data only; the output format is -t/--to (" + strings.Join(pipeline.FormatNames(), ", ") + ")"
		}
		if c := diag.Closest(name, flagNames(cmd)); c != "" {
			if f := cmd.Flags().Lookup(c); f != nil && f.Deprecated != "" && renamed[c] != "" {
				c = renamed[c]
			}
			return fmt.Sprintf("hint: did you mean --%s?", c)
		}
		return fmt.Sprintf("hint: see the flags of this command with `%s --help`", cmd.CommandPath())
	}
	if rest, ok := strings.CutPrefix(msg, "unknown shorthand flag: '"); ok {
		if strings.HasPrefix(rest, "f'") && cmd.Flags().Lookup("to") != nil {
			return "hint: the output format is -t/--to, as in pandoc (whose -f is the input format)"
		}
		return fmt.Sprintf("hint: see the flags of this command with `%s --help`", cmd.CommandPath())
	}
	return ""
}

// flagNames lists the names of the flags cmd takes that help shows.
func flagNames(cmd *cobra.Command) []string {
	var names []string
	add := func(f *pflag.Flag) {
		if !f.Hidden || renamed[f.Name] != "" {
			names = append(names, f.Name)
		}
	}
	cmd.Flags().VisitAll(add)
	cmd.InheritedFlags().VisitAll(add)
	for a, to := range flagAliases {
		if cmd.Flags().Lookup(to) != nil {
			names = append(names, a)
		}
	}
	return names
}
