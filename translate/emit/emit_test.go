package emit_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/translate/emit/emittest"
	"github.com/c360-migrate/c360-migrate/translate/result"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const goldenDir = "testdata/golden"

// tree returns every regular file under dir as slash paths mapped to their
// contents.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func keys(m map[string][]byte) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func write(t *testing.T, run *result.Run, dir string, o emit.Options) *emit.Written {
	t.Helper()
	w, err := emit.Write(run, dir, o)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return w
}

// TestGolden writes the sample runs and compares each whole tree, path
// list and contents, with its golden folder: testdata/golden for the rules'
// output, testdata/golden-llm for the same run after the LLM loop (one
// table finished by the model, one failed).
func TestGolden(t *testing.T) {
	for _, c := range []struct {
		dir string
		run func() *result.Run
	}{{goldenDir, emittest.Run}, {"testdata/golden-llm", emittest.LLMRun}} {
		t.Run(filepath.Base(c.dir), func(t *testing.T) { golden(t, c.dir, c.run()) })
	}
}

func golden(t *testing.T, goldenDir string, run *result.Run) {
	out := t.TempDir()
	w := write(t, run, out, emit.Options{})
	got := tree(t, out)

	if *update {
		if err := os.RemoveAll(goldenDir); err != nil {
			t.Fatal(err)
		}
		for name, data := range got {
			p := filepath.Join(goldenDir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := tree(t, goldenDir)
	if g, w := keys(got), keys(want); !reflect.DeepEqual(g, w) {
		t.Fatalf("file list differs\n got: %s\nwant: %s", strings.Join(g, "\n      "), strings.Join(w, "\n      "))
	}
	for _, name := range keys(want) {
		if !bytes.Equal(got[name], want[name]) {
			t.Errorf("%s differs from the golden file (run go test -update to accept)\n--- got\n%s\n--- want\n%s", name, got[name], want[name])
		}
	}
	if !reflect.DeepEqual(w.Written, keys(got)) || len(w.Unchanged) != 0 || len(w.Removed) != 0 {
		t.Errorf("first write: Written=%v Unchanged=%v Removed=%v, want every file written", w.Written, w.Unchanged, w.Removed)
	}
}

// TestDeterministic: two writes of the same run give the same bytes, and a
// second write into the same folder touches nothing.
func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	write(t, emittest.Run(), a, emit.Options{})
	write(t, emittest.Run(), b, emit.Options{})
	ta, tb := tree(t, a), tree(t, b)
	if !reflect.DeepEqual(ta, tb) {
		t.Fatal("two writes of the same run differ")
	}

	before := map[string]os.FileInfo{}
	for name := range ta {
		fi, err := os.Stat(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		before[name] = fi
	}
	w := write(t, emittest.Run(), a, emit.Options{})
	if len(w.Written) != 0 || len(w.Removed) != 0 {
		t.Errorf("second write: Written=%v Removed=%v, want none", w.Written, w.Removed)
	}
	if !reflect.DeepEqual(w.Unchanged, keys(ta)) {
		t.Errorf("second write: Unchanged=%v, want every file", w.Unchanged)
	}
	for name, fi := range before {
		now, err := os.Stat(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		if !os.SameFile(fi, now) || !now.ModTime().Equal(fi.ModTime()) {
			t.Errorf("%s was rewritten", name)
		}
	}
}

// TestChangedTable: changing one table rewrites only its changed files;
// the unchanged files of the rebuilt folder keep their mtime.
func TestChangedTable(t *testing.T) {
	out := t.TempDir()
	write(t, emittest.Run(), out, emit.Options{})
	keep := filepath.Join(out, "pipelines/sources/c360/src_customers/tests/insert_customers_raw.sql")
	fi, err := os.Stat(keep)
	if err != nil {
		t.Fatal(err)
	}

	run := emittest.Run()
	run.Tables[0].DML = strings.Replace(run.Tables[0].DML, "DESC", "ASC", 1)
	w := write(t, run, out, emit.Options{})
	want := []string{"pipelines/sources/c360/src_customers/sql-scripts/dml.src_c360_customers.sql"}
	if !reflect.DeepEqual(w.Written, want) {
		t.Errorf("Written = %v, want %v", w.Written, want)
	}
	now, err := os.Stat(keep)
	if err != nil {
		t.Fatal(err)
	}
	if !now.ModTime().Equal(fi.ModTime()) {
		t.Errorf("unchanged file in a rebuilt folder got a new mtime")
	}
	b, _ := os.ReadFile(filepath.Join(out, want[0]))
	if !bytes.Contains(b, []byte("ASC")) {
		t.Errorf("changed DML not written")
	}
}

// failFS fails the first call for which fail returns true.
type failFS struct {
	emit.FS
	fail  func(op, path string) bool
	fired bool
}

var errInjected = errors.New("injected failure")

func (f *failFS) check(op, p string) error {
	if !f.fired && f.fail(op, filepath.ToSlash(p)) {
		f.fired = true
		return errInjected
	}
	return nil
}

func (f *failFS) WriteFile(name string, data []byte, perm fs.FileMode) error {
	if err := f.check("write", name); err != nil {
		return err
	}
	return f.FS.WriteFile(name, data, perm)
}

func (f *failFS) Rename(oldpath, newpath string) error {
	if err := f.check("rename", oldpath+" -> "+newpath); err != nil {
		return err
	}
	return f.FS.Rename(oldpath, newpath)
}

func (f *failFS) MkdirAll(p string, perm fs.FileMode) error {
	if err := f.check("mkdir", p); err != nil {
		return err
	}
	return f.FS.MkdirAll(p, perm)
}

func (f *failFS) SyncDir(p string) error {
	if err := f.check("syncdir", p); err != nil {
		return err
	}
	return f.FS.SyncDir(p)
}

// TestFailedWriteKeepsPreviousFolder: whatever step of rebuilding a table
// folder fails, the folder from the previous run is left exactly as it was,
// no temporary folder is left behind, and the next run succeeds.
func TestFailedWriteKeepsPreviousFolder(t *testing.T) {
	const folder = "pipelines/sources/c360/src_customers"
	cases := []struct {
		name string
		fail func(op, p string) bool
	}{
		{"mkdir of the temporary folder", func(op, p string) bool {
			return op == "mkdir" && strings.HasSuffix(p, "/.src_customers.tmp")
		}},
		{"write of a file in the middle", func(op, p string) bool {
			return op == "write" && strings.HasSuffix(p, "/.src_customers.tmp/sql-scripts/ddl.src_c360_customers.sql")
		}},
		{"write of the last file", func(op, p string) bool {
			return op == "write" && strings.HasSuffix(p, "/.src_customers.tmp/tests/insert_customers_raw.sql")
		}},
		{"sync of the new folder", func(op, p string) bool {
			return op == "syncdir" && strings.HasSuffix(p, "/.src_customers.tmp")
		}},
		{"rename of the old folder aside", func(op, p string) bool {
			return op == "rename" && strings.HasSuffix(p, "/.src_customers.old") && !strings.Contains(p, ".src_customers.old -> ")
		}},
		{"rename of the new folder into place", func(op, p string) bool {
			return op == "rename" && strings.Contains(p, "/.src_customers.tmp -> ") && strings.HasSuffix(p, "/src_customers")
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := t.TempDir()
			write(t, emittest.Run(), out, emit.Options{})
			before := tree(t, out)

			changed := emittest.Run()
			changed.Tables[0].DDL = strings.Replace(changed.Tables[0].DDL, "INTO 1 BUCKETS", "INTO 4 BUCKETS", 1)
			changed.Tables[0].Raw[0].Insert += "\n-- one more line"
			ffs := &failFS{FS: emit.OS, fail: c.fail}
			_, err := emit.Write(changed, out, emit.Options{FS: ffs})
			if !ffs.fired {
				t.Fatal("the failure was never injected")
			}
			if !errors.Is(err, errInjected) {
				t.Fatalf("Write error = %v, want the injected failure", err)
			}
			after := tree(t, out)
			if !reflect.DeepEqual(before, after) {
				for _, name := range keys(after) {
					if !bytes.Equal(before[name], after[name]) {
						t.Errorf("%s changed or appeared after a failed write", name)
					}
				}
				for _, name := range keys(before) {
					if _, ok := after[name]; !ok {
						t.Errorf("%s disappeared after a failed write", name)
					}
				}
			}
			entries, err := os.ReadDir(filepath.Join(out, filepath.Dir(folder)))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".") {
					t.Errorf("left behind %s", e.Name())
				}
			}

			w := write(t, changed, out, emit.Options{})
			if len(w.Written) == 0 {
				t.Errorf("the retry wrote nothing")
			}
		})
	}
}

// TestRecoversInterruptedSwap: a run cut between the two renames of a swap
// leaves only .<folder>.old; the next run puts it back before comparing.
func TestRecoversInterruptedSwap(t *testing.T) {
	out := t.TempDir()
	write(t, emittest.Run(), out, emit.Options{})
	dir := filepath.Join(out, "pipelines/views/c360/customer_analytics_c360")
	if err := os.Rename(dir, filepath.Join(filepath.Dir(dir), ".customer_analytics_c360.old")); err != nil {
		t.Fatal(err)
	}
	w := write(t, emittest.Run(), out, emit.Options{})
	if len(w.Written) != 0 {
		t.Errorf("Written = %v, want nothing: the old folder should have been restored", w.Written)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), ".customer_analytics_c360.old")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf(".old folder still there: %v", err)
	}
}

