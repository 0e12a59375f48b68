package emit_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/translate/emit/emittest"
	"github.com/c360-migrate/c360-migrate/translate/manifest"
	"github.com/c360-migrate/c360-migrate/translate/result"
)

const (
	dimFolder = "pipelines/dimensions/c360/dim_customers"
	dimDML    = dimFolder + "/sql-scripts/dml.c360_dim_customers.sql"
	dimDDL    = dimFolder + "/sql-scripts/ddl.c360_dim_customers.sql"
	viewDir   = "pipelines/views/c360/customer_analytics_c360"
	viewDML   = viewDir + "/sql-scripts/dml.customer_analytics_c360.sql"
)

// record turns what Write reports into the manifest the next run reads.
func record(w *emit.Written) *manifest.Manifest {
	m := manifest.New()
	m.Files = w.Files
	return m
}

func editFile(t *testing.T, out, rel, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(rel)), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func fileText(t *testing.T, out, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		return "<" + err.Error() + ">"
	}
	return string(b)
}

// TestHandEdits: with the previous run's manifest, a generated file whose
// bytes changed since it was written is kept and reported, whatever the
// run does to its table, unless forced.
func TestHandEdits(t *testing.T) {
	const edit = "-- edited by hand\n"
	changeDim := func(r *result.Run) { // the input changed: new DDL and DML
		r.Tables[1].DDL = strings.Replace(r.Tables[1].DDL, "CREATE TABLE", "CREATE TABLE IF NOT EXISTS", 1)
		r.Tables[1].DML += "-- changed upstream\n"
	}
	dropView := func(r *result.Run) { r.Tables = r.Tables[:2] }
	cases := []struct {
		name         string
		edit         string // file edited by hand after the first run
		noManifest   bool
		force        bool
		change       func(*result.Run)
		wantKept     []string
		wantWritten  []string
		wantText     map[string]string // file -> content after the second run ("" = gone)
		wantRecorded map[string]bool   // file -> recorded hash is the first run's
		verdicts     bool              // verify's section added to the dimension's tracking.md
		wantVerdicts bool              // and still there after the second run
	}{
		{name: "nothing changed writes nothing"},
		{name: "hand-edited file kept on an unchanged run", edit: dimDML,
			wantKept: []string{dimDML}, wantWritten: []string{dimFolder + "/tracking.md"},
			wantText: map[string]string{dimDML: edit}, wantRecorded: map[string]bool{dimDML: true}},
		{name: "input changed: hand-edited file kept, the others updated", edit: dimDML, change: changeDim,
			wantKept: []string{dimDML}, wantWritten: []string{dimDDL, dimFolder + "/tracking.md"},
			wantText: map[string]string{dimDML: edit}, wantRecorded: map[string]bool{dimDML: true}},
		{name: "force overwrites a hand-edited file", edit: dimDML, change: changeDim, force: true,
			wantWritten: []string{dimDDL, dimDML}},
		{name: "without a manifest nothing is known to be hand-edited", edit: dimDML, noManifest: true,
			wantWritten: []string{dimDML}},
		{name: "user file in a table folder kept", edit: dimFolder + "/NOTES.md",
			wantKept: []string{dimFolder + "/NOTES.md"}, wantWritten: []string{dimFolder + "/tracking.md"}, wantText: map[string]string{dimFolder + "/NOTES.md": edit}},
		{name: "hand-edited common.mk kept", edit: "pipelines/common.mk",
			wantKept: []string{"pipelines/common.mk"}, wantText: map[string]string{"pipelines/common.mk": edit},
			wantRecorded: map[string]bool{"pipelines/common.mk": true}},
		{name: "stale folder: hand-edited file kept, the rest removed", edit: viewDML, change: dropView,
			wantKept: []string{viewDML}, wantWritten: []string{"pipelines/inventory.json"},
			wantText: map[string]string{viewDML: edit, viewDir + "/Makefile": ""}, wantRecorded: map[string]bool{viewDML: true}},
		{name: "verify's verdicts are not a hand edit: kept while the table is unchanged", verdicts: true, wantVerdicts: true},
		{name: "verify's verdicts dropped when the table changes", verdicts: true, change: changeDim,
			wantWritten: []string{dimDDL, dimDML, dimFolder + "/tracking.md"}},
		{name: "stale folder removed with force", edit: viewDML, change: dropView, force: true,
			wantWritten: []string{"pipelines/inventory.json"}, wantText: map[string]string{viewDML: ""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			first := write(t, emittest.Run(), out, emit.Options{})
			prev := record(first)
			if tc.noManifest {
				prev = nil
			}
			if tc.edit != "" {
				editFile(t, out, tc.edit, edit)
			}
			tracking := dimFolder + "/tracking.md"
			if tc.verdicts {
				editFile(t, out, tracking, fileText(t, out, tracking)+emit.VerifyBegin+"\n## Verified\n\nequal\n"+emit.VerifyEnd+"\n")
			}
			run := emittest.Run()
			if tc.change != nil {
				tc.change(run)
			}
			w := write(t, run, out, emit.Options{Manifest: prev, Force: tc.force})
			if !reflect.DeepEqual(w.HandEdited, tc.wantKept) {
				t.Errorf("HandEdited = %v, want %v", w.HandEdited, tc.wantKept)
			}
			if !reflect.DeepEqual(w.Written, tc.wantWritten) {
				t.Errorf("Written = %v, want %v", w.Written, tc.wantWritten)
			}
			if tc.verdicts && strings.Contains(fileText(t, out, tracking), emit.VerifyBegin) != tc.wantVerdicts {
				t.Errorf("verify's section in tracking.md: got %v, want %v", !tc.wantVerdicts, tc.wantVerdicts)
			}
			for rel, want := range tc.wantText {
				got := fileText(t, out, rel)
				if want == "" && !strings.HasPrefix(got, "<") {
					t.Errorf("%s still there", rel)
				}
				if want != "" && got != want {
					t.Errorf("%s = %q, want %q", rel, got, want)
				}
			}
			for _, k := range tc.wantKept {
				if !strings.HasPrefix(k, dimFolder+"/") {
					continue
				}
				if tr := fileText(t, out, dimFolder+"/tracking.md"); !strings.Contains(tr, "## Hand-edited files, kept\n") ||
					!strings.Contains(tr, "- `"+strings.TrimPrefix(k, dimFolder+"/")+"`\n") {
					t.Errorf("tracking.md does not list %s as kept:\n%s", k, tr)
				}
			}
			for rel := range tc.wantRecorded {
				if w.Files[rel] != first.Files[rel] {
					t.Errorf("recorded hash of %s changed: a kept file must stay detected", rel)
				}
			}
			// The record covers every generated file that was not kept.
			for rel, h := range w.Files {
				if tc.wantRecorded[rel] {
					continue
				}
				if got := manifest.Hash([]byte(fileText(t, out, rel))); got != h {
					t.Errorf("recorded hash of %s is not its content's", rel)
				}
			}
		})
	}
}

