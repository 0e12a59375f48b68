package app

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
)

func (e *env) parseCommand() *cli.Command {
	return &cli.Command{
		Name:      "parse",
		Usage:     "parse SQL files and report syntax errors",
		UsageText: Name + " parse [--dialect spark|flink|auto] [--json] PATH...",
		Description: "Parses each PATH: a .sql file, a folder (every *.sql file below it,\n" +
			"sorted, skipping folders whose name starts with '.'), or '-' for\n" +
			"standard input. Prints one line per file, each error as\n" +
			"file:line:col: error: message, then a summary line. Flags go before\n" +
			"the paths. Exit code 0 when nothing has an error, 1 otherwise.",
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:  "dialect",
				Value: "spark",
				Usage: "SQL dialect of the input: spark, flink, or auto (flink for files in a folder named flink* or named *.flink.sql, spark otherwise)",
			},
			&cli.BoolFlag{
				Name:  "json",
				Usage: "print a JSON array with one object per statement: file, line, col, kind, ok, error",
			},
		},
		OnUsageError: onUsageError("parse"),
		Action:       e.parse,
	}
}

func (e *env) parse(c *cli.Context) error {
	paths := c.Args().Slice()
	if len(paths) == 0 {
		return usagef("parse", "no PATH given")
	}
	if err := flagsAfterPaths(paths); err != nil {
		return usagef("parse", "%v", err)
	}
	dialectOf, err := dialectFor(c.String("dialect"))
	if err != nil {
		return usagef("parse", "--dialect must be spark, flink or auto, not %q", c.String("dialect"))
	}

	files, cerr := parseSources(c.Context, sqlFiles(paths), e.stdin, dialectOf)

	stmts, errs := 0, 0
	for _, f := range files {
		errs += f.errors()
		if f.file != nil {
			stmts += len(f.file.Stmts)
		}
	}
	summary := fmt.Sprintf("parsed %d statements in %d files: %d errors", stmts, len(files), errs)

	if c.Bool("json") {
		if err := writeJSON(e.stdout, files); err != nil {
			return err
		}
		// Stdout holds only the JSON. Stderr gets every diagnostic, so that
		// errors outside any statement (an unreadable path) are not lost,
		// and the summary.
		for _, f := range files {
			fmt.Fprint(e.stderr, f.diags.String())
		}
		fmt.Fprintln(e.stderr, summary)
	} else {
		if err := writeText(e.stdout, files, summary); err != nil {
			return err
		}
	}
	if cerr != nil {
		return cerr
	}
	if errs > 0 {
		return exitWith(ExitInputErrors)
	}
	if len(files) == 0 {
		fmt.Fprintf(e.stderr, "%s: warning: no .sql files found in %s\n", Name, strings.Join(paths, " "))
	}
	return nil
}

// flagsAfterPaths reports a flag written after the first PATH: the cli
// package stops reading flags there, and the flag would be taken as a path.
func flagsAfterPaths(paths []string) error {
	for _, p := range paths {
		if strings.HasPrefix(p, "-") && p != stdinPath {
			return fmt.Errorf("flag %s after the first PATH: put flags before the paths", p)
		}
	}
	return nil
}

// writeText prints one line per file, its diagnostics one per line, and the
// summary.
func writeText(w io.Writer, files []*parsedFile, summary string) error {
	var b strings.Builder
	for _, f := range files {
		n := 0
		if f.file != nil {
			n = len(f.file.Stmts)
		}
		fmt.Fprintf(&b, "%s: %d statements, %d errors\n", f.path, n, f.errors())
		b.WriteString(f.diags.String())
	}
	b.WriteString(summary)
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// stmtJSON is one statement in the output of parse --json.
type stmtJSON struct {
	File  string `json:"file"`
	Line  int    `json:"line"`
	Col   int    `json:"col"`
	Kind  string `json:"kind"`
	OK    bool   `json:"ok"`
	Error string `json:"error"` // "line:col: message" of the error; "" when ok
}

// stmtError gives the error of a statement that failed to parse, with the
// position of the error itself (line and col of the JSON object are where
// the statement starts).
func stmtError(diags diag.List, bad *ast.BadStmt) string {
	b := bad.Base()
	for _, d := range diags {
		if d.Severity == diag.Error && d.Msg == bad.Err && d.Offset >= b.Pos().Offset &&
			(!b.End.IsValid() || d.Offset <= b.End.Offset) {
			return d.Pos.String() + ": " + d.Msg
		}
	}
	return bad.Err
}

func writeJSON(w io.Writer, files []*parsedFile) error {
	out := []stmtJSON{}
	for _, f := range files {
		if f.file == nil {
			continue
		}
		for _, s := range f.file.Stmts {
			pos := s.Base().Pos()
			j := stmtJSON{File: f.path, Line: pos.Line, Col: pos.Col, Kind: ast.StmtKind(s), OK: true}
			if bad, ok := s.(*ast.BadStmt); ok {
				j.OK = false
				j.Error = stmtError(f.diags, bad)
			}
			out = append(out, j)
		}
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
