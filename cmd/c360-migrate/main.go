// Command c360-migrate migrates a Spark SQL batch project to a Flink SQL
// streaming project. All of the command line lives in package app, so that
// tests run it in-process; main only wires the process to it.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/c360-migrate/c360-migrate/cmd/c360-migrate/app"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := app.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
