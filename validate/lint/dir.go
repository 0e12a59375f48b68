package lint

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/validate/syntax"
)

// LintTable checks one table given as generated SQL text: the DDL and the
// DML with the file names their findings should carry (either text may be
// empty). Syntax errors come first, as syntax.Check reports them; the tables
// the DML reads are unknown (append-only, no key) unless cat describes them.
// It is what migrate calls for each table it writes.
func LintTable(ddlFile, ddlSQL, dmlFile, dmlSQL, profile string, cat Catalog) diag.List {
	var out diag.List
	var files [2]*ast.File
	for i, in := range [][2]string{{ddlFile, ddlSQL}, {dmlFile, dmlSQL}} {
		if strings.TrimSpace(in[1]) == "" {
			continue
		}
		f, l := syntax.Parse(in[0], in[1])
		out.Append(l)
		files[i] = f
	}
	out.Append(Lint(files[0], files[1], Config{Profile: profile, Catalog: cat}))
	out.Sort()
	return out
}

// Report is the result of LintDir.
type Report struct {
	Profile  string
	Tables   int // tables of the inventory that were linted
	Files    int // .sql files read
	Findings diag.List
}

// LintDir lints a whole output folder: every table of
// flinkOut/pipelines/inventory.json (its ddl and dml, and the DDL and
// inserts of its raw test inputs), against a catalog of every DDL in the
// folder, plus a syntax check of every .sql file under pipelines/. An
// empty profile takes the inventory's. Syntax findings in a table's files
// name its Spark file. The error is for files that could not be read; the
// findings of the others are returned with it.
func LintDir(flinkOut, profile string) (*Report, error) {
	inv, err := syntax.ReadInventory(flinkOut)
	if err != nil {
		return nil, fmt.Errorf("lint: %w", err)
	}
	if profile == "" {
		profile = inv.Profile
	}
	if profile == "" {
		profile = Confluent
	}
	if profile != Confluent && profile != OSS {
		return nil, fmt.Errorf("lint: unknown profile %q (want %s or %s)", profile, Confluent, OSS)
	}
	rep := &Report{Profile: profile}
	names, err := syntax.SQLFiles(flinkOut)
	if err != nil {
		return nil, fmt.Errorf("lint: %w", err)
	}
	var errs []error
	parsed := map[string]*ast.File{} // by path relative to flinkOut, slash-separated
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		rep.Files++
		f, l := syntax.Parse(name, string(data))
		if sf := syntax.SparkFileOf(inv, flinkOut, name); sf != "" {
			for _, d := range l {
				d.Msg += " (from Spark file " + sf + ")"
			}
		}
		rep.Findings.Append(l)
		rel, _ := filepath.Rel(flinkOut, name)
		parsed[filepath.ToSlash(rel)] = f
	}

	cat := Catalog{}
	for _, f := range parsed {
		cat.Add(f, profile)
	}
	order := inv.Order
	if len(order) == 0 {
		for name := range inv.Tables {
			order = append(order, name)
		}
	}
	for _, name := range order {
		e := inv.Tables[name]
		if e == nil {
			continue
		}
		rep.Tables++
		rep.Findings.Append(Lint(parsed[e.DDL], parsed[e.DML], Config{Profile: profile, Catalog: cat}))
		// Raw test inputs come in pairs: tests/ddl.<raw>.sql, tests/insert_<raw>.sql.
		for i := 0; i+1 < len(e.Tests); i += 2 {
			rep.Findings.Append(Lint(parsed[e.Tests[i]], parsed[e.Tests[i+1]], Config{Profile: profile, Catalog: cat}))
		}
	}
	rep.Findings.Sort()
	return rep, errors.Join(errs...)
}

// Summary is one line: how much was linted and what was found.
func (r *Report) Summary() string {
	return fmt.Sprintf("linted %d tables in %d files (profile %s): %d errors, %d warnings, %d infos",
		r.Tables, r.Files, r.Profile, r.Findings.Count(diag.Error), r.Findings.Count(diag.Warning), r.Findings.Count(diag.Info))
}
