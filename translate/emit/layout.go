package emit

import (
	"fmt"
	"path"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/result"
)

// Pipelines is the folder under the output directory that holds every
// generated table folder, inventory.json and common.mk.
const Pipelines = "pipelines"

// layout is where one table's files go and what its statements are called.
type layout struct {
	t       *result.Table
	product string
	folder  string // slash path relative to the output dir: pipelines/<layer>/<product>/<table-folder>
	ddlStmt string // <env>-<region>-<product>-ddl-<table-kebab>
	dmlStmt string
}

// TableFolder returns the folder name of a table inside
// pipelines/<layer>/<product>/: the Flink name without its product, as in
// the seed project (src_c360_customers → src_customers, int_c360_x → int_x,
// c360_dim_x → dim_x, c360_fct_x → fct_x). Views and raw tables keep their
// name, as they keep it in Flink.
func TableFolder(flinkName, layer, product string) string {
	name := flinkName
	if product == "" || layer == "views" || layer == "raw" {
		return name
	}
	if rest, ok := strings.CutPrefix(name, product+"_"); ok && rest != "" {
		return rest // c360_dim_x, c360_fct_x
	}
	// src_c360_x, int_c360_x: drop the product segment after the layer prefix.
	if i := strings.Index(name, "_"); i > 0 {
		if rest, ok := strings.CutPrefix(name[i+1:], product+"_"); ok && rest != "" {
			return name[:i+1] + rest
		}
	}
	return name
}

// StatementName returns the Confluent statement name of a table's DDL or
// DML: <env>-<region>-<product>-<kind>-<table-in-kebab-case>, for example
// dev-usw2-c360-dml-src-c360-customers.
func StatementName(env, region, product, kind, table string) string {
	return kebab(env) + "-" + kebab(region) + "-" + kebab(product) + "-" + kind + "-" + kebab(table)
}

// kebab lower-cases s and turns every run of characters other than a-z and
// 0-9 into one hyphen; statement names allow nothing else.
func kebab(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// safeSegment reports whether s can be used as one path segment.
func safeSegment(s string) bool {
	return s != "" && s != "." && s != ".." && !strings.ContainsAny(s, `/\`+"\x00") && !strings.HasPrefix(s, ".")
}

// plan computes every table's layout and checks that names and folders are
// unique. Folders that would collide fall back to the full Flink name.
func plan(run *result.Run, o Options) ([]*layout, error) {
	byName := map[string]bool{}
	var ls []*layout
	for _, t := range run.Tables {
		if t == nil {
			return nil, fmt.Errorf("emit: nil table in run")
		}
		if !safeSegment(t.FlinkName) {
			return nil, fmt.Errorf("emit: table %q has an unusable Flink name %q", t.SparkName, t.FlinkName)
		}
		if !safeSegment(t.Layer) {
			return nil, fmt.Errorf("emit: table %s has an unusable layer %q", t.FlinkName, t.Layer)
		}
		if byName[t.FlinkName] {
			return nil, fmt.Errorf("emit: two tables are named %s", t.FlinkName)
		}
		byName[t.FlinkName] = true
		product := productOf(run, t)
		if !safeSegment(product) {
			return nil, fmt.Errorf("emit: table %s has an unusable product %q", t.FlinkName, product)
		}
		for _, r := range t.Raw {
			if r == nil || !safeSegment(r.Name) {
				return nil, fmt.Errorf("emit: table %s has a raw input with an unusable name", t.FlinkName)
			}
		}
		ls = append(ls, &layout{
			t:       t,
			product: product,
			folder:  path.Join(Pipelines, t.Layer, product, TableFolder(t.FlinkName, t.Layer, product)),
			ddlStmt: StatementName(o.Env, o.Region, product, "ddl", t.FlinkName),
			dmlStmt: StatementName(o.Env, o.Region, product, "dml", t.FlinkName),
		})
	}
	count := map[string]int{}
	for _, l := range ls {
		count[l.folder]++
	}
	seen := map[string]bool{}
	for _, l := range ls {
		if count[l.folder] > 1 {
			l.folder = path.Join(path.Dir(l.folder), l.t.FlinkName)
		}
		if seen[l.folder] {
			return nil, fmt.Errorf("emit: two tables would share folder %s", l.folder)
		}
		seen[l.folder] = true
	}
	return ls, nil
}

func productOf(run *result.Run, t *result.Table) string {
	switch {
	case t.Product != "":
		return t.Product
	case run.Product != "":
		return run.Product
	}
	return "default"
}

// Relative file names inside a table folder.
func ddlFile(table string) string  { return "sql-scripts/ddl." + table + ".sql" }
func dmlFile(table string) string  { return "sql-scripts/dml." + table + ".sql" }
func rawDDLFile(raw string) string { return "tests/ddl." + raw + ".sql" }
func rawInsFile(raw string) string { return "tests/insert_" + raw + ".sql" }

const (
	makefileName = "Makefile"
	trackingName = "tracking.md"
)
