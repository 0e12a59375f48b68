package app

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/validate/deploy"
)

func (e *env) planCommand() *cli.Command {
	return &cli.Command{
		Name:      "plan",
		Usage:     "print the execution plan of a table: its ancestors, itself, its children to restart",
		UsageText: Name + " plan FLINK_DIR --table T [--env dev] [--region usw2] [--json]",
		Description: "Reads FLINK_DIR/pipelines/inventory.json and prints, one row per table, what\n" +
			"must exist and run before T (its raw inputs and ancestors, in dependency\n" +
			"order), T itself, and the tables that read T (to restart after it): order,\n" +
			"table, layer, role, DDL and DML statement names\n" +
			"(<env>-<region>-<product>-{ddl|dml}-<table-in-kebab-case>), upgrade mode\n" +
			"(Stateless: a projection or filter over append-only input; Stateful:\n" +
			"aggregation, join, dedup/Top-N, OVER window or an updating input, derived\n" +
			"from the DML's Flink AST) and action (create, restart, none for raw inputs,\n" +
			"blocked for a table whose DML is not complete). Flags may follow FLINK_DIR.\n" +
			"Exit code 0, 1 for an unknown table or an unreadable project.",
		Flags:        planFlags(),
		OnUsageError: onUsageError("plan"),
		Action:       e.plan,
	}
}

func planFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "table", Usage: "the `TABLE` to plan (required)"},
		&cli.StringFlag{Name: "env", Value: "dev", Usage: "`ENV` part of the statement names"},
		&cli.StringFlag{Name: "region", Value: "usw2", Usage: "`REGION` part of the statement names"},
		&cli.BoolFlag{Name: "json", Usage: "print the plan as JSON"},
	}
}

func (e *env) plan(c *cli.Context) error {
	dir, fl, err := dirAndFlags(c, "plan")
	if err != nil {
		return err
	}
	table := fl.str("table")
	if table == "" {
		return usagef("plan", "plan needs --table T")
	}
	p, err := deploy.Load(dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: error: %v\n", Name, err)
		return exitWith(ExitInputErrors)
	}
	pl, err := p.PlanTable(table, deploy.Options{Env: fl.str("env"), Region: fl.str("region")})
	if err != nil {
		var ut *deploy.UnknownTableError
		if errors.As(err, &ut) {
			fmt.Fprintf(e.stderr, "%s: error: %v\n", Name, err)
			fmt.Fprintf(e.stderr, "Tables of %s: %s\n", dir, strings.Join(p.Tables(), ", "))
			return exitWith(ExitInputErrors)
		}
		fmt.Fprintf(e.stderr, "%s: error: %v\n", Name, err)
		return exitWith(ExitInputErrors)
	}
	if fl.bool("json") {
		return pl.WriteJSON(e.stdout)
	}
	return pl.WriteText(e.stdout)
}

// lateFlags holds the command's flag values, including those written after
// FLINK_DIR (the cli package stops reading flags at the first argument).
type lateFlags struct {
	c    *cli.Context
	late map[string]string
}

func (f *lateFlags) str(name string) string {
	if v, ok := f.late[name]; ok {
		return v
	}
	return f.c.String(name)
}

func (f *lateFlags) bool(name string) bool {
	if v, ok := f.late[name]; ok {
		return v == "true"
	}
	return f.c.Bool(name)
}

// dirAndFlags returns the one FLINK_DIR argument and the flags, reading
// those that follow FLINK_DIR with the command's own flag definitions.
func dirAndFlags(c *cli.Context, command string) (string, *lateFlags, error) {
	args := c.Args().Slice()
	if len(args) == 0 {
		return "", nil, usagef(command, "%s takes one FLINK_DIR, got none", command)
	}
	fl := &lateFlags{c: c, late: map[string]string{}}
	dir, rest := args[0], args[1:]
	if len(rest) == 0 {
		return dir, fl, nil
	}
	set := flag.NewFlagSet(command, flag.ContinueOnError)
	set.SetOutput(io.Discard)
	for _, f := range c.Command.Flags {
		if err := f.Apply(set); err != nil {
			return "", nil, err
		}
	}
	if err := set.Parse(rest); err != nil {
		return "", nil, usagef(command, "%v", err)
	}
	if set.NArg() > 0 {
		return "", nil, usagef(command, "%s takes one FLINK_DIR, got %d arguments", command, 1+set.NArg())
	}
	set.Visit(func(f *flag.Flag) { fl.late[f.Name] = f.Value.String() })
	return dir, fl, nil
}
