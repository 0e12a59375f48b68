package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/translate/token"
)

// defaultOut is where migrate writes the Flink project.
const defaultOut = "flink_out"

func (e *env) migrateCommand() *cli.Command {
	return &cli.Command{
		Name:      "migrate",
		Usage:     "migrate a Spark SQL project folder to a Flink SQL project (the default command)",
		UsageText: Name + " [migrate] [--out DIR] SPARK_DIR",
		Description: "Loads every *.sql file below SPARK_DIR and parses it as Spark SQL;\n" +
			"parse errors are printed as file:line:col: error: message (exit code 1).\n" +
			"Translation to Flink SQL is not available yet: when the project parses,\n" +
			"migrate says so and exits with code 3 without writing anything.",
		Flags:        migrateFlags(),
		OnUsageError: onUsageError("migrate"),
		Action:       func(c *cli.Context) error { return e.migrate(c, false) },
	}
}

// migrateFlags returns new flags for the migrate command; the root command
// takes them too, for "c360-migrate --out DIR SPARK_DIR".
func migrateFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{
			Name:  "out",
			Value: defaultOut,
			Usage: "folder for the Flink project (not written until translation is available)",
		},
	}
}

// migrate runs the migrate command; bare is true when it was reached as
// "c360-migrate SPARK_DIR", without the command name.
func (e *env) migrate(c *cli.Context, bare bool) error {
	args := c.Args().Slice()
	switch {
	case len(args) == 0:
		return usagef("migrate", "no SPARK_DIR given")
	case len(args) > 1:
		if bare {
			if _, err := os.Stat(args[0]); err != nil {
				return usagef("", "%q is neither a command nor a folder", args[0])
			}
		}
		return usagef("migrate", "want one SPARK_DIR, got %d arguments: %s (flags go before SPARK_DIR)", len(args), strings.Join(args, " "))
	}
	dir := args[0]
	info, err := os.Stat(dir)
	switch {
	case bare && errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(dir, `/\.`):
		return usagef("", "%q is neither a command nor a folder", dir)
	case err != nil:
		fmt.Fprintf(e.stderr, "%s: error: cannot read SPARK_DIR: %v\n", Name, err)
		return exitWith(ExitInputErrors)
	case !info.IsDir():
		return usagef("migrate", "SPARK_DIR %s is not a folder", dir)
	}

	spark := func(string) token.Dialect { return token.Spark }
	files, cerr := parseSources(c.Context, sqlFiles([]string{dir}), e.stdin, spark)
	stmts, errs := 0, 0
	for _, f := range files {
		errs += f.errors()
		if f.file != nil {
			stmts += len(f.file.Stmts)
		}
		fmt.Fprint(e.stdout, f.diags.String())
	}
	fmt.Fprintf(e.stdout, "loaded %d statements from %d files in %s: %d errors\n", stmts, len(files), dir, errs)
	switch {
	case cerr != nil:
		return cerr
	case errs > 0:
		return exitWith(ExitInputErrors)
	}
	fmt.Fprintf(e.stderr, "%s: translation to Flink SQL is not available yet; nothing was written to %s\n", Name, c.String("out"))
	return exitWith(ExitUnavailable)
}
