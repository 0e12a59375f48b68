// Package migrate runs the deterministic translation of a whole Spark
// project: load (dbt expansion), parse, model, then for each table in
// dependency order the query rules, the expression rules, the streaming
// analysis (key, changelog mode) and the DDL, into a result.Run that the
// writer and the report consume. It holds the wiring; the rules live in
// their own packages.
package migrate

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/c360-migrate/c360-migrate/translate/ddl"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/load"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/project"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/translate/schema"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// Options configure a migration.
type Options struct {
	// Product names the data product; default: the project folder's name.
	Product string
	DDL     ddl.Options
	Vars    map[string]string
	Target  string
	// DataDirs are the folders tried, in order, to resolve relative paths
	// of CSV inputs; default: the working directory, then the project
	// folder's parent, then the project folder.
	DataDirs []string
	// Exclude lists glob patterns (path.Match, on slash-separated paths
	// relative to the project folder) of files to leave out, such as a
	// consolidated script that repeats the per-layer files.
	Exclude []string
	// Jobs is how many tables are translated at once (default: the number
	// of CPUs). A table starts once the tables it reads are done, so the
	// result is the same for every value.
	Jobs int
}

var flinkPrint = printer.Config{Dialect: token.Flink}

// Run translates the project in dir. Problems with single files or tables
// are reported in the result, never fatal to the others; the error is for
// a project that cannot be read at all.
func Run(dir string, opts Options) (*result.Run, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%s: not a folder", dir)
	}
	if opts.Product == "" {
		abs, _ := filepath.Abs(dir)
		opts.Product = strings.ToLower(filepath.Base(abs))
	}
	opts.DDL = opts.DDL.Defaults()
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.NumCPU()
	}
	if len(opts.DataDirs) == 0 {
		abs, _ := filepath.Abs(dir)
		opts.DataDirs = []string{".", filepath.Dir(abs), abs}
	}
	m := &migration{opts: opts, run: &result.Run{Product: opts.Product, Profile: string(opts.DDL.Profile)}}
	m.load(dir)
	m.translateAll()
	return m.run, nil
}

type migration struct {
	opts  Options
	run   *result.Run
	files map[string]*load.SourceFile
	model *project.Model
	// Spark's columns of every table (by Spark name), the CSVs read, and
	// the expression types of each query, as schema.InferModel gives them.
	schema    *schema.ModelSchema
	sparkCols map[string][]schema.Column
	// done holds the translated tables by Spark name with their place in
	// the dependency order; workers add to it, so it is guarded by mu.
	mu   sync.RWMutex
	done map[string]doneTable
}

type doneTable struct {
	index int
	t     *result.Table
}

// load reads, expands and parses the project and builds its model.
func (m *migration) load(dir string) {
	proj, errs := load.LoadProject(dir, load.Options{Vars: m.opts.Vars, Target: m.opts.Target, Dialect: token.Spark})
	m.run.Diags.Append(errs)
	m.files = map[string]*load.SourceFile{}
	var files []*project.File
	for _, sf := range proj.Files {
		if excluded(sf.Path, m.opts.Exclude) {
			continue
		}
		m.files[sf.Path] = sf
		f, perrs := parser.ParseFile(sf.Path, sf.Expanded, token.Spark)
		for _, e := range perrs {
			e.Pos = sf.MapPos(e.Pos)
		}
		m.run.Diags.Append(perrs)
		files = append(files, &project.File{Path: sf.Path, Stmts: f.Stmts, Config: sf.Config, IsDbt: sf.IsDbt})
	}
	model, merrs := project.Build(files, project.Options{Product: m.opts.Product})
	for _, e := range merrs {
		if sf := m.files[e.File]; sf != nil {
			e.Pos = sf.MapPos(e.Pos)
		}
	}
	m.run.Diags.Append(merrs)
	m.model = model
}

func (m *migration) translateAll() {
	// Spark's answer first, before the rules rewrite the queries: the
	// columns and types every table has in Spark.
	m.schema, _ = schema.InferModel(m.model, m.opts.DataDirs...)
	m.mapPositions(flatten(m.schema.Diags))
	m.sparkCols = m.schema.Tables
	m.done = map[string]doneTable{}
	var todo []*project.Table
	for _, name := range m.model.Order {
		if t := m.model.Tables[name]; t.Input == nil {
			todo = append(todo, t)
		}
	}
	index := map[string]int{}
	for i, t := range todo {
		index[t.Name] = i
	}
	// One goroutine per table waits for the tables it reads, then for a
	// worker slot; the results keep the dependency order.
	out := make([]*result.Table, len(todo))
	finished := make([]chan struct{}, len(todo))
	for i := range finished {
		finished[i] = make(chan struct{})
	}
	slots := make(chan struct{}, m.opts.Jobs)
	var wg sync.WaitGroup
	for i, t := range todo {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(finished[i])
			for _, d := range t.Deps {
				if j, ok := index[d]; ok && j < i {
					<-finished[j]
				}
			}
			slots <- struct{}{}
			rt := m.translate(t, i)
			<-slots
			m.mu.Lock()
			m.done[t.Name] = doneTable{index: i, t: rt}
			m.mu.Unlock()
			out[i] = rt
		}()
	}
	wg.Wait()
	m.run.Tables = append(m.run.Tables, out...)
}

// inputHash is the SHA-256 of the expanded text (dbt-Jinja resolved) of
// the file that defines a table: what the translation of the table reads.
func (m *migration) inputHash(file string) string {
	sf := m.files[file]
	if sf == nil {
		return ""
	}
	sum := sha256.Sum256([]byte(sf.Expanded))
	return hex.EncodeToString(sum[:])
}

func flatten(m map[string][]*diag.Diagnostic) []*diag.Diagnostic {
	var out []*diag.Diagnostic
	for _, ds := range m {
		out = append(out, ds...)
	}
	return out
}

// naturalKey picks the key the raw topic's records are versions of: the
// first *_id column (else the first column) whose values are all present
// and distinct in the sample.
func naturalKey(t *schema.Table) []string {
	unique := func(i int) bool {
		seen := map[string]bool{}
		for _, row := range t.Rows {
			if i >= len(row) || row[i].IsNull() {
				return false
			}
			k := row[i].String()
			if seen[k] {
				return false
			}
			seen[k] = true
		}
		return len(t.Rows) > 0
	}
	for i, c := range t.Columns {
		if strings.HasSuffix(strings.ToLower(c.Name), "_id") && unique(i) {
			return []string{c.Name}
		}
	}
	if len(t.Columns) > 0 && unique(0) {
		return []string{t.Columns[0].Name}
	}
	return nil
}

// mapPositions moves diagnostics from expanded-text positions back to the
// files as written.
func (m *migration) mapPositions(ds []*diag.Diagnostic) {
	for _, d := range ds {
		if sf := m.files[d.File]; sf != nil {
			d.Pos = sf.MapPos(d.Pos)
		}
	}
}

// excluded reports whether a project file matches one of the patterns, by
// its whole relative path or by its base name.
func excluded(rel string, patterns []string) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(p, rel); ok {
			return true
		}
		if ok, _ := path.Match(p, path.Base(rel)); ok {
			return true
		}
	}
	return false
}