// TestRemovesStaleFolders: a table the project no longer has loses its
// folder; nothing else is touched.
func TestRemovesStaleFolders(t *testing.T) {
	out := t.TempDir()
	write(t, emittest.Run(), out, emit.Options{})
	other := filepath.Join(out, "pipelines", "README.md")
	if err := os.WriteFile(other, []byte("hand-written\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := emittest.Run()
	run.Tables = run.Tables[:2]
	w := write(t, run, out, emit.Options{})
	wantRemoved := []string{
		"pipelines/views/c360/customer_analytics_c360/Makefile",
		"pipelines/views/c360/customer_analytics_c360/sql-scripts/ddl.customer_analytics_c360.sql",
		"pipelines/views/c360/customer_analytics_c360/sql-scripts/dml.customer_analytics_c360.sql",
		"pipelines/views/c360/customer_analytics_c360/tracking.md",
	}
	if !reflect.DeepEqual(w.Removed, wantRemoved) {
		t.Errorf("Removed = %v, want %v", w.Removed, wantRemoved)
	}
	if _, err := os.Stat(filepath.Join(out, "pipelines/views")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("empty layer folder kept: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("a file the writer did not produce was removed: %v", err)
	}
	if !reflect.DeepEqual(w.Written, []string{"pipelines/inventory.json"}) {
		t.Errorf("Written = %v, want only the inventory", w.Written)
	}
}

// TestIncompleteTablesNeverLookComplete checks, for each status, the DML
// banner, tracking.md's first lines, the inventory and the Makefile.
func TestIncompleteTablesNeverLookComplete(t *testing.T) {
	cases := []struct {
		status   result.Status
		complete bool
		dmlHead  string // the DML file must start with this ("" = the DML itself)
		tracking string // must appear in tracking.md's first five lines
	}{
		{result.Translated, true, "", "**Status: translated**"},
		{result.LLM, true, "-- =====", "translated by the LLM"},
		{result.NeedsLLM, false, "-- =====", "NOT COMPLETE"},
		{result.Failed, false, "-- =====", "FAILED"},
	}
	for _, c := range cases {
		t.Run(string(c.status), func(t *testing.T) {
			out := t.TempDir()
			run := emittest.Run()
			tb := run.Tables[1] // c360_dim_customers
			tb.Status = c.status
			if c.status != result.NeedsLLM {
				tb.Residue = nil
			}
			write(t, run, out, emit.Options{})
			dir := filepath.Join(out, "pipelines/dimensions/c360/dim_customers")
			read := func(name string) string {
				b, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil {
					t.Fatal(err)
				}
				return string(b)
			}

			dml := read("sql-scripts/dml.c360_dim_customers.sql")
			if c.dmlHead == "" {
				if dml != tb.DML+"\n" {
					t.Errorf("a complete table's DML must be written as is, got\n%s", dml)
				}
			} else if !strings.HasPrefix(dml, c.dmlHead) {
				t.Errorf("DML does not start with %q:\n%s", c.dmlHead, dml)
			}
			if !c.complete {
				head := dml[:strings.Index(dml, "INSERT INTO")]
				if !strings.Contains(head, "Do NOT deploy") {
					t.Errorf("incomplete DML lacks the do-not-deploy banner:\n%s", head)
				}
				for _, r := range tb.Residue {
					if !strings.Contains(head, r.Position.String()) {
						t.Errorf("banner lacks residue position %s", r.Position)
					}
				}
			}

			lines := strings.SplitN(read("tracking.md"), "\n", 6)
			if !strings.Contains(strings.Join(lines[:5], "\n"), c.tracking) {
				t.Errorf("tracking.md does not open with %q:\n%s", c.tracking, strings.Join(lines[:5], "\n"))
			}

			mk := read("Makefile")
			// The shared create_dml target in common.mk refuses when
			// DML_REFUSED is set (TestMakefiles runs it with make -n).
			refuses := !strings.Contains(mk, "\nDML_REFUSED := \n")
			if refuses == c.complete {
				t.Errorf("Makefile create_dml refuses=%v for status %s", refuses, c.status)
			}

			var inv emit.Inventory
			if err := json.Unmarshal([]byte(readFile(t, filepath.Join(out, "pipelines/inventory.json"))), &inv); err != nil {
				t.Fatal(err)
			}
			e := inv.Tables["c360_dim_customers"]
			if e == nil || e.Status != string(c.status) || e.Complete != c.complete {
				t.Errorf("inventory entry = %+v, want status %s complete %v", e, c.status, c.complete)
			}
		})
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestTableFolder(t *testing.T) {
	cases := []struct{ flink, layer, product, want string }{
		{"src_c360_customers", "sources", "c360", "src_customers"},
		{"int_c360_customer_transactions", "intermediates", "c360", "int_customer_transactions"},
		{"c360_dim_customers", "dimensions", "c360", "dim_customers"},
		{"c360_fct_customer_360_profile", "facts", "c360", "fct_customer_360_profile"},
		{"customer_analytics_c360", "views", "c360", "customer_analytics_c360"},
		{"c360_summary", "views", "c360", "c360_summary"},
		{"customers_raw", "raw", "c360", "customers_raw"},
		{"src_orders", "sources", "c360", "src_orders"},
		{"src_c360_", "sources", "c360", "src_c360_"},
		{"src_shop_orders", "sources", "", "src_shop_orders"},
	}
	for _, c := range cases {
		if got := emit.TableFolder(c.flink, c.layer, c.product); got != c.want {
			t.Errorf("TableFolder(%q, %q, %q) = %q, want %q", c.flink, c.layer, c.product, got, c.want)
		}
	}
}

func TestStatementName(t *testing.T) {
	cases := []struct{ env, region, product, kind, table, want string }{
		{"dev", "usw2", "c360", "dml", "src_c360_customers", "dev-usw2-c360-dml-src-c360-customers"},
		{"prod", "euw1", "c360", "ddl", "c360_fct_customer_360_profile", "prod-euw1-c360-ddl-c360-fct-customer-360-profile"},
		{"Dev", "usw2", "C360", "ddl", "Odd__Name.x", "dev-usw2-c360-ddl-odd-name-x"},
	}
	for _, c := range cases {
		if got := emit.StatementName(c.env, c.region, c.product, c.kind, c.table); got != c.want {
			t.Errorf("StatementName(%q, %q, %q, %q, %q) = %q, want %q", c.env, c.region, c.product, c.kind, c.table, got, c.want)
		}
	}
}

func TestOptions(t *testing.T) {
	out := t.TempDir()
	write(t, emittest.Run(), out, emit.Options{Env: "prod", Region: "euw1", Cloud: "aws", CloudRegion: "eu-west-1", ComputePool: "lfcp-abc123"})
	var inv emit.Inventory
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(out, "pipelines/inventory.json"))), &inv); err != nil {
		t.Fatal(err)
	}
	if got := inv.Tables["src_c360_customers"].Statements.DML; got != "prod-euw1-c360-dml-src-c360-customers" {
		t.Errorf("DML statement = %q", got)
	}
	mk := readFile(t, filepath.Join(out, "pipelines/common.mk"))
	for _, want := range []string{"STATEMENT_ENV ?= prod\n", "STATEMENT_REGION ?= euw1\n", "FLINK_CLOUD ?= aws\n", "FLINK_REGION ?= eu-west-1\n", "FLINK_COMPUTE_POOL ?= lfcp-abc123\n", "FLINK_DATABASE ?=\n"} {
		if !strings.Contains(mk, want) {
			t.Errorf("common.mk lacks %q", want)
		}
	}
}

func TestWriteErrors(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(r *result.Run)
	}{
		{"duplicate Flink name", func(r *result.Run) { r.Tables[2].FlinkName = r.Tables[0].FlinkName }},
		{"path in a name", func(r *result.Run) { r.Tables[0].FlinkName = "../escape" }},
		{"no layer", func(r *result.Run) { r.Tables[0].Layer = "" }},
		{"raw input read twice", func(r *result.Run) { r.Tables[0].Raw = append(r.Tables[0].Raw, r.Tables[0].Raw[0]) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			run := emittest.Run()
			c.mutate(run)
			if _, err := emit.Write(run, t.TempDir(), emit.Options{}); err == nil {
				t.Error("Write succeeded, want an error")
			}
		})
	}
}

// TestMakefiles runs make -n on the generated Makefiles: they parse, the
// targets expand to the expected Confluent CLI commands, and the SQL file is
// read by the shell, not by make.
func TestMakefiles(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make not installed")
	}
	out := t.TempDir()
	write(t, emittest.Run(), out, emit.Options{})
	cases := []struct {
		folder, target string
		env            []string
		want           []string
	}{
		{"pipelines/sources/c360/src_customers", "create", nil, []string{
			`confluent flink statement create dev-usw2-c360-ddl-src-c360-customers --sql "$(cat 'sql-scripts/ddl.src_c360_customers.sql')" --wait`,
			`confluent flink statement create dev-usw2-c360-dml-src-c360-customers --sql "$(cat 'sql-scripts/dml.src_c360_customers.sql')" --wait`,
		}},
		{"pipelines/sources/c360/src_customers", "create_dml", []string{"FLINK_ENVIRONMENT=env-1", "FLINK_COMPUTE_POOL=lfcp-2", "FLINK_DATABASE=lkc-3", "FLINK_CLOUD=aws", "FLINK_REGION=us-west-2", "STATEMENT_ENV=prod"}, []string{
			`confluent flink statement create prod-usw2-c360-dml-src-c360-customers --sql "$(cat 'sql-scripts/dml.src_c360_customers.sql')" --compute-pool lfcp-2 --database lkc-3 --environment env-1 --cloud aws --region us-west-2 --wait`,
		}},
		{"pipelines/sources/c360/src_customers", "describe_dml", nil, []string{
			`confluent flink statement describe dev-usw2-c360-dml-src-c360-customers`,
		}},
		{"pipelines/sources/c360/src_customers", "delete", nil, []string{
			`confluent flink statement delete dev-usw2-c360-dml-src-c360-customers --force`,
			`confluent flink statement delete dev-usw2-c360-ddl-src-c360-customers --force`,
		}},
		{"pipelines/sources/c360/src_customers", "test", nil, []string{
			`confluent flink statement create dev-usw2-c360-ddl-customers-raw --sql "$(cat 'tests/ddl.customers_raw.sql')" --wait`,
			`confluent flink statement create dev-usw2-c360-dml-customers-raw --sql "$(cat 'tests/insert_customers_raw.sql')" --wait`,
		}},
		{"pipelines/dimensions/c360/dim_customers", "create_dml", nil, []string{
			`echo "refusing to deploy sql-scripts/dml.c360_dim_customers.sql: status needs-llm, the statement is NOT complete (see tracking.md)" >&2; exit 1`,
		}},
	}
	for _, c := range cases {
		t.Run(c.folder+" "+c.target, func(t *testing.T) {
			cmd := exec.Command("make", "-s", "-n", c.target)
			cmd.Dir = filepath.Join(out, c.folder)
			cmd.Env = append(cleanEnv(), c.env...)
			b, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("make -n %s: %v\n%s", c.target, err, b)
			}
			got := strings.Split(strings.TrimSpace(string(b)), "\n")
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("make -n %s:\n got: %s\nwant: %s", c.target, strings.Join(got, "\n      "), strings.Join(c.want, "\n      "))
			}
		})
	}
}

// cleanEnv drops the variables the Makefiles read, so the caller's
// environment cannot change the expected commands.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "FLINK_") || strings.HasPrefix(kv, "STATEMENT_") || strings.HasPrefix(kv, "CONFLUENT=") || strings.HasPrefix(kv, "MAKEFLAGS=") {
			continue
		}
		env = append(env, kv)
	}
	return env
}
