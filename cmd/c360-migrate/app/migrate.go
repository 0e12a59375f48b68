package app

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/translate/ddl"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/translate/load"
	"github.com/c360-migrate/c360-migrate/translate/migrate"
	"github.com/c360-migrate/c360-migrate/translate/report"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/translate/token"
	"github.com/c360-migrate/c360-migrate/validate/dryrun"
	"github.com/c360-migrate/c360-migrate/validate/gateway"
	"github.com/c360-migrate/c360-migrate/validate/lint"
)

// defaultOut is where migrate writes the Flink project.
const defaultOut = "flink_out"

func (e *env) migrateCommand() *cli.Command {
	return &cli.Command{
		Name:  "migrate",
		Usage: "migrate a Spark SQL project folder to a Flink SQL project (the default command)",
		UsageText: Name + " [migrate] [--out DIR] [--product P] [--profile confluent|oss] [--report DIR]\n" +
			"   [--var NAME=VALUE]... [--target NAME] [--branch NAME [--force]] [--pr-description FILE] SPARK_DIR",
		Description: "Loads every *.sql file below SPARK_DIR (skipping hidden folders, target/\n" +
			"and dbt_packages/; files in macros/ folders are macros, not models),\n" +
			"expands its dbt-Jinja, parses it as Spark SQL, and translates each table\n" +
			"with the deterministic rules into pipelines/<layer>/<product>/<table>/ under\n" +
			"--out. Tables with constructs no rule translates are written marked\n" +
			"needs-llm with their residue listed (exit code 3). Input errors are printed\n" +
			"as file:line:col: error: message (exit code 1); the other tables are still\n" +
			"written. With --branch NAME the output is committed on a new git branch\n" +
			"instead (one commit per table, then the shared files and PULL_REQUEST.md);\n" +
			"the working tree is not touched.",
		Flags:        migrateFlags(),
		OnUsageError: onUsageError("migrate"),
		Action:       func(c *cli.Context) error { return e.migrate(c, false) },
	}
}

