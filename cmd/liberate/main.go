// Command liberate runs Liberating Structures workshops from the terminal.
package main

import (
	"context"
	"os"

	"liberate/internal/cli"
)

func main() {
	os.Exit(cli.Main(context.Background(), cli.NewApp(), os.Args[1:]))
}
