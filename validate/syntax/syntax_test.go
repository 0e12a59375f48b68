package syntax_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/validate/syntax"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // "" for no finding, else "line:col: severity: [rule] message-prefix"
	}{
		{"ok insert", "INSERT INTO t\nSELECT a, b FROM s;\n", ""},
		{"ok ddl", "CREATE TABLE t (\n  a INT,\n  PRIMARY KEY (a) NOT ENFORCED\n) WITH ('connector' = 'kafka');\n", ""},
		{"parse error", "INSERT INTO t\nSELECT a, FROM s;\n", "2:11: error: [syntax.parse] "},
		{"second statement", "SET 'a' = 'b';\n\nINSERT INTO t SELEC a FROM s;\n", "3:15: error: [syntax.parse] "},
		{"lateral view", "INSERT INTO t\nSELECT a, x FROM s\nLATERAL VIEW explode(arr) e AS x;\n", "3:1: error: [syntax.spark-only] LATERAL VIEW is Spark SQL"},
		{"qualify", "INSERT INTO t\nSELECT a FROM s\nQUALIFY ROW_NUMBER() OVER (PARTITION BY a ORDER BY b) = 1;\n", "3:9: error: [syntax.spark-only] QUALIFY"},
		{"colon cast", "INSERT INTO t SELECT a::INT FROM s;\n", "1:22: error: [syntax.spark-only] x::type"},
		{"left semi", "INSERT INTO t SELECT a FROM s LEFT SEMI JOIN r ON s.a = r.a;\n", "1:31: error: [syntax.spark-only] LEFT SEMI JOIN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := syntax.Check("g.sql", tt.src)
			if tt.want == "" {
				if len(l) != 0 {
					t.Fatalf("want no finding, got:\n%s", l)
				}
				return
			}
			if len(l) == 0 {
				t.Fatalf("want %q, got no finding", tt.want)
			}
			if got := l[0].Error(); !strings.HasPrefix(got, "g.sql:"+tt.want) {
				t.Errorf("got  %s\nwant g.sql:%s...", got, tt.want)
			}
		})
	}
}

func TestCheckDirNamesSparkFile(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "pipelines", "facts", "p", "fct_x")
	write(t, filepath.Join(folder, "sql-scripts", "dml.p_fct_x.sql"), "INSERT INTO p_fct_x\nSELECT a,\nFROM s;\n")
	write(t, filepath.Join(folder, "sql-scripts", "ddl.p_fct_x.sql"), "CREATE TABLE p_fct_x (a INT);\n")
	write(t, filepath.Join(folder, "tests", "ddl.x_raw.sql"), "CREATE TABLE x_raw (a INT,);\n")
	write(t, filepath.Join(dir, "pipelines", "inventory.json"), `{"product": "p", "profile": "confluent", "deploy_order": ["p_fct_x"],
  "tables": {"p_fct_x": {"spark_file": "facts/fct_x.sql", "folder": "pipelines/facts/p/fct_x",
    "ddl": "pipelines/facts/p/fct_x/sql-scripts/ddl.p_fct_x.sql", "dml": "pipelines/facts/p/fct_x/sql-scripts/dml.p_fct_x.sql"}}}`)

	l, err := syntax.CheckDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(l.String(), dir+string(filepath.Separator), "")
	got = filepath.ToSlash(got)
	want := []string{
		"pipelines/facts/p/fct_x/sql-scripts/dml.p_fct_x.sql:3:1: error: [syntax.parse] ",
		"(from Spark file facts/fct_x.sql)\n",
		"pipelines/facts/p/fct_x/tests/ddl.x_raw.sql:1:",
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in:\n%s", w, got)
		}
	}
	if strings.Count(got, "(from Spark file") != 1 {
		t.Errorf("only the sql-scripts file comes from Spark:\n%s", got)
	}
}

func TestCheckDirCommittedOutput(t *testing.T) {
	l, err := syntax.CheckDir(filepath.Join("..", "..", "flink_out"))
	if err != nil {
		t.Fatal(err)
	}
	if len(l) != 0 {
		t.Errorf("flink_out has syntax errors:\n%s", l)
	}
}

func TestCheckDirMissing(t *testing.T) {
	if _, err := syntax.CheckDir(filepath.Join(t.TempDir(), "nope")); err == nil {
		t.Error("want an error for a missing folder")
	}
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
