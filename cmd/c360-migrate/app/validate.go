package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/validate/confluent"
	"github.com/c360-migrate/c360-migrate/validate/dryrun"
	"github.com/c360-migrate/c360-migrate/validate/gateway"
	"github.com/c360-migrate/c360-migrate/validate/localflink"
)

func (e *env) validateCommand() *cli.Command {
	return &cli.Command{
		Name:  "validate",
		Usage: "dry-run a Flink project on a real Flink: create every table, EXPLAIN every INSERT",
		UsageText: Name + " validate [--gateway URL|local] [--profile confluent|oss] [--json] FLINK_DIR\n" +
			Name + " validate --confluent [--confluent-config FILE] [--json] FLINK_DIR",
		Description: "Reads FLINK_DIR/pipelines/inventory.json and, in one Flink SQL Gateway\n" +
			"session and in dependency order, creates every table (the Confluent DDL\n" +
			"adapted for open-source Flink, each change listed), then runs EXPLAIN\n" +
			"CHANGELOG_MODE on every INSERT and compares the changes it produces with\n" +
			"what the sink declares. Flink's errors are printed as file:line:col of the\n" +
			"generated file, with the Spark file. --gateway local (the default) uses the\n" +
			"local gateway of `make flink-up`, or starts one and stops it at the end.\n" +
			"Exit code 0 when every table dry-runs clean, 1 on findings.\n\n" +
			"--confluent runs the dry run on Confluent Cloud for Apache Flink instead,\n" +
			"through its statements REST API: each complete table's INSERT is submitted\n" +
			"as EXPLAIN in a statement named <prefix>-dryrun-<table>-<random>, its plan\n" +
			"or its error read back (errors at file:line:col), and every statement is\n" +
			"deleted afterwards, also on failure or Ctrl-C. The DDL is not run there\n" +
			"(CREATE TABLE would create a topic): the tables must exist in the catalog\n" +
			"and database; the local dry run checks the DDL. Settings come from\n" +
			"--confluent-config FILE (YAML keys in parentheses) and from environment\n" +
			"variables, which win:\n" +
			"  CONFLUENT_FLINK_API_KEY, CONFLUENT_FLINK_API_SECRET (api_key, api_secret):\n" +
			"      a Flink API key of the environment and region; never printed\n" +
			"  CONFLUENT_ORG_ID (organization_id), CONFLUENT_ENV_ID (environment_id)\n" +
			"  CONFLUENT_COMPUTE_POOL_ID (compute_pool_id; empty: the default pool)\n" +
			"  CONFLUENT_CLOUD_PROVIDER, CONFLUENT_CLOUD_REGION (cloud, region): the\n" +
			"      endpoint https://flink.<region>.<cloud>.confluent.cloud, or\n" +
			"  CONFLUENT_FLINK_REST_ENDPOINT (endpoint): another endpoint\n" +
			"  CONFLUENT_FLINK_CATALOG, CONFLUENT_FLINK_DATABASE (catalog, database):\n" +
			"      sql.current-catalog (environment name), sql.current-database\n" +
			"      (Kafka cluster name)\n" +
			"  CONFLUENT_FLINK_PRINCIPAL (principal), CONFLUENT_STATEMENT_PREFIX\n" +
			"      (statement_prefix, default c360): optional",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gateway", Value: "local", Usage: "SQL Gateway `URL`, or local"},
			&cli.StringFlag{Name: "profile", Usage: "`PROFILE` of the project: confluent (adapt the DDL) or oss (as written); default: the inventory's"},
			&cli.BoolFlag{Name: "json", Usage: "print the report as JSON"},
			&cli.DurationFlag{Name: "timeout", Value: 2 * time.Minute, Usage: "bound on each statement"},
			&cli.BoolFlag{Name: "confluent", Usage: "dry-run on Confluent Cloud (statements API) instead of a SQL Gateway"},
			&cli.StringFlag{Name: "confluent-config", Usage: "YAML `FILE` with the Confluent Cloud settings (implies --confluent)"},
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
	if c.Bool("confluent") || c.IsSet("confluent-config") {
		if c.IsSet("gateway") {
			return usagef("validate", "--confluent and --gateway exclude each other")
		}
		if profile == dryrun.OSS {
			return usagef("validate", "--confluent dry-runs confluent-profile projects, not --profile oss")
		}
		return e.validateConfluent(c)
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
	return e.report(c, r)
}

// report prints a dry-run report and returns its exit code.
func (e *env) report(c *cli.Context, r *dryrun.Report) error {
	var err error
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

// validateConfluent is validate --confluent: the dry run on Confluent
// Cloud's statements API. Errors name the setting to fix; the API secret
// is never printed.
func (e *env) validateConfluent(c *cli.Context) error {
	cfg, err := confluent.LoadConfig(c.String("confluent-config"), os.Getenv)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", Name, err)
		return exitWith(ExitUsage)
	}
	client := confluent.New(cfg, nil)
	var log io.Writer
	if !c.Bool("json") {
		log = &prefixWriter{w: e.stderr, prefix: Name + ": confluent: "}
	}
	r, err := confluent.Run(c.Context, client, c.Args().First(), confluent.Options{StatementTimeout: c.Duration("timeout"), Log: log})
	var ce *confluent.CleanupError
	if errors.As(err, &ce) && r != nil {
		fmt.Fprintf(e.stderr, "%s: warning: %v\n", Name, err)
		err = nil
	}
	if err != nil {
		var ae *confluent.AuthError
		var ue *confluent.UnavailableError
		if errors.As(err, &ae) || errors.As(err, &ue) {
			fmt.Fprintf(e.stderr, "%s: %v\n", Name, err)
			return exitWith(ExitInternal)
		}
		return err
	}
	return e.report(c, r)
}

// prefixWriter writes each line with a prefix.
type prefixWriter struct {
	w      io.Writer
	prefix string
}

func (p *prefixWriter) Write(b []byte) (int, error) {
	for _, l := range strings.SplitAfter(string(b), "\n") {
		if l == "" {
			continue
		}
		if _, err := io.WriteString(p.w, p.prefix+l); err != nil {
			return 0, err
		}
	}
	return len(b), nil
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
