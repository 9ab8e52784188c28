package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

// Version is the release version, set at link time with
// -ldflags "-X main.Version=v1.2.3".
var Version = "dev"

// VersionCommand prints the version of annals.
type VersionCommand struct{ *Main }

// Synopsis describes the command in one line.
func (c *VersionCommand) Synopsis() string { return "print the version" }

// Usage prints the command's help.
func (c *VersionCommand) Usage() { fmt.Fprintln(c.Stderr, "Usage: annals version") }

// Run prints the version, the Go version and the VCS revision if known.
func (c *VersionCommand) Run(ctx context.Context, args []string) error {
	rev := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				rev = " " + s.Value[:12]
			}
		}
	}
	fmt.Fprintf(c.Stdout, "annals %s%s (%s %s/%s)\n", Version, rev, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
