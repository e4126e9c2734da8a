package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"
)

func newVersionCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print the version of underlag",
		Example: "  underlag version",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(a.out, "underlag %s\n", versionDetail(a.version))
			return err
		},
	}
}

// versionDetail is the version with the Go release and platform, the one
// string that `underlag version`, `underlag --version` and -v print.
func versionDetail(v string) string {
	return fmt.Sprintf("%s (%s, %s/%s)", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
