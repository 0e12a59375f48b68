// Package app is the c360-migrate command line: flags, subcommands, exit
// codes, and the wiring from them to the translate, validate and agent
// packages. It holds no migration logic of its own.
//
// Run is the only entry point. It never calls os.Exit and keeps no state
// between calls, so tests call it in-process with their own arguments and
// output buffers.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"

	"github.com/urfave/cli/v2"
)

// Exit codes of c360-migrate. They are part of the tool's interface: scripts
// and CI rely on them, so a code never changes meaning.
const (
	// ExitOK: the command did what was asked and found no error.
	ExitOK = 0
	// ExitInputErrors: the input has errors (a statement that does not
	// parse, a file or folder that cannot be read). Every error is printed
	// with its file:line:col; the other files are still processed.
	ExitInputErrors = 1
	// ExitUsage: the command line is wrong (unknown command or flag,
	// missing or extra argument, bad flag value). Nothing was processed.
	ExitUsage = 2
	// ExitNeedsLLM: migrate wrote its output, but some tables kept
	// constructs no rule translates (their residue is listed) and no LLM
	// translated them; those tables are marked needs-llm, never complete.
	ExitNeedsLLM = 3
	// ExitInternal: c360-migrate itself failed (for example, writing its
	// output). This is a bug or an environment problem, not an input error.
	ExitInternal = 4
	// ExitCheckDiff: migrate --check found that the output folder (or the
	// report folder) differs from what migrate would write; the
	// differences were printed as unified diffs. Nothing was written.
	ExitCheckDiff = 5
	// ExitVerifyDiffers: verify found a table whose Flink rows differ from
	// Spark's, or a table that could not run; the verdicts were printed.
	ExitVerifyDiffers = 6
	// ExitInterrupted: the run was cancelled (SIGINT or SIGTERM) before it
	// finished; its output is incomplete.
	ExitInterrupted = 130
)

// Name is the program name used in messages and help.
const Name = "c360-migrate"

// Version is the program version. `make build` sets it with
// -ldflags "-X .../app.Version=..."; a plain `go build` reports "dev".
var Version = "dev"

// Run runs c360-migrate with args (without the program name) and returns the
// process exit code, one of the Exit* constants.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &env{stdin: stdin, stdout: stdout, stderr: stderr, args: args}
	err := env.newApp().RunContext(ctx, append([]string{Name}, args...))
	return env.exitCode(ctx, err)
}

// env is what the commands of one Run share: the process streams.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	args           []string // the command line, for the pull-request description
}

// usageError is a mistake on the command line; it exits with ExitUsage.
type usageError struct {
	msg  string
	help string // command whose help the message points to, "" for the root
}

func (e *usageError) Error() string { return e.msg }

func usagef(help, format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...), help: help}
}

// exitError ends a command with a code; what needed saying was printed.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit code %d", e.code) }

func exitWith(code int) error {
	if code == ExitOK {
		return nil
	}
	return &exitError{code: code}
}

// exitCode maps the error returned by the cli package to an exit code and
// prints what the user needs to know about it.
func (e *env) exitCode(ctx context.Context, err error) int {
	var ue *usageError
	var xe *exitError
	var ce cli.ExitCoder
	if errors.As(err, &ce) && !errors.As(err, &xe) {
		// The cli package reports a few usage mistakes this way, such as
		// "help" for a command that does not exist.
		err = &usageError{msg: ce.Error()}
	}
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &xe):
		return xe.code
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "%s: usage error: %s\n", Name, ue.msg)
		if ue.help != "" {
			fmt.Fprintf(e.stderr, "Run '%s help %s' for usage.\n", Name, ue.help)
		} else {
			fmt.Fprintf(e.stderr, "Run '%s --help' for usage.\n", Name)
		}
		return ExitUsage
	case ctx.Err() != nil:
		fmt.Fprintf(e.stderr, "%s: interrupted: %v\n", Name, err)
		return ExitInterrupted
	default:
		fmt.Fprintf(e.stderr, "%s: error: %v\n", Name, err)
		return ExitInternal
	}
}

func (e *env) newApp() *cli.App {
	return &cli.App{
		Name:  Name,
		Usage: "migrate a Spark SQL batch project to a Flink SQL streaming project",
		UsageText: Name + " [migrate] [--out DIR] [--product P] [--profile confluent|oss] [--report DIR] SPARK_DIR\n" +
			Name + " parse [--dialect spark|flink|auto] [--json] PATH...\n" +
			Name + " lint [--profile confluent|oss] [--sarif FILE] FLINK_DIR\n" +
			Name + " validate [--gateway URL|local | --confluent] FLINK_DIR\n" +
			Name + " plan FLINK_DIR --table T\n" +
			Name + " deploy FLINK_DIR --gateway URL|local [--table T] [--dry-run]\n" +
			Name + " graph [--format mermaid|dot] FLINK_DIR\n" +
			Name + " version",
		Description: "A bare '" + Name + " SPARK_DIR' runs the migrate command.\n" +
			"Exit codes: 0 ok, 1 errors in the input (or findings), 2 usage error,\n" +
			"3 some tables need the LLM, 4 internal error or no gateway,\n" +
			"5 migrate --check found differences, 130 interrupted.",
		HideVersion: true,
		// --var NAME=VALUE takes the value whole, commas included.
		DisableSliceFlagSeparator: true,
		Reader:                    e.stdin,
		Writer:                    e.stdout,
		ErrWriter:                 e.stderr,
		// The cli package would call os.Exit for errors that carry an exit
		// code; Run turns errors into codes itself.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError:   onUsageError(""),
		Flags:          migrateFlags(),
		Action: func(c *cli.Context) error {
			if !c.Args().Present() {
				return usagef("", "no SPARK_DIR given (usage: %s [migrate] [flags] SPARK_DIR)", Name)
			}
			return e.migrate(c, true)
		},
		Commands: []*cli.Command{
			e.migrateCommand(),
			e.parseCommand(),
			e.validateCommand(),
			e.lintCommand(),
			e.planCommand(),
			e.deployCommand(),
			e.graphCommand(),
			e.verifyCommand(),
			e.versionCommand(),
		},
	}
}

// onUsageError turns the cli package's flag errors (unknown flag, missing
// value) into a usageError instead of letting it print help on stdout.
func onUsageError(command string) cli.OnUsageErrorFunc {
	return func(_ *cli.Context, err error, _ bool) error {
		return &usageError{msg: err.Error(), help: command}
	}
}

func (e *env) versionCommand() *cli.Command {
	return &cli.Command{
		Name:      "version",
		Usage:     "print the version of " + Name,
		UsageText: Name + " version",
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("version", "version takes no arguments, got %q", c.Args().First())
			}
			_, err := fmt.Fprintf(e.stdout, "%s %s (%s %s/%s)\n", Name, Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return err
		},
		OnUsageError: onUsageError("version"),
	}
}
