package parser

import (
	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// This file holds the DDL statements: CREATE TABLE / VIEW / FUNCTION /
// DATABASE, DROP, ALTER and COMMENT ON, and the pieces they share (column
// definitions, property lists, partition specs). DML is in stmt_dml.go and
// the utility statements in stmt_util.go.

// parseCreate parses every CREATE statement and Spark's REPLACE TABLE.
func (p *parser) parseCreate() ast.Stmt {
	if p.accept("REPLACE") {
		if !p.is("TABLE") {
			p.fail("TABLE after REPLACE")
		}
		return p.parseCreateTable(&ast.CreateTable{Replace: true})
	}
	start := p.i
	p.expect("CREATE")
	orReplace := p.acceptSeq("OR", "REPLACE")
	global := p.accept("GLOBAL")
	temporary := p.accept("TEMPORARY") || p.accept("TEMP")
	system := temporary && p.accept("SYSTEM")
	external := p.accept("EXTERNAL")
	switch {
	case global && !p.is("VIEW"):
		p.fail("VIEW after GLOBAL")
	case system && !p.is("FUNCTION"):
		p.fail("FUNCTION after TEMPORARY SYSTEM")
	case external && !p.is("TABLE"):
		p.fail("TABLE after EXTERNAL")
	}
	if n := p.otherObjectWords(); n > 0 {
		p.i += n
		p.acceptSeq("IF", "NOT", "EXISTS")
		return p.command(start, true)
	}
	switch p.upper() {
	case "TABLE":
		if p.tok().Kind == token.Word {
			return p.parseCreateTable(&ast.CreateTable{OrReplace: orReplace, Temporary: temporary, External: external})
		}
	case "VIEW":
		if p.tok().Kind == token.Word {
			return p.parseCreateView(&ast.CreateView{OrReplace: orReplace, Global: global, Temporary: temporary})
		}
	case "FUNCTION":
		if p.tok().Kind == token.Word {
			return p.parseCreateFunction(&ast.CreateFunction{OrReplace: orReplace, Temporary: temporary, System: system})
		}
	case "DATABASE", "SCHEMA", "NAMESPACE", "CATALOG":
		if p.tok().Kind == token.Word && !orReplace && !temporary {
			return p.parseCreateDatabase()
		}
	}
	switch {
	case orReplace || temporary:
		p.fail("TABLE, VIEW or FUNCTION")
	}
	p.fail("TABLE, VIEW, FUNCTION, DATABASE, SCHEMA or CATALOG after CREATE")
	return nil
}

// ---------------------------------------------------------------------------
// CREATE TABLE

// parseCreateTable parses from the TABLE keyword on.
func (p *parser) parseCreateTable(ct *ast.CreateTable) ast.Stmt {
	p.expect("TABLE")
	ct.IfNotExists = p.acceptSeq("IF", "NOT", "EXISTS")
	ct.Name = p.expectName("a table name")
	if p.isOp("(") && !p.queryStartsAt(p.i) {
		p.parseTableElements(ct)
	}
	p.parseTableClauses(ct)
	return ct
}

// parseTableElements parses the parenthesised list of column definitions
// and table constraints (PRIMARY KEY, WATERMARK).
func (p *parser) parseTableElements(ct *ast.CreateTable) {
	p.expectOp("(")
	for {
		var col *ast.ColumnDef
		switch {
		case p.isSeq("PRIMARY", "KEY") || p.is("CONSTRAINT"):
			pk := p.parsePrimaryKey()
			if ct.PrimaryKey != nil {
				p.failAt(pk.Pos(), "a table has one PRIMARY KEY; found a second one")
			}
			ct.PrimaryKey = pk
		case p.isSeq("WATERMARK", "FOR"):
			w := p.parseWatermark()
			if ct.Watermark != nil {
				p.failAt(w.Pos(), "a table has one WATERMARK; found a second one")
			}
			ct.Watermark = w
		default:
			col = p.parseColumnDef(true)
			ct.Columns = append(ct.Columns, col)
		}
		if !p.acceptOp(",") {
			break
		}
		if col != nil {
			col.After = append(col.After, p.takeTrailing()...)
		}
	}
	if !p.isOp(")") {
		p.fail("',' or ')' in the column list")
	}
	p.skip()
}

// parseTableClauses parses the clauses that follow the column list, in any
// order, and the AS query that ends a CTAS.
func (p *parser) parseTableClauses(ct *ast.CreateTable) {
	seen := map[string]bool{}
	once := func(clause string) {
		if seen[clause] {
			p.failAt(p.tok().Pos, "%s given twice", clause)
		}
		seen[clause] = true
	}
	for {
		switch {
		case p.is("USING"):
			once("USING")
			p.skip()
			ct.Using = p.parseFormatName()
		case p.isSeq("STORED", "AS"):
			once("STORED AS")
			p.i += 2
			ct.StoredAs = p.parseStoredAs()
		case p.isSeq("ROW", "FORMAT"):
			once("ROW FORMAT")
			p.i += 2
			ct.RowFormat = p.parseRowFormat()
		case p.isSeq("PARTITIONED", "BY"):
			once("PARTITIONED BY")
			p.i += 2
			ct.Partitioned = p.parsePartitionColumns()
		case p.isSeq("CLUSTERED", "BY"):
			once("CLUSTERED BY")
			ct.Clustered = p.parseBucketing()
		case p.isSeq("CLUSTER", "BY"):
			once("CLUSTER BY")
			p.i += 2
			ct.ClusterBy = p.parseParenIdents()
		case p.is("DISTRIBUTED"):
			once("DISTRIBUTED")
			ct.Distributed = p.parseDistribution()
		case p.is("LOCATION"):
			once("LOCATION")
			p.skip()
			ct.Location = p.expectOneString()
		case p.is("COMMENT"):
			once("COMMENT")
			p.skip()
			ct.Comment = p.expectString()
		case p.is("TBLPROPERTIES"):
			once("TBLPROPERTIES")
			p.skip()
			ct.TblProps = p.parseProperties()
		case p.is("OPTIONS"):
			once("OPTIONS")
			p.skip()
			ct.Options = p.parseProperties()
		case p.is("WITH") && p.isOpAt(1, "("):
			once("WITH")
			p.skip()
			ct.With = p.parseProperties()
		case p.is("LIKE"):
			once("LIKE")
			ct.Like = p.parseLikeClause()
		case p.is("AS"):
			p.skip()
			ct.Query = p.parseQueryHere("a query after AS")
			return
		case p.queryStartsAt(p.i):
			ct.Query = p.parseQuery()
			return
		default:
			if p.atStmtEnd() {
				return
			}
			if p.dialect == token.Flink {
				p.fail("COMMENT, PARTITIONED BY, DISTRIBUTED BY, WITH, LIKE, AS or ';'")
			}
			p.fail("USING, PARTITIONED BY, CLUSTERED BY, LOCATION, COMMENT, TBLPROPERTIES, OPTIONS, AS or ';'")
		}
	}
}

// parseFormatName reads the format of USING fmt: a possibly qualified name
// (org.apache.spark.sql.parquet), kept as written.
func (p *parser) parseFormatName() string {
	start := p.i
	p.expectName("a data source format (delta, parquet, csv, ...)")
	return p.textFrom(start)
}

// parseStoredAs reads what follows STORED AS: a file format, or
// INPUTFORMAT 'x' OUTPUTFORMAT 'y'; kept as written.
func (p *parser) parseStoredAs() string {
	start := p.i
	if p.accept("INPUTFORMAT") {
		p.expectOneString()
		p.expect("OUTPUTFORMAT")
		p.expectOneString()
		return p.textFrom(start)
	}
	p.expectName("a file format (PARQUET, ORC, TEXTFILE, ...)")
	return p.textFrom(start)
}

// parseRowFormat reads what follows ROW FORMAT, kept as written:
// SERDE 'class' [WITH SERDEPROPERTIES (...)] or DELIMITED [FIELDS TERMINATED
// BY 'c' [ESCAPED BY 'c']] [COLLECTION ITEMS TERMINATED BY 'c'] [MAP KEYS
// TERMINATED BY 'c'] [LINES TERMINATED BY 'c'] [NULL DEFINED AS 'c'].
func (p *parser) parseRowFormat() string {
	start := p.i
	switch {
	case p.accept("SERDE"):
		p.expectOneString()
		if p.acceptSeq("WITH", "SERDEPROPERTIES") {
			p.parseProperties()
		}
	case p.accept("DELIMITED"):
		for {
			switch {
			case p.acceptSeq("FIELDS", "TERMINATED", "BY"):
				p.expectOneString()
				if p.acceptSeq("ESCAPED", "BY") {
					p.expectOneString()
				}
			case p.acceptSeq("COLLECTION", "ITEMS", "TERMINATED", "BY"),
				p.acceptSeq("MAP", "KEYS", "TERMINATED", "BY"),
				p.acceptSeq("LINES", "TERMINATED", "BY"),
				p.acceptSeq("NULL", "DEFINED", "AS"):
				p.expectOneString()
			default:
				return p.textFrom(start)
			}
		}
	default:
		p.fail("SERDE or DELIMITED after ROW FORMAT")
	}
	return p.textFrom(start)
}

// parsePartitionColumns parses PARTITIONED BY (...): column names, column
// definitions (Hive style, with a type), or Spark transforms such as
// days(ts) and bucket(16, id). A transform is a ColumnDef with a nil Name
// and the call in Computed.
func (p *parser) parsePartitionColumns() []*ast.ColumnDef {
	p.expectOp("(")
	var cols []*ast.ColumnDef
	for {
		t := p.tok()
		if !p.isNameTok() {
			p.fail("a partition column")
		}
		var c *ast.ColumnDef
		switch {
		case p.isOpAt(1, "(") || p.isOpAt(1, "."):
			cm := p.takeComments()
			c = &ast.ColumnDef{At: at(t), Computed: p.parseExpr()}
			c.Before = cm
			c.After = p.takeTrailing()
		case p.isOpAt(1, ",") || p.isOpAt(1, ")"):
			cm := p.takeComments()
			c = &ast.ColumnDef{At: at(t), Name: p.parseIdent()}
			c.Before = cm
			c.After = p.takeTrailing()
		default:
			c = p.parseColumnDef(false)
		}
		cols = append(cols, c)
		if !p.acceptOp(",") {
			break
		}
		c.After = append(c.After, p.takeTrailing()...)
	}
	if !p.isOp(")") {
		p.fail("',' or ')' in the partition columns")
	}
	p.skip()
	return cols
}

// parseBucketing parses CLUSTERED BY (cols) [SORTED BY (...)] INTO n BUCKETS.
func (p *parser) parseBucketing() *ast.Bucketing {
	p.i += 2
	b := &ast.Bucketing{Columns: p.parseParenIdents()}
	if p.acceptSeq("SORTED", "BY") {
		p.expectOp("(")
		b.SortedBy = p.parseOrderItems()
		p.expectOp(")")
	}
	p.expect("INTO")
	b.Buckets = p.parseBucketCount()
	p.expect("BUCKETS")
	return b
}

// parseDistribution parses DISTRIBUTED BY [HASH|RANGE](cols) [INTO n
// BUCKETS] or DISTRIBUTED INTO n BUCKETS.
func (p *parser) parseDistribution() *ast.Distribution {
	t := p.next()
	d := &ast.Distribution{At: at(t)}
	switch {
	case p.accept("BY"):
		if p.is("HASH") || p.is("RANGE") {
			d.Kind = p.upper()
			p.skip()
		}
		d.Columns = p.parseParenIdents()
		if p.accept("INTO") {
			d.Buckets = p.parseBucketCount()
			p.expect("BUCKETS")
		}
	case p.accept("INTO"):
		d.Buckets = p.parseBucketCount()
		p.expect("BUCKETS")
	default:
		p.fail("BY or INTO after DISTRIBUTED")
	}
	return d
}

func (p *parser) parseBucketCount() ast.Expr {
	if k := p.tok().Kind; k != token.Number && k != token.Variable {
		p.fail("a number of buckets")
	}
	return p.parsePrimary()
}

// parseLikeClause parses LIKE source [(INCLUDING ALL EXCLUDING OPTIONS ...)].
func (p *parser) parseLikeClause() *ast.LikeClause {
	p.skip()
	lc := &ast.LikeClause{Name: p.expectName("a table name after LIKE")}
	if !p.acceptOp("(") {
		return lc
	}
	for !p.isOp(")") {
		if !p.is("INCLUDING") && !p.is("EXCLUDING") && !p.is("OVERWRITING") {
			p.fail("INCLUDING, EXCLUDING, OVERWRITING or ')'")
		}
		how := p.upper()
		p.skip()
		if p.tok().Kind != token.Word {
			p.fail("ALL, CONSTRAINTS, DISTRIBUTION, GENERATED, METADATA, OPTIONS, PARTITIONS or WATERMARKS")
		}
		lc.Options = append(lc.Options, how+" "+p.upper())
		p.skip()
		p.acceptOp(",")
	}
	p.skip()
	return lc
}

// parseColumnDef parses name type [constraints] and, when computed is set,
// Flink's computed column name AS expr [COMMENT 'x'].
func (p *parser) parseColumnDef(computed bool) *ast.ColumnDef {
	cm := p.takeComments()
	t := p.tok()
	if !p.isNameTok() {
		p.fail("a column name")
	}
	c := &ast.ColumnDef{At: at(t), Name: p.parseIdent()}
	c.Before = cm
	if computed && p.accept("AS") {
		c.Computed = p.parseExpr()
		if p.accept("COMMENT") {
			c.Comment = p.expectString()
		}
		c.After = p.takeTrailing()
		return c
	}
	c.Type = p.parseType()
	p.parseColumnConstraints(c)
	c.After = p.takeTrailing()
	return c
}

// parseColumnConstraints parses what may follow a column's type, in any
// order: NOT NULL, NULL, COMMENT, DEFAULT, GENERATED ..., PRIMARY KEY [NOT
// ENFORCED], METADATA [FROM 'k'] [VIRTUAL].
func (p *parser) parseColumnConstraints(c *ast.ColumnDef) {
	for {
		switch {
		case p.isSeq("NOT", "NULL"):
			p.i += 2
			c.NotNull = true
		case p.is("NULL"):
			p.skip()
			c.Null = true
		case p.is("COMMENT"):
			p.skip()
			c.Comment = p.expectString()
		case p.is("DEFAULT"):
			p.skip()
			c.Default = p.parseExpr()
		case p.is("GENERATED"):
			p.parseGenerated(c)
		case p.isSeq("PRIMARY", "KEY"), p.is("CONSTRAINT") && p.isAt(2, "PRIMARY"):
			if p.accept("CONSTRAINT") {
				p.parseIdent()
			}
			p.i += 2
			p.acceptSeq("NOT", "ENFORCED")
			c.PrimaryKey = true
		case p.is("METADATA"):
			p.skip()
			c.Metadata = true
			if p.accept("FROM") {
				c.MetaFrom = p.expectOneString()
			}
			c.Virtual = p.accept("VIRTUAL")
		default:
			return
		}
	}
}

// parseGenerated parses GENERATED ALWAYS AS (expr) into Generated, and
// GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(options)] into Identity,
// which keeps the whole clause as written.
func (p *parser) parseGenerated(c *ast.ColumnDef) {
	start := p.i
	p.skip()
	if p.accept("ALWAYS") {
		p.expect("AS")
		if !p.is("IDENTITY") {
			p.expectOp("(")
			c.Generated = p.parseExpr()
			p.expectOp(")")
			return
		}
	} else {
		if !p.is("BY") {
			p.fail("ALWAYS or BY DEFAULT after GENERATED")
		}
		p.skip()
		p.expect("DEFAULT")
		p.expect("AS")
		if !p.is("IDENTITY") {
			p.fail("IDENTITY")
		}
	}
	p.skip()
	if p.isOp("(") {
		p.skipParens()
	}
	c.Identity = p.textFrom(start)
}

// parsePrimaryKey parses [CONSTRAINT name] PRIMARY KEY (cols) [NOT ENFORCED].
func (p *parser) parsePrimaryKey() *ast.PrimaryKey {
	pk := &ast.PrimaryKey{At: at(p.tok())}
	if p.accept("CONSTRAINT") {
		pk.Name = p.parseIdent()
	}
	p.expect("PRIMARY")
	p.expect("KEY")
	pk.Columns = p.parseParenIdents()
	pk.NotEnforced = p.acceptSeq("NOT", "ENFORCED")
	return pk
}

// parseWatermark parses WATERMARK FOR col AS expr.
func (p *parser) parseWatermark() *ast.Watermark {
	t := p.next()
	p.expect("FOR")
	w := &ast.Watermark{At: at(t), Column: p.expectName("a time column after WATERMARK FOR")}
	p.expect("AS")
	w.Expr = p.parseExpr()
	return w
}

// ---------------------------------------------------------------------------
// CREATE VIEW, FUNCTION, DATABASE

// parseCreateView parses from the VIEW keyword on.
func (p *parser) parseCreateView(cv *ast.CreateView) ast.Stmt {
	p.expect("VIEW")
	cv.IfNotExists = p.acceptSeq("IF", "NOT", "EXISTS")
	cv.Name = p.expectName("a view name")
	if p.isOp("(") && !p.queryStartsAt(p.i) {
		p.skip()
		for {
			if !p.isNameTok() {
				p.fail("a column name")
			}
			if p.isOpAt(1, ",") || p.isOpAt(1, ")") || p.isAt(1, "COMMENT") {
				vc := &ast.ViewColumn{Name: p.parseIdent()}
				if p.accept("COMMENT") {
					vc.Comment = p.expectString()
				}
				cv.Columns = append(cv.Columns, vc)
			} else {
				cv.ColTypes = append(cv.ColTypes, p.parseColumnDef(false))
			}
			if !p.acceptOp(",") {
				break
			}
		}
		if !p.isOp(")") {
			p.fail("',' or ')' in the column list")
		}
		p.skip()
	}
	seen := map[string]bool{}
	for {
		kw := p.upper()
		if p.tok().Kind == token.Word && (kw == "COMMENT" || kw == "TBLPROPERTIES" || kw == "USING" || kw == "OPTIONS") {
			if seen[kw] {
				p.failAt(p.tok().Pos, "%s given twice", kw)
			}
			seen[kw] = true
		}
		switch {
		case p.accept("COMMENT"):
			cv.Comment = p.expectString()
		case p.accept("TBLPROPERTIES"):
			cv.TblProps = p.parseProperties()
		case p.accept("USING"):
			cv.Using = p.parseFormatName()
		case p.accept("OPTIONS"):
			cv.Options = p.parseProperties()
		case p.is("AS") && cv.ColTypes != nil:
			p.fail("USING (a view whose columns have types reads a data source)")
		case p.accept("AS"):
			cv.Query = p.parseQueryHere("a query after AS")
			return cv
		default:
			if cv.Using != "" && p.atStmtEnd() {
				return cv
			}
			p.fail("AS")
		}
	}
}

// parseCreateFunction parses from the FUNCTION keyword on:
// FUNCTION [IF NOT EXISTS] f AS 'class' [LANGUAGE JAVA|SCALA|PYTHON]
// [USING JAR 'x', FILE 'y', ...].
func (p *parser) parseCreateFunction(cf *ast.CreateFunction) ast.Stmt {
	start := p.i
	p.expect("FUNCTION")
	cf.IfNotExists = p.acceptSeq("IF", "NOT", "EXISTS")
	nameIdx := p.i
	cf.Name = p.expectName("a function name")
	if p.isOp("(") {
		// A SQL function, f(args) RETURNS type RETURN expr: kept as a
		// Command (Words "CREATE [OR REPLACE] [TEMPORARY] FUNCTION").
		p.i = nameIdx
		return p.command(p.createStart(start), true)
	}
	p.expect("AS")
	cf.Class = p.expectOneString()
	if p.accept("LANGUAGE") {
		if p.tok().Kind != token.Word {
			p.fail("JAVA, SCALA or PYTHON after LANGUAGE")
		}
		cf.Language = p.upper()
		p.skip()
	}
	if p.accept("USING") {
		for {
			start := p.i
			if !p.is("JAR") && !p.is("FILE") && !p.is("ARCHIVE") {
				p.fail("JAR, FILE or ARCHIVE")
			}
			p.skip()
			p.expectOneString()
			cf.Resources = append(cf.Resources, p.textFrom(start))
			if !p.acceptOp(",") {
				break
			}
		}
	}
	return cf
}

// otherObjectWords returns how many words name an object kind that has no
// node of its own (Flink's MODEL and MATERIALIZED TABLE, Confluent's
// CONNECTION, Databricks' MATERIALIZED VIEW and STREAMING TABLE), or 0.
// CREATE and ALTER of these are kept as commands.
func (p *parser) otherObjectWords() int {
	switch {
	case p.isSeq("MATERIALIZED", "TABLE"), p.isSeq("MATERIALIZED", "VIEW"), p.isSeq("STREAMING", "TABLE"):
		return 2
	case (p.is("MODEL") || p.is("CONNECTION")) && p.isNameTokAt(1):
		return 1
	}
	return 0
}

// createStart returns the index of the CREATE that precedes the object
// keyword at index k.
func (p *parser) createStart(k int) int {
	for k > 0 && !isKw(p.at(k), "CREATE") {
		k--
	}
	return k
}

// parseCreateDatabase parses DATABASE|SCHEMA|NAMESPACE|CATALOG [IF NOT
// EXISTS] name [COMMENT 'x'] [LOCATION 'x'] [WITH DBPROPERTIES (...)]
// [WITH PROPERTIES (...)] [WITH (...)], the clauses in any order.
func (p *parser) parseCreateDatabase() ast.Stmt {
	cd := &ast.CreateDatabase{Kind: p.upper()}
	p.skip()
	cd.IfNotExists = p.acceptSeq("IF", "NOT", "EXISTS")
	cd.Name = p.expectName("a " + lowerWord(cd.Kind) + " name")
	for {
		switch {
		case p.accept("COMMENT"):
			cd.Comment = p.expectString()
		case p.accept("LOCATION"):
			cd.Location = p.expectOneString()
		case p.is("WITH") && p.isOpAt(1, "("):
			p.skip()
			cd.PropsKW = "WITH"
			cd.Props = p.parseProperties()
		case p.isSeq("WITH", "DBPROPERTIES") || p.isSeq("WITH", "PROPERTIES"):
			p.skip()
			cd.PropsKW = p.upper()
			p.skip()
			cd.Props = p.parseProperties()
		default:
			if p.atStmtEnd() {
				return cd
			}
			p.fail("COMMENT, LOCATION, WITH or ';'")
		}
	}
}

// ---------------------------------------------------------------------------
// DROP

// parseDrop parses DROP [TEMPORARY [SYSTEM]] TABLE|VIEW|FUNCTION|DATABASE|
// SCHEMA|NAMESPACE|CATALOG [IF EXISTS] name [PURGE|CASCADE|RESTRICT]; Kind
// may also be MODEL, CONNECTION, MATERIALIZED TABLE|VIEW, STREAMING TABLE.
func (p *parser) parseDrop() ast.Stmt {
	p.expect("DROP")
	d := &ast.DropStmt{}
	d.Temporary = p.accept("TEMPORARY") || p.accept("TEMP")
	d.System = d.Temporary && p.accept("SYSTEM")
	switch p.upper() {
	case "TABLE", "VIEW", "FUNCTION", "DATABASE", "SCHEMA", "NAMESPACE", "CATALOG":
		if p.tok().Kind == token.Word {
			d.Kind = p.upper()
		}
	}
	n := 1
	if d.Kind == "" {
		n = p.otherObjectWords()
		if n == 0 {
			p.fail("TABLE, VIEW, FUNCTION, DATABASE, SCHEMA or CATALOG after DROP")
		}
		d.Kind = upperWord(p.tok().Lit)
		if n == 2 {
			d.Kind += " " + upperWord(p.peek(1).Lit)
		}
	}
	p.i += n
	d.IfExists = p.acceptSeq("IF", "EXISTS")
	d.Name = p.expectName("a " + lowerWord(d.Kind) + " name")
	if p.is("PURGE") || p.is("CASCADE") || p.is("RESTRICT") {
		d.Trailer = p.upper()
		p.skip()
	}
	return d
}

// ---------------------------------------------------------------------------
// ALTER

// parseAlter parses ALTER TABLE|VIEW [IF EXISTS] name action, and ALTER VIEW
// v AS query. ALTER DATABASE|SCHEMA|NAMESPACE|CATALOG|FUNCTION statements
// are kept as commands.
func (p *parser) parseAlter() ast.Stmt {
	start := p.i
	p.expect("ALTER")
	switch p.upper() {
	case "DATABASE", "SCHEMA", "NAMESPACE", "CATALOG", "FUNCTION":
		if p.tok().Kind == token.Word {
			p.skip()
			return p.command(start, true)
		}
	}
	if n := p.otherObjectWords(); n > 0 {
		p.i += n
		p.acceptSeq("IF", "EXISTS")
		return p.command(start, true)
	}
	a := &ast.AlterTable{}
	switch {
	case p.accept("TABLE"):
	case p.accept("VIEW"):
		a.View = true
	default:
		p.fail("TABLE or VIEW after ALTER")
	}
	a.IfExists = p.acceptSeq("IF", "EXISTS")
	a.Name = p.expectName("a table name")
	if a.View && p.accept("AS") {
		a.Query = p.parseQueryHere("a query after AS")
		return a
	}
	a.Action = p.parseAlterAction()
	return a
}

// parseAlterAction parses one action of ALTER TABLE. Kind is set to the
// action's leading words as written (upper case), e.g. ADD COLUMNS, DROP
// COLUMN, SET TBLPROPERTIES, or the Flink forms ADD, MODIFY, DROP, SET,
// RESET, RENAME. For ADD PARTITION, IfExists records IF NOT EXISTS.
func (p *parser) parseAlterAction() *ast.AlterAction {
	t := p.tok()
	a := &ast.AlterAction{At: at(t)}
	var parts []*ast.PartitionValue
	if p.is("PARTITION") && p.isOpAt(1, "(") {
		// Spark: ALTER TABLE t PARTITION (...) SET LOCATION | RENAME TO PARTITION (...)
		p.skip()
		parts = p.parsePartitionSpec()
		a.Partitions = [][]*ast.PartitionValue{parts}
		switch {
		case p.acceptSeq("SET", "LOCATION"):
			a.Kind = "SET LOCATION"
			a.Location = p.expectOneString()
		case p.acceptSeq("RENAME", "TO", "PARTITION"):
			a.Kind = "RENAME PARTITION"
			a.Partitions = append(a.Partitions, p.parsePartitionSpec())
		case p.is("SET") || p.is("CHANGE") || p.is("ADD") || p.is("REPLACE"):
			a.Kind = p.upper()
			p.skip()
			a.Rest = p.restText()
		default:
			p.fail("SET LOCATION or RENAME TO PARTITION")
		}
		return a
	}
	switch {
	case p.acceptSeq("RENAME", "TO"):
		a.Kind = "RENAME TO"
		a.NewName = p.expectName("a new name")
	case p.accept("RENAME"):
		a.Kind = "RENAME"
		if p.accept("COLUMN") {
			a.Kind = "RENAME COLUMN"
		}
		a.Names = []*ast.Name{p.expectName("a column name")}
		p.expect("TO")
		a.NewName = p.expectName("a new column name")
	case p.is("ADD") && (p.isAt(1, "COLUMNS") || p.isAt(1, "COLUMN")):
		a.Kind = "ADD " + upperWord(p.peek(1).Lit)
		p.i += 2
		p.parseAlterColumns(a)
	case p.is("REPLACE") && p.isAt(1, "COLUMNS"):
		a.Kind = "REPLACE COLUMNS"
		p.i += 2
		p.parseAlterColumns(a)
	case p.is("ADD") && (p.isAt(1, "PARTITION") || p.isSeq("ADD", "IF", "NOT", "EXISTS")):
		p.skip()
		a.Kind = "ADD PARTITION"
		a.IfExists = p.acceptSeq("IF", "NOT", "EXISTS")
		for p.accept("PARTITION") {
			a.Partitions = append(a.Partitions, p.parsePartitionSpec())
			if p.accept("LOCATION") {
				a.Location = p.expectOneString()
			}
		}
		if len(a.Partitions) == 0 {
			p.fail("PARTITION")
		}
	case (p.is("ADD") || p.is("MODIFY")) && !(p.isAt(1, "CONSTRAINT") && !p.isAt(3, "PRIMARY")):
		// Flink: ADD|MODIFY (defs, WATERMARK, PRIMARY KEY) or a single one.
		a.Kind = p.upper()
		p.skip()
		p.parseFlinkSchemaChange(a)
	case p.is("DROP") && (p.isAt(1, "COLUMN") || p.isAt(1, "COLUMNS")):
		a.Kind = "DROP " + upperWord(p.peek(1).Lit)
		p.i += 2
		a.IfExists = p.acceptSeq("IF", "EXISTS")
		if p.acceptOp("(") {
			a.Names = p.parseNameList()
			p.expectOp(")")
		} else {
			a.Names = p.parseNameList()
		}
	case p.is("DROP") && (p.isAt(1, "PARTITION") || p.isSeq("DROP", "IF", "EXISTS", "PARTITION")):
		p.skip()
		a.Kind = "DROP PARTITION"
		a.IfExists = p.acceptSeq("IF", "EXISTS")
		for {
			p.expect("PARTITION")
			a.Partitions = append(a.Partitions, p.parsePartitionSpec())
			if !p.acceptOp(",") {
				break
			}
		}
		if p.accept("PURGE") {
			a.Rest = "PURGE"
		}
	case p.accept("DROP"):
		// Flink: DROP (a, b) | DROP a | DROP WATERMARK | DROP PRIMARY KEY |
		// DROP CONSTRAINT n | DROP DISTRIBUTION.
		a.Kind = "DROP"
		switch {
		case p.acceptOp("("):
			a.Names = p.parseNameList()
			p.expectOp(")")
		case p.accept("WATERMARK"):
			a.Kind = "DROP WATERMARK"
		case p.acceptSeq("PRIMARY", "KEY"):
			a.Kind = "DROP PRIMARY KEY"
		case p.accept("DISTRIBUTION"):
			a.Kind = "DROP DISTRIBUTION"
		case p.accept("CONSTRAINT"):
			a.Kind = "DROP CONSTRAINT"
			a.IfExists = p.acceptSeq("IF", "EXISTS")
			a.Names = []*ast.Name{p.expectName("a constraint name")}
		default:
			a.Names = []*ast.Name{p.expectName("a column name, '(', WATERMARK or PRIMARY KEY after DROP")}
		}
	case p.is("ALTER") || p.is("CHANGE"):
		a.Kind = p.upper()
		p.skip()
		if p.accept("COLUMN") {
			a.Kind += " COLUMN"
		}
		a.Names = []*ast.Name{p.expectName("a column name")}
		a.Rest = p.restText()
	case p.acceptSeq("SET", "TBLPROPERTIES"):
		a.Kind = "SET TBLPROPERTIES"
		a.Props = p.parseProperties()
	case p.acceptSeq("UNSET", "TBLPROPERTIES"):
		a.Kind = "UNSET TBLPROPERTIES"
		a.IfExists = p.acceptSeq("IF", "EXISTS")
		a.Props = p.parsePropertyKeys()
	case p.acceptSeq("SET", "SERDEPROPERTIES"):
		a.Kind = "SET SERDEPROPERTIES"
		a.Props = p.parseProperties()
	case p.acceptSeq("SET", "LOCATION"):
		a.Kind = "SET LOCATION"
		a.Location = p.expectOneString()
	case p.is("SET") && p.isOpAt(1, "("):
		p.skip()
		a.Kind = "SET"
		a.Props = p.parseProperties()
	case p.is("RESET") && p.isOpAt(1, "("):
		p.skip()
		a.Kind = "RESET"
		a.Props = p.parsePropertyKeys()
	case p.acceptSeq("RECOVER", "PARTITIONS"):
		a.Kind = "RECOVER PARTITIONS"
	case p.is("SET") || p.is("CLUSTER") || p.is("OWNER") || p.is("COMPACT") || p.is("ADD") || p.is("DROP"):
		// SET SERDE, SET FILEFORMAT, SET OWNER TO, CLUSTER BY, ADD CONSTRAINT,
		// Flink's COMPACT: kept as written.
		a.Kind = p.upper()
		p.skip()
		a.Rest = p.restText()
	default:
		p.fail("an ALTER action (RENAME, ADD, DROP, ALTER COLUMN, SET, UNSET, RESET, ...)")
	}
	return a
}

// parseAlterColumns parses the column list of ADD COLUMN(S) and REPLACE
// COLUMNS, with or without parentheses. Positions (FIRST, AFTER c) have no
// field of their own: they are kept in Rest as "col FIRST, col2 AFTER x".
func (p *parser) parseAlterColumns(a *ast.AlterAction) {
	paren := p.acceptOp("(")
	var pos []string
	for {
		c := p.parseColumnDef(false)
		if at := p.parseColumnPosition(); at != "" {
			pos = append(pos, c.Name.Name+" "+at)
		}
		a.Columns = append(a.Columns, c)
		if !p.acceptOp(",") {
			break
		}
		c.After = append(c.After, p.takeTrailing()...)
	}
	if paren {
		if !p.isOp(")") {
			p.fail("',' or ')' in the column list")
		}
		p.skip()
	}
	a.Rest = joinComma(pos)
}

// parseColumnPosition reads FIRST or AFTER col, as written.
func (p *parser) parseColumnPosition() string {
	start := p.i
	switch {
	case p.accept("FIRST"):
	case p.accept("AFTER"):
		p.expectName("a column name after AFTER")
	default:
		return ""
	}
	return p.textFrom(start)
}

// parseFlinkSchemaChange parses what follows Flink's ADD or MODIFY: a
// parenthesised list of column definitions, WATERMARK and PRIMARY KEY, or
// one of them alone. DISTRIBUTION changes are kept in Rest.
func (p *parser) parseFlinkSchemaChange(a *ast.AlterAction) {
	if p.is("DISTRIBUTION") {
		a.Rest = p.restText()
		return
	}
	paren := p.acceptOp("(")
	var pos []string
	for {
		switch {
		case p.isSeq("PRIMARY", "KEY") || p.is("CONSTRAINT"):
			a.PrimaryKey = p.parsePrimaryKey()
		case p.isSeq("WATERMARK", "FOR"):
			a.Watermark = p.parseWatermark()
		default:
			c := p.parseColumnDef(true)
			if at := p.parseColumnPosition(); at != "" {
				pos = append(pos, c.Name.Name+" "+at)
			}
			a.Columns = append(a.Columns, c)
		}
		if !paren || !p.acceptOp(",") {
			break
		}
	}
	if paren {
		if !p.isOp(")") {
			p.fail("',' or ')'")
		}
		p.skip()
	}
	a.Rest = joinComma(pos)
}

// ---------------------------------------------------------------------------
// COMMENT ON

// parseCommentOn parses COMMENT ON TABLE|VIEW|COLUMN|DATABASE|SCHEMA|
// NAMESPACE|CATALOG name IS 'text'|NULL.
func (p *parser) parseCommentOn() ast.Stmt {
	p.expect("COMMENT")
	p.expect("ON")
	c := &ast.CommentOn{}
	switch p.upper() {
	case "TABLE", "VIEW", "COLUMN", "DATABASE", "SCHEMA", "NAMESPACE", "CATALOG", "VOLUME", "FUNCTION":
		if p.tok().Kind == token.Word {
			c.Kind = p.upper()
		}
	}
	if c.Kind == "" {
		p.fail("TABLE, COLUMN, DATABASE or SCHEMA after COMMENT ON")
	}
	p.skip()
	c.Name = p.expectName("a " + lowerWord(c.Kind) + " name")
	p.expect("IS")
	if !p.accept("NULL") {
		if p.tok().Kind != token.String {
			p.fail("a string literal or NULL")
		}
		c.Comment = p.expectString()
	}
	return c
}

// ---------------------------------------------------------------------------
// shared pieces

// parseProperties parses ( prop, ... ) of OPTIONS, TBLPROPERTIES, WITH and
// SET. Flink writes 'key' = 'value' with string literals only; Spark also
// takes unquoted dotted keys, an optional '=', and numbers and booleans as
// values.
func (p *parser) parseProperties() []*ast.Property { return p.parsePropertyList(false) }

// parsePropertyKeys parses the ( 'key', ... ) of RESET and UNSET.
func (p *parser) parsePropertyKeys() []*ast.Property { return p.parsePropertyList(true) }

func (p *parser) parsePropertyList(keysOnly bool) []*ast.Property {
	p.expectOp("(")
	props := []*ast.Property{}
	if p.acceptOp(")") {
		return props
	}
	for {
		props = append(props, p.parseProperty(keysOnly))
		if !p.acceptOp(",") {
			break
		}
	}
	if !p.isOp(")") {
		p.fail("',' or ')' in the property list")
	}
	p.skip()
	return props
}

func (p *parser) parseProperty(keysOnly bool) *ast.Property {
	pr := &ast.Property{}
	if p.dialect == token.Flink {
		// Adjacent literals concatenate in Flink, as in Calcite.
		pr.Key = p.expectString()
		if keysOnly {
			return pr
		}
		p.expectOp("=")
		pr.Eq = true
		pr.Value = p.expectString()
		return pr
	}
	switch p.tok().Kind {
	case token.String:
		pr.Key = p.expectOneString()
	case token.Word, token.QuotedIdent:
		pr.Name = p.parseName()
	default:
		p.fail("a property key")
	}
	if keysOnly {
		return pr
	}
	pr.Eq = p.acceptOp("=")
	if !pr.Eq && (p.isOp(",") || p.isOp(")")) {
		return pr
	}
	switch k := p.tok().Kind; {
	case k == token.String || k == token.Number || k == token.Word || k == token.QuotedIdent || k == token.Variable,
		p.isOp("-") || p.isOp("+"):
		pr.Value = p.parseUnary()
	default:
		p.fail("a property value")
	}
	return pr
}

// parsePartitionSpec parses ( col [= value], ... ) after PARTITION.
func (p *parser) parsePartitionSpec() []*ast.PartitionValue {
	p.expectOp("(")
	var vals []*ast.PartitionValue
	for {
		if !p.isNameTok() {
			p.fail("a partition column")
		}
		pv := &ast.PartitionValue{Col: p.parseIdent()}
		if p.acceptOp("=") {
			pv.Value = p.parseExpr()
		}
		vals = append(vals, pv)
		if !p.acceptOp(",") {
			break
		}
	}
	if !p.isOp(")") {
		p.fail("',' or ')' in the partition spec")
	}
	p.skip()
	return vals
}

// parseParenIdents parses ( a, b, ... ).
func (p *parser) parseParenIdents() []*ast.Ident {
	p.expectOp("(")
	if !p.isNameTok() {
		p.fail("a column name")
	}
	ids := p.parseIdentList()
	if !p.isOp(")") {
		p.fail("',' or ')'")
	}
	p.skip()
	return ids
}

// parseNameList parses a, b.c, ...
func (p *parser) parseNameList() []*ast.Name {
	names := []*ast.Name{p.expectName("a column name")}
	for p.acceptOp(",") {
		names = append(names, p.expectName("a column name"))
	}
	return names
}