// migrateFlags returns new flags for the migrate command; the root command
// takes them too, for "c360-migrate --out DIR SPARK_DIR".
func migrateFlags() []cli.Flag {
	return append(append(llmFlags(), branchFlags()...),
		&cli.StringFlag{Name: "config", Usage: "read settings from the YAML `FILE` (keys: product, profile, out, report, buckets, schema_context, bootstrap_servers, format, schema_registry_url, env, region, target, vars); flags win"},
		&cli.StringFlag{Name: "out", Value: defaultOut, Usage: "folder `DIR` for the Flink project"},
		&cli.StringFlag{Name: "product", Usage: "product name `P` used in table names and folders (default: the name of SPARK_DIR)"},
		&cli.StringFlag{Name: "profile", Value: "confluent", Usage: "target `PROFILE`: confluent (Confluent Cloud for Apache Flink) or oss (Apache Flink 2.x with kafka/upsert-kafka)"},
		&cli.StringFlag{Name: "report", Usage: "also write report.md, report.json and junit.xml into `DIR`"},
		checkFlag(),
		&cli.StringFlag{Name: "sarif", Usage: "also write every finding (input errors, residue, streaming notes, lint) as SARIF 2.1.0 to `FILE`"},
		&cli.IntFlag{Name: "buckets", Value: 1, Usage: "`N` in DISTRIBUTED BY HASH(key) INTO N BUCKETS (confluent)"},
		&cli.StringFlag{Name: "schema-context", Value: ".flink-dev", Usage: "Schema Registry `CONTEXT` of the avro-registry formats (confluent)"},
		&cli.StringFlag{Name: "bootstrap-servers", Value: "localhost:9092", Usage: "Kafka `SERVERS` of the kafka connectors (oss)"},
		&cli.StringFlag{Name: "format", Value: "json", Usage: "`FORMAT` of the kafka connectors: json or avro-confluent (oss)"},
		&cli.StringFlag{Name: "schema-registry-url", Usage: "`URL` of the schema registry for avro-confluent (oss)"},
		&cli.StringFlag{Name: "env", Value: "dev", Usage: "`ENV` part of statement names (<env>-<region>-<product>-dml-<table>)"},
		&cli.StringFlag{Name: "region", Value: "usw2", Usage: "`REGION` part of statement names"},
		&cli.BoolFlag{Name: "skip-dry-run", Usage: "do not dry-run the translated tables on a Flink SQL Gateway before writing them"},
		&cli.StringFlag{Name: "gateway", Value: "local", Usage: "Flink SQL Gateway `URL` for the dry run, or local (start or reuse the local one; skipped with a note when Java or Maven is missing)"},
		&cli.StringSliceFlag{Name: "exclude", Usage: "leave out project files matching the glob `PATTERN` (relative path or base name, e.g. consolidated_*.sql); repeat for more"},
		&cli.StringSliceFlag{
			Name:  "var",
			Usage: "`NAME=VALUE` for {{ var('NAME') }} in the dbt-Jinja of the project; overrides vars: in dbt_project.yml; repeat for more",
		},
		&cli.StringFlag{
			Name:  "target",
			Value: "dev",
			Usage: "`NAME` of the dbt target, {{ target.name }} in the dbt-Jinja of the project",
		},
	)
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

// migrateOptions reads the translation flags.
func migrateOptions(c *cli.Context, lo load.Options) (migrate.Options, error) {
	profile, err := ddl.ParseProfile(c.String("profile"))
	if err != nil {
		return migrate.Options{}, usagef("migrate", "--profile: %v", err)
	}
	if f := c.String("format"); f != "json" && f != "avro-confluent" {
		return migrate.Options{}, usagef("migrate", "--format %q: want json or avro-confluent", f)
	}
	for _, p := range c.StringSlice("exclude") {
		if _, err := path.Match(p, ""); err != nil {
			return migrate.Options{}, usagef("migrate", "--exclude %q: %v", p, err)
		}
	}
	return migrate.Options{
		Exclude: c.StringSlice("exclude"),
		Product: strings.ToLower(c.String("product")),
		Vars:    lo.Vars,
		Target:  lo.Target,
		DDL: ddl.Options{
			Profile:           profile,
			Buckets:           c.Int("buckets"),
			SchemaContext:     c.String("schema-context"),
			BootstrapServers:  c.String("bootstrap-servers"),
			Format:            c.String("format"),
			SchemaRegistryURL: c.String("schema-registry-url"),
		},
	}, nil
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
	if err := applyConfig(c); err != nil {
		return usagef("migrate", "%v", err)
	}
	lo, err := loadOptions(c)
	if err != nil {
		return err
	}
	opts, err := migrateOptions(c, lo)
	if err != nil {
		return err
	}
	repo, err := e.openReview(c)
	if err != nil {
		return err
	}
	if err := c.Context.Err(); err != nil {
		return err
	}
	run, err := migrate.Run(dir, opts)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: error: %v\n", Name, err)
		return exitWith(ExitInputErrors)
	}
	// Findings name files as SPARK_DIR/path, as the user wrote them.
	prefix := func(ds []*diag.Diagnostic) {
		for _, d := range ds {
			if d.File != "" && d.File != dir && !strings.HasPrefix(d.File, dir) {
				d.File = filepath.Join(dir, filepath.FromSlash(d.File))
			}
		}
	}
	prefix(run.Diags)
	for _, t := range run.Tables {
		prefix(t.Residue)
		prefix(t.Notes)
	}
	run.Diags.Sort()
	// Validate before writing: what Flink cannot run becomes residue.
	lint.CheckRun(run, "") // generated files named as pipelines/..., relative to --out
	fmt.Fprint(e.stdout, run.Diags.String())
	e.llm(c, run, llmOut(c, repo))
	if !c.Bool("skip-dry-run") {
		e.dryRun(c, run)
	}
	if err := c.Context.Err(); err != nil {
		return err
	}
	if c.Bool("check") {
		return e.check(c, run)
	}
	if repo != nil {
		return e.publish(c, run, repo)
	}
	out := c.String("out")
	if _, err := emit.Write(run, out, emit.Options{Env: c.String("env"), Region: c.String("region")}); err != nil {
		fmt.Fprintf(e.stderr, "%s: error: writing %s: %v\n", Name, out, err)
		return exitWith(ExitInternal)
	}
	if rdir := c.String("report"); rdir != "" {
		if err := writeReports(run, rdir); err != nil {
			fmt.Fprintf(e.stderr, "%s: error: writing the report: %v\n", Name, err)
			return exitWith(ExitInternal)
		}
	}
	if name := c.String("sarif"); name != "" {
		if err := writeSARIF(run, out, name); err != nil {
			fmt.Fprintf(e.stderr, "%s: error: writing SARIF: %v\n", Name, err)
			return exitWith(ExitInternal)
		}
	}
	if err := e.writePR(c, run, report.PullRequest(run, report.PROptions{Command: e.command(), Out: out})); err != nil {
		return err
	}
	fmt.Fprint(e.stdout, report.Summary(run))
	fmt.Fprintf(e.stdout, "wrote %s\n", filepath.Join(out, "pipelines"))
	return migrateExit(run)
}

