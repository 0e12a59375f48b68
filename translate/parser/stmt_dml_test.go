package parser

import "testing"

func TestInsert(t *testing.T) {
	runStmtRows(t, []stmtRow{
		{spark, "INSERT INTO t SELECT * FROM s", `Insert table=t query=<select from s>`},
		{spark, "INSERT INTO TABLE db.t (a, b) VALUES (1, 'x'), (2, 'y')", `Insert tableKW table=db.t cols=(a, b) query=<values 2>`},
		{spark, "INSERT OVERWRITE TABLE t PARTITION (dt = '2024-01-01', region) IF NOT EXISTS SELECT a, region FROM s", `Insert overwrite tableKW table=t partition=(dt="2024-01-01", region) ifNotExists query=<select from s>`},
		{spark, "INSERT INTO t BY NAME SELECT b, a FROM s", `Insert table=t byName query=<select from s>`},
		{spark, "INSERT INTO t (SELECT * FROM s)", `Insert table=t query=<*ast.ParenQuery>`},
		{spark, "WITH c AS (SELECT 1 AS x) INSERT INTO t SELECT x FROM c", `Insert table=t query=<with c select from c>`},
		{spark, "WITH c AS (SELECT 1 AS x) INSERT INTO t WITH d AS (SELECT 2) SELECT x FROM c", `Insert table=t query=<with c,d select from c>`},
		{spark, "INSERT OVERWRITE LOCAL DIRECTORY '/tmp/out' ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' STORED AS TEXTFILE SELECT * FROM t", `Insert overwrite local directory="/tmp/out" rowFormat=DELIMITED FIELDS TERMINATED BY ',' storedAs=TEXTFILE query=<select from t>`},
		{spark, "INSERT OVERWRITE DIRECTORY USING parquet OPTIONS (path '/o') SELECT 1", `Insert overwrite dirUsing=parquet dirOptions={path "/o"} query=<select>`},
		{flink, "INSERT INTO sink /*+ OPTIONS('sink.parallelism' = '2') */ SELECT * FROM src", `Insert table=sink hints=OPTIONS[(= "sink.parallelism" "2")] query=<select from src>`},
		{flink, "INSERT OVERWRITE t PARTITION (dt = '2024') SELECT a FROM s", `Insert overwrite table=t partition=(dt="2024") query=<select from s>`},
		{flink, "EXECUTE INSERT INTO t SELECT 1", `Insert table=t query=<select>`},
	})
}

func TestStatementSet(t *testing.T) {
	runStmtRows(t, []stmtRow{
		{flink, "EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT * FROM s; INSERT INTO b SELECT * FROM s; END", `StatementSet execute insert={table=a query=<select from s> text="INSERT INTO a SELECT * FROM s"} insert={table=b query=<select from s> text="INSERT INTO b SELECT * FROM s"}`},
		{flink, "EXECUTE STATEMENT SET BEGIN\n  INSERT INTO a SELECT 1\nEND", `StatementSet execute insert={table=a query=<select> text="INSERT INTO a SELECT 1"}`},
		{flink, "BEGIN STATEMENT SET", `StatementSet`},
		{flink, "END", `StatementSet`},
	})
	f, errs := ParseFile("set.sql", "BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND;", flink)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, s := range f.Stmts {
		got = append(got, sstmt(s))
	}
	want := []string{"StatementSet", "Insert table=a query=<select>", "Insert table=b query=<select>", "StatementSet"}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("statement %d: got %s, want %s", i, got[i], want[i])
		}
	}
}

func TestMergeUpdateDelete(t *testing.T) {
	runStmtRows(t, []stmtRow{
		{spark, "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *", `Merge target=t source=s on=(= t.id s.id) when={MATCHED then=UPDATE star} when={NOT MATCHED then=INSERT star}`},
		{spark, "MERGE INTO db.t AS tgt USING (SELECT * FROM s WHERE x > 0) AS src ON tgt.id = src.id " +
			"WHEN MATCHED AND src.deleted THEN DELETE " +
			"WHEN MATCHED THEN UPDATE SET tgt.v = src.v, n = n + 1 " +
			"WHEN NOT MATCHED BY TARGET AND src.v IS NOT NULL THEN INSERT (id, v) VALUES (src.id, src.v) " +
			"WHEN NOT MATCHED BY SOURCE AND tgt.old THEN DELETE " +
			"WHEN NOT MATCHED BY SOURCE THEN UPDATE SET tgt.active = false",
			"Merge target=db.t alias=AS tgt source=(query) AS src on=(= tgt.id src.id) " +
				"when={MATCHED and=src.deleted then=DELETE} " +
				"when={MATCHED then=UPDATE set=[tgt.v=src.v, n=(+ n 1)]} " +
				"when={NOT MATCHED byTarget and=(IS NOT src.v NULL) then=INSERT cols=(id, v) values=[src.id src.v]} " +
				"when={NOT MATCHED bySource and=tgt.old then=DELETE} " +
				"when={NOT MATCHED bySource then=UPDATE set=[tgt.active=FALSE]}"},
		{spark, "MERGE INTO t tg USING s sr ON tg.k = sr.k WHEN NOT MATCHED THEN INSERT VALUES (sr.k)", `Merge target=t alias=tg source=s sr on=(= tg.k sr.k) when={NOT MATCHED then=INSERT values=[sr.k]}`},
		{spark, "WITH s AS (SELECT 1 AS k) MERGE INTO t USING s ON t.k = s.k WHEN MATCHED THEN DELETE", `Merge with=<with s> target=t source=s on=(= t.k s.k) when={MATCHED then=DELETE}`},
		{spark, "UPDATE t SET a = 1, b = b + 1 WHERE c > 0", `Update table=t set=[a=1, b=(+ b 1)] where=(> c 0)`},
		{spark, "UPDATE db.t AS x SET x.a = NULL", `Update table=db.t alias=AS x set=[x.a=NULL]`},
		{flink, "UPDATE t SET a = 'x'", `Update table=t set=[a="x"]`},
		{spark, "DELETE FROM t WHERE dt < DATE '2024-01-01'", `Delete table=t where=(< dt DATE'2024-01-01')`},
		{spark, "DELETE FROM db.t x WHERE x.a IN (SELECT a FROM s)", `Delete table=db.t alias=x where=(IN x.a <query>)`},
		{flink, "DELETE FROM t", `Delete table=t`},
	})
}
