package app

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/validate/gateway"
	"github.com/c360-migrate/c360-migrate/validate/verify"
)

func (e *env) verifyCommand() *cli.Command {
	return &cli.Command{
		Name:      "verify",
		Usage:     "run the Spark project and its Flink migration on the same CSV data and compare every table",
		UsageText: Name + " verify [--data DIR]... [--json] [--report DIR] [--tracking] [--gateway URL|local] [--now TIME] SPARK_DIR FLINK_DIR",
		Description: "Runs SPARK_DIR on local Spark (pyspark 3.5.8 from PyPI, installed by\n" +
			"validate/sparkenv/venv.sh into .venv, or $C360_SPARK_VENV) and the DML of\n" +
			"FLINK_DIR on a Flink SQL Gateway in batch mode over the same CSV files (raw\n" +
			"inputs as filesystem CSV tables, tables as filesystem JSON tables in a\n" +
			"temporary folder), then compares each table as a multiset of rows:\n" +
			"decimals by value, timestamps and dates canonical, floats within a relative\n" +
			"1e-9, an upsert table by its last row per primary key. Expressions reading\n" +
			"the current date or time get the instant --now on both sides (UTC).\n" +
			"Prints one verdict per table: equal, differs (counts and the first differing\n" +
			"rows side by side) or could not run (why). Exit 0 when every table is equal,\n" +
			"6 when one differs or could not run, 1 on input errors, 4 when no gateway\n" +
			"answers. The gateway must see this machine's files (a local one).",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "data", Usage: "`DIR` to resolve the CSV paths of SPARK_DIR in (repeat, or comma-separated); default: ., SPARK_DIR's parent, SPARK_DIR"},
			&cli.BoolFlag{Name: "json", Usage: "print the verdicts as JSON"},
			&cli.StringFlag{Name: "report", Usage: "also write the verdicts into report.md, junit.xml and verify.json of `DIR`"},
			&cli.BoolFlag{Name: "tracking", Usage: "also write each table's verdict into its tracking.md in FLINK_DIR"},
			&cli.StringFlag{Name: "gateway", Value: "local", Usage: "SQL Gateway `URL`, or local"},
			&cli.StringFlag{Name: "now", Value: verify.DefaultNow.Format(time.RFC3339), Usage: "the pinned `TIME` (RFC 3339)"},
			&cli.DurationFlag{Name: "timeout", Value: 2 * time.Minute, Usage: "bound on each Flink statement"},
		},
		OnUsageError: onUsageError("verify"),
		Action:       e.verify,
	}
}

func (e *env) verify(c *cli.Context) error {
	if err := flagsAfterPaths(c.Args().Slice()); err != nil {
		return usagef("verify", "%v", err)
	}
	if c.NArg() != 2 {
		return usagef("verify", "verify takes SPARK_DIR and FLINK_DIR, got %d arguments", c.NArg())
	}
	now, err := time.Parse(time.RFC3339, c.String("now"))
	if err != nil {
		return usagef("verify", "--now must be an RFC 3339 time such as 2024-06-15T12:00:00Z, not %q", c.String("now"))
	}
	var data []string
	for _, d := range c.StringSlice("data") {
		for _, p := range strings.Split(d, ",") {
			if p = strings.TrimSpace(p); p != "" {
				data = append(data, p)
			}
		}
	}
	sparkDir, flinkDir := c.Args().Get(0), c.Args().Get(1)
	// Wrong folders are said before any engine starts.
	if st, err := os.Stat(sparkDir); err != nil || !st.IsDir() {
		fmt.Fprintf(e.stderr, "%s: error: %s: not a folder (SPARK_DIR)\n", Name, sparkDir)
		return exitWith(ExitInputErrors)
	}
	if _, err := emit.ReadInventory(flinkDir); err != nil {
		fmt.Fprintf(e.stderr, "%s: error: %v\n", Name, err)
		return exitWith(ExitInputErrors)
	}
	ctx := c.Context
	url := c.String("gateway")
	if url == "local" {
		u, stop, err := localGateway(ctx, e)
		if err != nil {
			return err
		}
		defer stop()
		url = u
	}
	r, err := verify.Run(ctx, gateway.New(url, nil), sparkDir, flinkDir,
		verify.Options{DataDirs: data, Now: now, StatementTimeout: c.Duration("timeout")})
	if err != nil {
		var ue *gateway.UnavailableError
		var ie *verify.InputError
		switch {
		case errors.As(err, &ue):
			fmt.Fprintf(e.stderr, "%s: %v\n", Name, err)
			return exitWith(ExitInternal)
		case errors.As(err, &ie):
			fmt.Fprintf(e.stderr, "%s: error: %v\n", Name, err)
			return exitWith(ExitInputErrors)
		}
		return err
	}
	if c.Bool("json") {
		err = r.WriteJSON(e.stdout)
	} else {
		err = r.WriteText(e.stdout)
	}
	if err != nil {
		return err
	}
	if dir := c.String("report"); dir != "" {
		if err := r.WriteReport(dir); err != nil {
			fmt.Fprintf(e.stderr, "%s: error: writing the report: %v\n", Name, err)
			return exitWith(ExitInternal)
		}
	}
	if c.Bool("tracking") {
		if err := r.WriteTracking(flinkDir); err != nil {
			fmt.Fprintf(e.stderr, "%s: error: writing tracking.md: %v\n", Name, err)
			return exitWith(ExitInternal)
		}
	}
	if !r.OK() {
		return exitWith(ExitVerifyDiffers)
	}
	return nil
}