// migrateExit is migrate's exit code once its output is written.
func migrateExit(run *result.Run) error {
	needLLM := 0
	for _, t := range run.Tables {
		if t.Status == result.NeedsLLM || t.Status == result.Failed {
			needLLM++
		}
	}
	switch {
	case run.Diags.HasErrors():
		return exitWith(ExitInputErrors)
	case needLLM > 0:
		return exitWith(ExitNeedsLLM)
	}
	return nil
}

// writeReports writes report.md, report.json and junit.xml into dir.
func writeReports(run *result.Run, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	js, err := report.JSON(run)
	if err != nil {
		return err
	}
	if _, err := emit.WriteFileAtomic(emit.OS, filepath.Join(dir, "report.json"), js); err != nil {
		return err
	}
	if err := writeJUnit(run, dir); err != nil {
		return err
	}
	_, err = emit.WriteFileAtomic(emit.OS, filepath.Join(dir, "report.md"), []byte(report.Markdown(run)))
	return err
}

// dryRun deploys the translation on a real Flink before it is written:
// every table's DDL, then EXPLAIN of every INSERT (validate/dryrun). What
// Flink rejects joins the table's residue, so the table is not written as
// complete. Without a gateway the dry run is skipped with a note: the
// deterministic translation does not depend on it.
func (e *env) dryRun(c *cli.Context, run *result.Run) {
	ctx := c.Context
	complete := 0
	for _, t := range run.Tables {
		if t.Status == result.Translated {
			complete++
		}
	}
	if complete == 0 {
		return
	}
	tmp, err := os.MkdirTemp("", "c360-dryrun-")
	if err != nil {
		fmt.Fprintf(e.stdout, "dry run skipped: %v\n", err)
		return
	}
	defer os.RemoveAll(tmp)
	if _, err := emit.Write(run, tmp, emit.Options{Env: c.String("env"), Region: c.String("region")}); err != nil {
		fmt.Fprintf(e.stdout, "dry run skipped: %v\n", err)
		return
	}
	url := c.String("gateway")
	if url == "local" {
		u, stop, err := localGateway(ctx, e)
		if err != nil {
			fmt.Fprintf(e.stdout, "dry run skipped: no local Flink SQL Gateway (%v); run with --skip-dry-run to silence this, or `c360-migrate validate` later\n", firstLine(err.Error()))
			return
		}
		defer stop()
		url = u
	}
	r, err := dryrun.Run(ctx, gateway.New(url, nil), tmp, dryrun.Options{Profile: run.Profile})
	if err != nil {
		fmt.Fprintf(e.stdout, "dry run skipped: %v\n", firstLine(err.Error()))
		return
	}
	run.DryRun = "Flink " + r.FlinkVersion
	byName := map[string]*result.Table{}
	for _, t := range run.Tables {
		byName[t.FlinkName] = t
	}
	for _, f := range r.Findings {
		t := byName[f.Table]
		if t == nil {
			continue
		}
		t.Residue = append(t.Residue, &diag.Diagnostic{
			Position: token.Position{File: f.File, Pos: token.Pos{Line: f.Line, Col: f.Col}},
			Severity: diag.Error, Rule: "dryrun." + f.Kind, Msg: "Flink rejects it: " + f.Message,
		})
		t.Status = result.NeedsLLM
	}
	failed := map[string]bool{}
	for _, f := range r.Findings {
		failed[f.Table] = true
	}
	fmt.Fprintf(e.stdout, "dry run on Flink %s: %d of %d tables clean, %d findings\n", r.FlinkVersion, len(r.Tables)-len(failed), len(r.Tables), len(r.Findings))
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// writeSARIF writes every finding of the run as SARIF: Spark positions for
// input errors and the translator's notes and residue, generated-file
// positions (below out) for the lint and the dry run.
func writeSARIF(run *result.Run, out, name string) error {
	var all diag.List
	all.Append(run.Diags)
	for _, t := range run.Tables {
		for _, ds := range [][]*diag.Diagnostic{t.Residue, t.Notes} {
			for _, d := range ds {
				cp := *d
				if strings.HasPrefix(cp.File, "pipelines/") {
					cp.File = filepath.Join(out, filepath.FromSlash(cp.File))
				}
				all = append(all, &cp)
			}
		}
	}
	all.Sort()
	var b bytes.Buffer
	if err := lint.WriteSARIF(&b, all, lint.SARIFOptions{BaseDir: repoRoot(out), Version: Version}); err != nil {
		return err
	}
	return os.WriteFile(name, b.Bytes(), 0o644)
}
