package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/validate/dryrun"
	"github.com/c360-migrate/c360-migrate/validate/gateway"
	"github.com/c360-migrate/c360-migrate/validate/localflink"
)

func (e *env) validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "dry-run a Flink project on a real Flink: create every table, EXPLAIN every INSERT",
		UsageText: Name + " validate [--gateway URL|local] [--profile confluent|oss] [--json] FLINK_DIR",
		Description: "Reads FLINK_DIR/pipelines/inventory.json and, in one Flink SQL Gateway\n" +
			"session and in dependency order, creates every table (the Confluent DDL\n" +
			"adapted for open-source Flink, each change listed), then runs EXPLAIN\n" +
			"CHANGELOG_MODE on every INSERT and compares the changes it produces with\n" +
			"what the sink declares. Flink's errors are printed as file:line:col of the\n" +
			"generated file, with the Spark file. --gateway local (the default) uses the\n" +
			"local gateway of `make flink-up`, or starts one and stops it at the end.\n" +
			"Exit code 0 when every table dry-runs clean, 1 on findings.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gateway", Value: "local", Usage: "SQL Gateway `URL`, or local"},
			&cli.StringFlag{Name: "profile", Usage: "`PROFILE` of the project: confluent (adapt the DDL) or oss (as written); default: the inventory's"},
			&cli.BoolFlag{Name: "json", Usage: "print the report as JSON"},
			&cli.DurationFlag{Name: "timeout", Value: 2 * time.Minute, Usage: "bound on each statement"},
		},
		OnUsageError: onUsageError("validate"),
		Action:       e.validate,
	}
}

func (e *env) validate(c *cli.Context) error {
	if c.NArg() != 1 {
		return usagef("validate", "validate takes one FLINK_DIR, got %d arguments", c.NArg())
	}
	if err := flagsAfterPaths(c.Args().Slice()); err != nil {
		return usagef("validate", "%v", err)
	}
	profile := c.String("profile")
	if profile != "" && profile != dryrun.Confluent && profile != dryrun.OSS {
		return usagef("validate", "--profile must be confluent or oss, not %q", profile)
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
	r, err := dryrun.Run(ctx, gateway.New(url, nil), c.Args().First(), dryrun.Options{Profile: profile, StatementTimeout: c.Duration("timeout")})
	if err != nil {
		var ue *gateway.UnavailableError
		if errors.As(err, &ue) {
			fmt.Fprintf(e.stderr, "%s: %v\n", Name, err)
			return exitWith(ExitInternal)
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
	if !r.OK() {
		return exitWith(ExitInputErrors)
	}
	return nil
}

// localGateway returns the URL of the local gateway: the running one, or a
// new one that stop shuts down.
func localGateway(ctx context.Context, e *env) (string, func(), error) {
	if url, ok, err := localflink.Status(ctx); err == nil && ok {
		return url, func() {}, nil
	}
	fmt.Fprintf(e.stderr, "%s: starting a local Flink SQL Gateway (the first start downloads its jars)\n", Name)
	var log bytes.Buffer
	url, err := localflink.Up(ctx, &log)
	if err != nil {
		return "", nil, err
	}
	stop := func() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if err := localflink.Down(sctx); err != nil {
			fmt.Fprintf(e.stderr, "%s: warning: stopping the local gateway: %v\n", Name, err)
		}
	}
	return url, stop, nil
}
