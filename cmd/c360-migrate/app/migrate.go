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
	"github.com/c360-migrate/c360-migrate/validate/verify"
)

// defaultOut is where migrate writes the Flink project.
const defaultOut = "flink_out"

func (e *env) migrateCommand() *cli.Command {
	return &cli.Command{
		Name:  "migrate",
		Usage: "migrate a Spark SQL project folder to a Flink SQL project (the default command)",
		UsageText: Name + " [migrate] [--out DIR] [--product P] [--profile confluent|oss] [--report DIR]\n" +
			"   [--var NAME=VALUE]... [--target NAME] [--force] [--jobs N]\n" +
			"   [--branch NAME] [--pr-description FILE] SPARK_DIR...\n" +
			"   " + Name + " migrate --config FILE   (FILE lists projects:)",
		Description: "Loads every *.sql file below SPARK_DIR (skipping hidden folders, target/\n" +
			"and dbt_packages/; files in macros/ folders are macros, not models),\n" +
			"expands its dbt-Jinja, parses it as Spark SQL, and translates each table\n" +
			"with the deterministic rules into pipelines/<layer>/<product>/<table>/ under\n" +
			"--out. Tables with constructs no rule translates are written marked\n" +
			"needs-llm with their residue listed (exit code 3). Input errors are printed\n" +
			"as file:line:col: error: message (exit code 1); the other tables are still\n" +
			"written.\n\n" +
			"--out/.c360-manifest.json records each table's inputs and verdict and the\n" +
			"hash of each file written: a re-run redoes only the tables whose Spark\n" +
			"input, rules output, options or upstream tables changed, and keeps (and\n" +
			"reports) generated files edited by hand since; --force redoes and\n" +
			"overwrites everything. Several SPARK_DIRs (or projects: in --config) are\n" +
			"migrated into the same --out, each as its own product, with one report.\n\n" +
			"With --branch NAME the output is committed on a new git branch instead\n" +
			"(one commit per table, then the shared files, the manifest and\n" +
			"PULL_REQUEST.md); the working tree is not touched. An existing branch NAME\n" +
			"is refused unless --force.",
		Flags:        migrateFlags(),
		OnUsageError: onUsageError("migrate"),
		Action:       func(c *cli.Context) error { return e.migrate(c, false) },
	}
}

// migrateFlags returns new flags for the migrate command; the root command
// takes them too, for "c360-migrate --out DIR SPARK_DIR".
func migrateFlags() []cli.Flag {
	return append(append(append(llmFlags(), incrementalFlags()...), branchFlags()...),
		&cli.StringFlag{Name: "config", Usage: "read settings from the YAML `FILE` (keys: product, profile, out, report, buckets, schema_context, bootstrap_servers, format, schema_registry_url, env, region, target, vars, projects); flags win"},
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
	projects, err := e.sparkProjects(c, bare)
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
	run, keys, err := translateProjects(projects, c.String("env"), c.String("region"))
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: error: %v\n", Name, err)
		return exitWith(ExitInputErrors)
	}
	inc := e.newIncremental(c, run, keys)
	// Validate before writing: what Flink cannot run becomes residue.
	if inc.redoAny(run) { // kept tables' recorded verdicts include the lint's
		lint.CheckRun(run, "") // generated files named as pipelines/..., relative to --out
	}
	inc.restore(e, run)
	fmt.Fprint(e.stdout, run.Diags.String())
	// The dry run comes first: what Flink rejects in the rules' output
	// goes to the LLM loop with the rest of the residue.
	var gw *lazyGateway
	if !c.Bool("skip-dry-run") {
		gw = &lazyGateway{e: e, flag: c.String("gateway")}
		defer gw.close()
		e.dryRun(c, run, gw, inc.redo)
	}
	if err := c.Context.Err(); err != nil {
		return err
	}
	if err := e.llm(c, run, llmOut(c, repo), gw, inc.redo); err != nil {
		return err
	}
	dryRun := run.DryRun // "" unless this run's dry run ran
	if run.DryRun == "" {
		run.DryRun = inc.recordedDryRun(run)
	}
	if err := c.Context.Err(); err != nil {
		return err
	}
	if c.Bool("check") {
		return e.check(c, run, inc)
	}
	if repo != nil {
		return e.publish(c, run, repo, inc, dryRun)
	}
	out := c.String("out")
	w, err := emit.Write(run, out, inc.emitOptions(emit.Options{Env: c.String("env"), Region: c.String("region"), BeforeWrite: inc.writeAhead}))
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: error: writing %s: %v\n", Name, out, err)
		return exitWith(ExitInternal)
	}
	e.reportHandEdited(run, out, w)
	if err := inc.save(run, w, dryRun); err != nil {
		fmt.Fprintf(e.stderr, "%s: error: writing the manifest: %v\n", Name, err)
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
	if len(w.Written)+len(w.Removed) == 0 {
		fmt.Fprintf(e.stdout, "%s is up to date: nothing written\n", filepath.Join(out, "pipelines"))
	} else {
		fmt.Fprintf(e.stdout, "wrote %s (%d %s written, %d removed)\n", filepath.Join(out, "pipelines"),
			len(w.Written), pluralWord(len(w.Written), "file", "files"), len(w.Removed))
	}
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

// writeReports writes report.md, report.json and junit.xml into dir. They
// carry no verify section, so verify's verify.json goes too: its verdicts
// were about the output before this run.
func writeReports(run *result.Run, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(dir, verify.JSONFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
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
//
// Only tables to redo are dry-run and get findings (the others keep their
// recorded verdict); the tables they read are deployed with them.
func (e *env) dryRun(c *cli.Context, run *result.Run, gw *lazyGateway, redo func(*result.Table) bool) {
	ctx := c.Context
	complete := 0
	for _, t := range run.Tables {
		if t.Status == result.Translated && redo(t) {
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
	url, err := gw.get(ctx)
	if ctx.Err() != nil {
		return // interrupted: migrate stops with exit 130, nothing to say here
	}
	if err != nil {
		fmt.Fprintf(e.stdout, "dry run skipped: no local Flink SQL Gateway (%v); run with --skip-dry-run to silence this, or `c360-migrate validate` later\n", firstLine(err.Error()))
		return
	}
	r, err := dryrun.Run(ctx, gateway.New(url, nil), tmp, dryrun.Options{Profile: run.Profile})
	if ctx.Err() != nil {
		return
	}
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
		if t == nil || !redo(t) {
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
		if t := byName[f.Table]; t != nil && redo(t) {
			failed[f.Table] = true
		}
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
