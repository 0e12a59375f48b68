package lint

import (
	"path/filepath"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// CheckRun lints every table of a translation before it is written, in
// dependency order, each against the DDL of the tables before it. An
// error-severity finding is something Flink cannot run as translated (an
// OVER window not ordered by a time attribute, an updating query into an
// append-only sink, a syntax error): it joins the table's residue, so the
// table is marked needs-llm rather than written as complete. Warnings and
// infos join the table's notes, so tracking.md and the report show them
// next to the translator's own notes (which point at the Spark lines).
// Findings name the files as they will be written below outDir. It returns
// every finding.
func CheckRun(run *result.Run, outDir string) diag.List {
	cat := Catalog{}
	var all diag.List
	for _, t := range run.Tables {
		for _, r := range t.Raw {
			if f, errs := parser.ParseFile(r.Name, r.DDL, token.Flink); len(errs) == 0 {
				cat.Add(f, run.Profile)
			}
		}
		dir := filepath.Join(outDir, "pipelines", t.Layer, t.Product, emit.TableFolder(t.FlinkName, t.Layer, t.Product))
		ddlFile := filepath.Join(dir, "sql-scripts", "ddl."+t.FlinkName+".sql")
		dmlFile := filepath.Join(dir, "sql-scripts", "dml."+t.FlinkName+".sql")
		found := LintTable(ddlFile, t.DDL, dmlFile, t.DML, run.Profile, cat)
		all.Append(found)
		if f, errs := parser.ParseFile(ddlFile, t.DDL, token.Flink); len(errs) == 0 {
			cat.Add(f, run.Profile)
		}
		for _, d := range found {
			switch {
			case d.Severity != diag.Error:
				t.Notes = append(t.Notes, d)
			case t.Status == result.Translated || t.Status == result.NeedsLLM:
				t.Residue = append(t.Residue, d)
				t.Status = result.NeedsLLM
			}
		}
	}
	return all
}
