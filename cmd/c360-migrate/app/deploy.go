package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/validate/deploy"
	"github.com/c360-migrate/c360-migrate/validate/dryrun"
	"github.com/c360-migrate/c360-migrate/validate/gateway"
)

func (e *env) deployCommand() *cli.Command {
	return &cli.Command{
		Name:  "deploy",
		Usage: "deploy a Flink project on a SQL Gateway: the DDL then the DML of each table, in dependency order",
		UsageText: Name + " deploy FLINK_DIR --gateway URL|local [--table T] [--dry-run] [--profile confluent|oss]\n" +
			"    [--env dev] [--region usw2] [--timeout 2m]",
		Description: "Runs, in the order of `" + Name + " plan` (every table, or T with its raw\n" +
			"inputs and ancestors), the DDL then the DML of each table in one Flink SQL\n" +
			"Gateway session, printing a timestamped line per step, and stops at the\n" +
			"first statement Flink rejects with its error at file:line. Each INSERT is\n" +
			"submitted as a job named after its DML statement. Raw inputs have their\n" +
			"table declared (no DML). Tables whose DML is not complete (status needs-llm\n" +
			"or failed) are refused before anything runs. --profile confluent (default:\n" +
			"the inventory's) adapts each DDL for open-source Flink as `validate` does;\n" +
			"oss runs it as written. --dry-run prints the steps without a gateway.\n" +
			"--gateway local uses the gateway of `make flink-up`, or starts one.\n" +
			"Exit code 0 when every statement ran, 1 on a rejected statement or a\n" +
			"refused table. Flags may follow FLINK_DIR.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gateway", Usage: "SQL Gateway `URL`, or local (required unless --dry-run)"},
			&cli.StringFlag{Name: "table", Usage: "deploy only `TABLE` and its ancestors"},
			&cli.BoolFlag{Name: "dry-run", Usage: "print the steps without running them"},
			&cli.StringFlag{Name: "profile", Usage: "`PROFILE` of the project: confluent (adapt the DDL) or oss (as written); default: the inventory's"},
			&cli.StringFlag{Name: "env", Value: "dev", Usage: "`ENV` part of the statement names"},
			&cli.StringFlag{Name: "region", Value: "usw2", Usage: "`REGION` part of the statement names"},
			&cli.DurationFlag{Name: "timeout", Value: 2 * time.Minute, Usage: "bound on each statement"},
		},
		OnUsageError: onUsageError("deploy"),
		Action:       e.deploy,
	}
}

func (e *env) deploy(c *cli.Context) error {
	dir, fl, err := dirAndFlags(c, "deploy")
	if err != nil {
		return err
	}
	profile := fl.str("profile")
	if profile != "" && profile != deploy.Confluent && profile != deploy.OSS {
		return usagef("deploy", "--profile must be confluent or oss, not %q", profile)
	}
	dry := fl.bool("dry-run")
	url := fl.str("gateway")
	if url == "" && !dry {
		return usagef("deploy", "deploy needs --gateway URL|local (or --dry-run)")
	}
	timeout := c.Duration("timeout")
	if v, ok := fl.late["timeout"]; ok {
		if timeout, err = time.ParseDuration(v); err != nil {
			return usagef("deploy", "--timeout: %v", err)
		}
	}
	p, err := deploy.Load(dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: error: %v\n", Name, err)
		return exitWith(ExitInputErrors)
	}
	if profile == "" {
		profile = p.Inv.Profile
	}
	opts := deploy.DeployOptions{
		Options:          deploy.Options{Env: fl.str("env"), Region: fl.str("region")},
		Table:            fl.str("table"),
		DryRun:           dry,
		Profile:          profile,
		Trace:            e.stdout,
		StatementTimeout: timeout,
	}
	var gw *gateway.Client
	if !dry {
		if profile != deploy.OSS {
			a, err := ossAdapter(p)
			if err != nil {
				fmt.Fprintf(e.stderr, "%s: error: %v\n", Name, err)
				return exitWith(ExitInternal)
			}
			opts.Adapt = a
		}
		if url == "local" {
			u, stop, err := localGateway(c.Context, e)
			if err != nil {
				return err
			}
			defer stop()
			url = u
		}
		gw = gateway.New(url, nil)
	}
	_, err = deploy.Deploy(c.Context, gw, p, opts)
	if err == nil {
		return nil
	}
	var se *deploy.StepError
	var re *deploy.RefusedError
	var ut *deploy.UnknownTableError
	var ue *gateway.UnavailableError
	switch {
	case errors.As(err, &se):
		fmt.Fprintf(e.stderr, "%s: deploy stopped: %v\n", Name, se)
		return exitWith(ExitInputErrors)
	case errors.As(err, &re), errors.As(err, &ut):
		fmt.Fprintf(e.stderr, "%s: error: %v\n", Name, err)
		return exitWith(ExitInputErrors)
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "%s: %v\n", Name, err)
		return exitWith(ExitInternal)
	}
	return err
}

// ossAdapter returns the DDL adaptation for open-source Flink of
// validate/dryrun, for the confluent profile on an open-source gateway.
//
// ossAdapter adapts a Confluent Cloud project's DDL for an open-source SQL
// Gateway, the way the dry run does.
func ossAdapter(p *deploy.Project) (deploy.Adapter, error) {
	rowtime := dryrun.RowtimeReaders(p.Dir, p.Inv)
	return func(ct *ast.CreateTable, changelog string) []string {
		return dryrun.Adapt(ct, changelog, rowtime[strings.ToLower(ct.Name.Last().Name)])
	}, nil
}
