package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/load"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// defaultOut is where migrate writes the Flink project.
const defaultOut = "flink_out"

func (e *env) migrateCommand() *cli.Command {
	return &cli.Command{
		Name:      "migrate",
		Usage:     "migrate a Spark SQL project folder to a Flink SQL project (the default command)",
		UsageText: Name + " [migrate] [--out DIR] [--var NAME=VALUE]... [--target NAME] SPARK_DIR",
		Description: "Loads every *.sql file below SPARK_DIR (skipping hidden folders, target/\n" +
			"and dbt_packages/; files in macros/ folders are macros, not models),\n" +
			"expands its dbt-Jinja and parses it as Spark SQL;\n" +
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
			Usage: "folder `DIR` for the Flink project (not written until translation is available)",
		},
		&cli.StringSliceFlag{
			Name:  "var",
			Usage: "`NAME=VALUE` for {{ var('NAME') }} in the dbt-Jinja of the project; overrides vars: in dbt_project.yml; repeat for more",
		},
		&cli.StringFlag{
			Name:  "target",
			Value: "dev",
			Usage: "`NAME` of the dbt target, {{ target.name }} in the dbt-Jinja of the project",
		},
	}
}

// loadOptions reads the migrate flags that control loading.
func loadOptions(c *cli.Context) (load.Options, error) {
	opts := load.Options{Dialect: token.Spark, Target: c.String("target")}
	for _, v := range c.StringSlice("var") {
		name, value, ok := strings.Cut(v, "=")
		if !ok || strings.TrimSpace(name) == "" {
			return opts, usagef("migrate", "--var %q: want NAME=VALUE", v)
		}
		if opts.Vars == nil {
			opts.Vars = map[string]string{}
		}
		opts.Vars[strings.TrimSpace(name)] = value
	}
	return opts, nil
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

	opts, err := loadOptions(c)
	if err != nil {
		return err
	}
	files, diags, err := loadProject(c.Context, dir, opts)
	stmts := 0
	for _, f := range files {
		stmts += len(f.Stmts)
	}
	errs := diags.Count(diag.Error)
	fmt.Fprint(e.stdout, diags.String())
	fmt.Fprintf(e.stdout, "loaded %d statements from %d files in %s: %d errors\n", stmts, len(files), dir, errs)
	switch {
	case err != nil:
		return err
	case errs > 0:
		return exitWith(ExitInputErrors)
	}
	fmt.Fprintf(e.stderr, "%s: translation to Flink SQL is not available yet; nothing was written to %s\n", Name, c.String("out"))
	return exitWith(ExitUnavailable)
}

// loadProject loads the Spark project in dir (expanding its dbt-Jinja) and
// parses every model. Diagnostics name files as dir/path, with positions in
// the files as written. It stops early only when ctx is cancelled.
func loadProject(ctx context.Context, dir string, opts load.Options) ([]*ast.File, diag.List, error) {
	proj, diags := load.LoadProject(dir, opts)
	for _, d := range diags {
		if d.File != dir {
			d.File = filepath.Join(dir, filepath.FromSlash(d.File))
		}
	}
	var files []*ast.File
	for _, sf := range proj.Files {
		if err := ctx.Err(); err != nil {
			return files, diags, err
		}
		path := filepath.Join(dir, filepath.FromSlash(sf.Path))
		f, pd := parser.ParseFile(path, sf.Expanded, token.Spark)
		for _, d := range pd {
			d.Pos = sf.MapPos(d.Pos)
		}
		files = append(files, f)
		diags.Append(pd)
	}
	diags.Sort()
	return files, diags, nil
}
