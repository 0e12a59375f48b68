package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/validate/lint"
)

func (e *env) lintCommand() *cli.Command {
	return &cli.Command{
		Name:      "lint",
		Usage:     "check a migration's Flink SQL for syntax and streaming-semantics problems",
		UsageText: Name + " lint [--profile confluent|oss] [--sarif FILE] [--json] FLINK_DIR",
		Description: "Reads FLINK_DIR/pipelines/inventory.json and checks every table's DDL and\n" +
			"DML (and its raw test inputs): Flink syntax, then the streaming-semantics\n" +
			"rules of validate/lint/RULES.md. Prints one finding per line as\n" +
			"file:line:col: severity: [rule] message; fix: hint, then a summary line.\n" +
			"Exit code 0 when no finding is an error, 1 otherwise.",
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:  "profile",
				Usage: "target profile: confluent or oss (default: the profile recorded in inventory.json)",
			},
			&cli.StringFlag{
				Name:  "sarif",
				Usage: "also write the findings as SARIF 2.1.0 to `FILE`, paths relative to the repository",
			},
			&cli.BoolFlag{
				Name:  "json",
				Usage: "print a JSON array of findings (file, line, col, severity, rule, message) instead of text",
			},
		},
		OnUsageError: onUsageError("lint"),
		Action:       e.lint,
	}
}

// findingJSON is one finding in the output of lint --json.
type findingJSON struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
}

func (e *env) lint(c *cli.Context) error {
	args := c.Args().Slice()
	if len(args) != 1 {
		return usagef("lint", "want one FLINK_DIR, got %d arguments", len(args))
	}
	if err := flagsAfterPaths(args); err != nil {
		return usagef("lint", "%v", err)
	}
	profile := c.String("profile")
	if profile != "" && profile != lint.Confluent && profile != lint.OSS {
		return usagef("lint", "--profile must be %s or %s, not %q", lint.Confluent, lint.OSS, profile)
	}
	dir := args[0]
	rep, err := lint.LintDir(dir, profile)
	if rep == nil {
		fmt.Fprintf(e.stderr, "%s: error: %v\n", Name, err)
		return exitWith(ExitInputErrors)
	}
	if c.Bool("json") {
		out := []findingJSON{}
		for _, d := range rep.Findings {
			out = append(out, findingJSON{File: filepath.ToSlash(d.File), Line: d.Line, Col: d.Col, Severity: d.Severity.String(), Rule: d.Rule, Message: d.Msg})
		}
		b, jerr := json.MarshalIndent(out, "", "  ")
		if jerr != nil {
			return jerr
		}
		if _, werr := e.stdout.Write(append(b, '\n')); werr != nil {
			return werr
		}
		fmt.Fprintln(e.stderr, rep.Summary())
	} else {
		if _, werr := io.WriteString(e.stdout, rep.Findings.String()+rep.Summary()+"\n"); werr != nil {
			return werr
		}
	}
	if name := c.String("sarif"); name != "" {
		var b bytes.Buffer
		if serr := lint.WriteSARIF(&b, rep.Findings, lint.SARIFOptions{BaseDir: repoRoot(dir), Version: Version}); serr != nil {
			return serr
		}
		if werr := os.WriteFile(name, b.Bytes(), 0o644); werr != nil {
			return fmt.Errorf("writing SARIF: %w", werr)
		}
	}
	if err != nil { // some files could not be read
		fmt.Fprintf(e.stderr, "%s: error: %v\n", Name, err)
		return exitWith(ExitInputErrors)
	}
	if rep.Findings.HasErrors() {
		return exitWith(ExitInputErrors)
	}
	return nil
}

// repoRoot is the closest folder at or above dir that holds .git, else the
// working directory: SARIF paths are relative to it.
func repoRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "."
	}
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return "."
		}
	}
}