// TestProductsShareFolder: two projects written into one folder, one run
// each, both stay; re-running one leaves the other's tables alone.
func TestProductsShareFolder(t *testing.T) {
	out := t.TempDir()
	write(t, emittest.Run(), out, emit.Options{})
	other := renamed(emittest.Run(), "sales")
	write(t, other, out, emit.Options{})
	inv, err := emit.ReadInventory(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(inv.Tables) != 6 || inv.Product != "c360,sales" {
		t.Fatalf("inventory has %d tables, product %q; want 6, c360,sales", len(inv.Tables), inv.Product)
	}
	wantOrder := []string{"src_c360_customers", "c360_dim_customers", "customer_analytics_c360",
		"src_sales_customers", "sales_dim_customers", "customer_analytics_sales"}
	if !reflect.DeepEqual(inv.Order, wantOrder) {
		t.Errorf("deploy order %v, want %v", inv.Order, wantOrder)
	}
	// Re-running c360 without its view: sales keeps all its tables.
	run := emittest.Run()
	run.Tables = run.Tables[:2]
	w := write(t, run, out, emit.Options{})
	for _, r := range w.Removed {
		if strings.Contains(r, "/sales/") {
			t.Errorf("removed %s of another product", r)
		}
	}
	if inv, _ = emit.ReadInventory(out); len(inv.Tables) != 5 {
		t.Errorf("inventory has %d tables after the re-run, want 5", len(inv.Tables))
	}
	// One folder, one profile.
	oss := renamed(emittest.Run(), "web")
	oss.Profile = "oss"
	if _, err := emit.Write(oss, out, emit.Options{}); err == nil || !strings.Contains(err.Error(), "profile") {
		t.Errorf("a second profile in one folder: err = %v, want a profile error", err)
	}
}

// renamed gives the sample run another product.
func renamed(run *result.Run, product string) *result.Run {
	fix := func(s string) string { return strings.ReplaceAll(s, "c360", product) }
	run.Product = product
	for _, t := range run.Tables {
		t.Product, t.FlinkName, t.SparkName = product, fix(t.FlinkName), fix(t.SparkName)
		t.DDL, t.DML = fix(t.DDL), fix(t.DML)
		for i, d := range t.Deps {
			t.Deps[i] = fix(d)
		}
	}
	return run
}

// TestInterruptedRunLeavesNoHandEdits: a run that stops after writing some
// folders (killed, or a write failing) leaves files holding new bytes
// while the manifest still records the old ones. The hashes recorded
// ahead of the writes (BeforeWrite, manifest.Pending) make them the
// tool's: the next run, whose input changed again, updates them instead
// of keeping them as hand edits. Without that record they would look
// hand-edited (the control).
func TestInterruptedRunLeavesNoHandEdits(t *testing.T) {
	changed := func(text string) *result.Run { // every table's DML changes
		r := emittest.Run()
		for _, tb := range r.Tables {
			tb.DML += text
		}
		return r
	}
	for _, writeAhead := range []bool{true, false} {
		out := t.TempDir()
		prev := record(write(t, emittest.Run(), out, emit.Options{}))
		editFile(t, out, viewDML, "-- edited by hand\n")

		saved := prev // the manifest the interrupted run leaves on disk
		opts := emit.Options{Manifest: prev, FS: &failFS{FS: emit.OS, fail: func(op, p string) bool {
			return op == "rename" && strings.Contains(p, "views/")
		}}}
		if writeAhead {
			opts.BeforeWrite = func(pending map[string]string) error {
				m := *prev
				m.Pending = pending
				saved = &m
				return nil
			}
		}
		if _, err := emit.Write(changed("-- changed upstream\n"), out, opts); err == nil {
			t.Fatal("the injected failure did not stop the run")
		}
		if !strings.Contains(fileText(t, out, dimDML), "changed upstream") {
			t.Fatal("the interrupted run wrote nothing before the view: nothing to test")
		}

		w := write(t, changed("-- changed again\n"), out, emit.Options{Manifest: saved})
		if writeAhead {
			if want := []string{viewDML}; !reflect.DeepEqual(w.HandEdited, want) {
				t.Errorf("HandEdited = %v, want only the user's edit %v", w.HandEdited, want)
			}
			if !strings.Contains(fileText(t, out, dimDML), "changed again") {
				t.Errorf("%s not updated", dimDML)
			}
		} else if !slices.Contains(w.HandEdited, dimDML) {
			t.Errorf("control: HandEdited = %v; without the pending hashes %s should look hand-edited", w.HandEdited, dimDML)
		}
	}
}
