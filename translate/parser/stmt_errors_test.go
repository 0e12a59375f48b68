package parser

import (
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// TestStatementErrors pins the position and wording of errors in DDL, DML
// and utility statements. Each source is one statement; its error is
// reported and the statement becomes a BadStmt.
func TestStatementErrors(t *testing.T) {
	tests := []struct {
		d         token.Dialect
		src, want string
	}{
		{spark, "CREATE INDEX i ON t (a)", `1:8: error: expected TABLE, VIEW, FUNCTION, DATABASE, SCHEMA or CATALOG after CREATE, found 'INDEX'`},
		{spark, "CREATE GLOBAL TABLE t (a INT)", `1:15: error: expected VIEW after GLOBAL, found 'TABLE'`},
		{spark, "CREATE TABLE (a INT)", `1:14: error: expected a table name, found '('`},
		{spark, "CREATE TABLE t (a INT,)", `1:23: error: expected a column name, found ')'`},
		{spark, "CREATE TABLE t (a, b) USING delta", `1:18: error: expected a type name, found ','`},
		{spark, "CREATE TABLE t (a INT b INT)", `1:23: error: expected ',' or ')' in the column list, found 'b'`},
		{spark, "CREATE TABLE t (a INT) USING delta LOCATION", `1:44: error: expected a string literal, found end of input`},
		{spark, "CREATE TABLE t (a INT) USING delta USING parquet", `1:36: error: USING given twice`},
		{spark, "CREATE TABLE t (a INT) USING delta\n  PARTITIONED (a)", `2:3: error: expected USING, PARTITIONED BY, CLUSTERED BY, LOCATION, COMMENT, TBLPROPERTIES, OPTIONS, AS or ';', found 'PARTITIONED'`},
		{flink, "CREATE TABLE t (a INT) WITH ('k' = 'v') FOO", `1:41: error: expected COMMENT, PARTITIONED BY, DISTRIBUTED BY, WITH, LIKE, AS or ';', found 'FOO'`},
		{flink, "CREATE TABLE t (a INT, WATERMARK FOR a)", `1:39: error: expected AS, found ')'`},
		{flink, "CREATE TABLE t (a INT, PRIMARY KEY a)", `1:36: error: expected '(', found 'a'`},
		{flink, "CREATE TABLE t (a INT, PRIMARY KEY (a), PRIMARY KEY (a))", `1:41: error: a table has one PRIMARY KEY; found a second one`},
		{flink, "CREATE TABLE t (a INT) DISTRIBUTED BY HASH(a) INTO BUCKETS", `1:52: error: expected a number of buckets, found 'BUCKETS'`},
		{flink, "CREATE TABLE t (a INT) DISTRIBUTED HASH(a)", `1:36: error: expected BY or INTO after DISTRIBUTED, found 'HASH'`},
		{flink, "CREATE TABLE t (a INT) WITH ('k' = )", `1:36: error: expected a string literal, found ')'`},
		{spark, "CREATE TABLE t (a INT) OPTIONS ('k' = )", `1:39: error: expected a property value, found ')'`},
		{flink, "CREATE TABLE t (a INT) WITH ('k' 'v')", `1:37: error: expected '=', found ')'`},
		{flink, "CREATE TABLE t (a INT) WITH (k = 'v')", `1:30: error: expected a string literal, found 'k'`},
		{flink, "CREATE TABLE t (a INT) WITH ('k' = 1)", `1:36: error: expected a string literal, found number 1`},
		{flink, "SET execution.runtime-mode = streaming", `1:5: error: expected a string literal (Flink quotes the configuration key), found 'execution'`},
		{flink, "RESET execution.runtime-mode", `1:7: error: expected a string literal (Flink quotes the configuration key), found 'execution'`},
		{flink, "CREATE TABLE t (a INT) DISTRIBUTED BY HASH a", `1:44: error: expected '(', found 'a'`},
		{flink, "CREATE TABLE t (a INT) WITH ('k' = 'v'", `1:39: error: expected ',' or ')' in the property list, found end of input`},
		{flink, "CREATE TABLE t (a INT) WITH (\"k\" = 'v')", `1:30: error: expected a string in single quotes (Flink SQL reads double quotes as neither string nor identifier), found string "k"`},
		{spark, "CREATE TABLE t (a INT GENERATED AS (1))", `1:33: error: expected ALWAYS or BY DEFAULT after GENERATED, found 'AS'`},
		{spark, "CREATE TABLE t ROW FORMAT JSON", `1:27: error: expected SERDE or DELIMITED after ROW FORMAT, found 'JSON'`},
		{spark, "CREATE TABLE t CLUSTERED BY (a) 4 BUCKETS", `1:33: error: expected INTO, found number 4`},
		{spark, "CREATE VIEW v", `1:14: error: expected AS, found end of input`},
		{spark, "CREATE VIEW v AS", `1:17: error: expected a query after AS, found end of input`},
		{spark, "CREATE VIEW v (a INT) AS SELECT 1", `1:23: error: expected USING (a view whose columns have types reads a data source), found 'AS'`},
		{spark, "CREATE FUNCTION f 'x'", `1:19: error: expected AS, found string 'x'`},
		{spark, "CREATE FUNCTION f AS x", `1:22: error: expected a string literal, found 'x'`},
		{spark, "CREATE TEMPORARY FUNCTION f AS 'x' USING 'y'", `1:42: error: expected JAR, FILE or ARCHIVE, found string 'y'`},
		{spark, "CREATE DATABASE db OWNER me", `1:20: error: expected COMMENT, LOCATION, WITH or ';', found 'OWNER'`},
		{spark, "DROP INDEX i", `1:6: error: expected TABLE, VIEW, FUNCTION, DATABASE, SCHEMA or CATALOG after DROP, found 'INDEX'`},
		{spark, "DROP TABLE IF t", `1:15: error: expected ';' or end of statement, found 't'`},
		{spark, "ALTER TABLE t", `1:14: error: expected an ALTER action (RENAME, ADD, DROP, ALTER COLUMN, SET, UNSET, RESET, ...), found end of input`},
		{spark, "ALTER TABLE t FROBNICATE", `1:15: error: expected an ALTER action (RENAME, ADD, DROP, ALTER COLUMN, SET, UNSET, RESET, ...), found 'FROBNICATE'`},
		{spark, "ALTER TABLE t RENAME a", `1:23: error: expected TO, found end of input`},
		{spark, "ALTER INDEX i", `1:7: error: expected TABLE or VIEW after ALTER, found 'INDEX'`},
		{spark, "COMMENT ON INDEX i IS 'x'", `1:12: error: expected TABLE, COLUMN, DATABASE or SCHEMA after COMMENT ON, found 'INDEX'`},
		{spark, "COMMENT ON TABLE t IS 5", `1:23: error: expected a string literal or NULL, found number 5`},
		{spark, "INSERT t SELECT 1", `1:8: error: expected INTO or OVERWRITE after INSERT, found 't'`},
		{spark, "INSERT INTO t", `1:14: error: expected a query (SELECT, VALUES, WITH or '('), found end of input`},
		{spark, "INSERT INTO t (a, b SELECT 1", `1:21: error: expected ',' or ')', found 'SELECT'`},
		{spark, "INSERT INTO SELECT 1", `1:20: error: expected a query (SELECT, VALUES, WITH or '('), found number 1`},
		{flink, "EXECUTE STATEMENT SET BEGIN END", `1:29: error: a statement set needs at least one INSERT`},
		{flink, "EXECUTE STATEMENT SET BEGIN SELECT 1; END", `1:29: error: expected INSERT or END in the statement set, found 'SELECT'`},
		{flink, "EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1 INSERT INTO b SELECT 2; END", `1:52: error: expected ';' after the INSERT, found 'INSERT'`},
		{flink, "EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1;", `1:52: error: expected INSERT or END in the statement set, found end of input`},
		{flink, "EXECUTE PLAN 'x'", `1:9: error: expected STATEMENT SET or INSERT after EXECUTE, found 'PLAN'`},
		{flink, "BEGIN TRANSACTION", `1:7: error: expected STATEMENT, found 'TRANSACTION'`},
		{spark, "MERGE INTO t USING s ON t.a = s.a", `1:34: error: expected WHEN MATCHED or WHEN NOT MATCHED, found end of input`},
		{spark, "MERGE INTO t USING s WHEN MATCHED THEN DELETE", `1:22: error: expected ON, found 'WHEN'`},
		{spark, "MERGE INTO t USING s ON x WHEN MATCHED THEN INSERT *", `1:45: error: expected UPDATE or DELETE, found 'INSERT'`},
		{spark, "MERGE INTO t USING s ON x WHEN NOT MATCHED THEN DELETE", `1:49: error: expected INSERT after WHEN NOT MATCHED ... THEN, found 'DELETE'`},
		{spark, "MERGE INTO t USING s ON x WHEN NOT MATCHED BY SOURCE THEN INSERT *", `1:59: error: expected UPDATE or DELETE, found 'INSERT'`},
		{spark, "MERGE INTO t USING s ON x WHEN NOT MATCHED BY NOBODY THEN INSERT *", `1:47: error: expected SOURCE or TARGET after BY, found 'NOBODY'`},
		{spark, "MERGE INTO t USING s ON x WHEN MATCHED THEN UPDATE SET a 1", `1:58: error: expected '=', found number 1`},
		{spark, "UPDATE t WHERE a = 1", `1:10: error: expected SET, found 'WHERE'`},
		{spark, "UPDATE t SET = 1", `1:14: error: expected a column name, found '='`},
		{spark, "DELETE t WHERE a = 1", `1:8: error: expected FROM, found 't'`},
		{spark, "SET = 1", `1:5: error: expected a configuration key, found '='`},
		{flink, "SET 'k' 'v'", `1:9: error: expected '=', found string 'v'`},
		{flink, "SET 'k' = v", `1:11: error: expected a string literal, found 'v'`},
		{spark, "SET TIME ZONE", `1:14: error: expected LOCAL or a time zone after SET TIME ZONE, found end of input`},
		{spark, "USE", `1:4: error: expected a database name, found end of input`},
		{flink, "USE MODULES a,", `1:15: error: expected a module name, found end of input`},
		{spark, "CACHE t", `1:7: error: expected TABLE, found 't'`},
		{spark, "CACHE TABLE t AS", `1:17: error: expected a query after AS, found end of input`},
		{spark, "UNCACHE t", `1:9: error: expected TABLE, found 't'`},
		{flink, "EXPLAIN CHANGELOG_MODE, SELECT 1", `1:25: error: expected an EXPLAIN mode (ESTIMATED_COST, CHANGELOG_MODE, JSON_EXECUTION_PLAN, PLAN_ADVICE), found 'SELECT'`},
		{spark, "EXPLAIN", `1:8: error: expected a statement, found end of input`},
		{spark, "DESCRIBE", `1:9: error: expected a table name, found end of input`},
		{spark, "FROBNICATE TABLE t", `1:1: error: expected a statement (SELECT, INSERT, CREATE, ...), found 'FROBNICATE'`},
		{spark, "ADD t", `1:1: error: expected a statement (SELECT, INSERT, CREATE, ...), found 'ADD'`},
		{spark, "ALTER TABLE t ADD COLUMNS (a INT\n\n  b INT)", `3:3: error: expected ',' or ')' in the column list, found 'b'`},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			f, errs := ParseFile("q.sql", tt.src, tt.d)
			if len(errs) == 0 {
				t.Fatalf("%q: no error, want %q (parsed as %s)", tt.src, tt.want, sstmt(f.Stmts[0]))
			}
			got := strings.TrimPrefix(errs[0].Error(), "q.sql:")
			if got != tt.want {
				t.Errorf("%s\n got  %s\n want %s", tt.src, got, tt.want)
			}
			// After an error the parser resumes after the next ';', so
			// what follows it may be parsed as a statement of its own.
			if len(f.Stmts) == 0 {
				t.Fatal("no statements")
			}
			if _, ok := f.Stmts[0].(*ast.BadStmt); !ok {
				t.Errorf("statement is %T, want *ast.BadStmt", f.Stmts[0])
			}
		})
	}
}
