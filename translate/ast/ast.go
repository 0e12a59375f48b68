// Package ast is the one syntax tree for Spark SQL and Flink SQL. Constructs
// that exist in only one dialect (LATERAL VIEW, WATERMARK FOR, ...) are
// ordinary nodes; the printer writes them and the validators reject the ones
// the target dialect cannot express. Every node records where it starts, so a
// finding on a rewritten Flink node still points back to its Spark line.
package ast

import "github.com/c360-migrate/c360-migrate/translate/token"

// Node is any syntax tree node.
type Node interface {
	Pos() token.Pos
}

// Expr is a scalar expression.
type Expr interface {
	Node
	exprNode()
}

// Stmt is a top-level statement.
type Stmt interface {
	Node
	stmtNode()
	Base() *StmtBase
}

// TableRef is an item of a FROM clause.
type TableRef interface {
	Node
	tableRefNode()
}

// QueryBody is the part of a query that produces rows: a SELECT, a set
// operation, VALUES, or a parenthesised query.
type QueryBody interface {
	Node
	queryBodyNode()
}

// At is embedded in nodes to record their start position.
type At struct{ At token.Pos }

// Pos returns the position where the node starts.
func (a At) Pos() token.Pos { return a.At }

// Comments keeps the comments written around a node so that printing keeps
// them. Each entry is the comment as written ("-- text" or "/* text */").
type Comments struct {
	Before []string // on the lines before the node
	After  []string // after the node (same line, or left over at the end)
}

// StmtBase is embedded in every statement.
type StmtBase struct {
	At
	Comments
	End  token.Pos // position just past the statement's last token
	Text string    // the statement's source text, as written
}

// Base gives access to the common statement fields.
func (b *StmtBase) Base() *StmtBase { return b }

// ---------------------------------------------------------------------------
// Names and literals

// Ident is an identifier. Quoted reports backticks in the source, kept so the
// printer writes the identifier as the author did.
type Ident struct {
	At
	Name   string
	Quoted bool
}

// Name is a possibly qualified name: catalog.db.table, t.col, s.field.
type Name struct {
	At
	Parts []*Ident
}

// Last returns the final part of the name.
func (n *Name) Last() *Ident { return n.Parts[len(n.Parts)-1] }

// Star is * or t.* with an optional Spark EXCEPT (a, b) list.
type Star struct {
	At
	Qualifier []*Ident
	Except    []*Name
}

// LitKind classifies literals.
type LitKind int

const (
	LitNumber LitKind = iota
	LitString
	LitBool
	LitNull
	LitBinary // X'CAFE'
)

// Literal is a number, string, boolean, NULL or binary literal. Raw is the
// text as written (with quotes, prefix and suffix); Value is the decoded
// value: the string's content, the number without its suffix, TRUE/FALSE.
type Literal struct {
	At
	Kind   LitKind
	Raw    string
	Value  string
	Suffix string // numeric suffix in upper case: L S Y D F BD
}

// TypedLiteral is DATE '2024-01-01', TIMESTAMP '...', TIMESTAMP_LTZ '...'.
type TypedLiteral struct {
	At
	Type  string // upper case
	Value *Literal
}

// IntervalField is one "value unit" pair of an interval literal.
type IntervalField struct {
	Value Expr   // literal or expression
	Unit  string // upper case as written: DAY, DAYS, HOUR, ...
}

// Interval is INTERVAL 30 DAYS, INTERVAL '30' DAY, INTERVAL '1-2' YEAR TO
// MONTH, INTERVAL 1 DAY 2 HOURS, INTERVAL '10' SECOND(3), or the bare
// INTERVAL '...' string form.
type Interval struct {
	At
	Fields    []IntervalField
	Precision string // DAY(3): the precision of the first field
	ToUnit    string // YEAR TO MONTH: MONTH
	ToPrec    string // TO SECOND(3): 3
}

// Variable is a ${var} substitution or a :name parameter marker left in
// the SQL.
type Variable struct {
	At
	Raw string
}

// Param is a ? parameter marker.
type Param struct{ At }

// ---------------------------------------------------------------------------
// Operators

// Unary is NOT x, -x, +x, ~x, !x.
type Unary struct {
	At
	Op string // upper case: NOT, -, +, ~, !
	X  Expr
}

// Binary is a binary operator: AND OR = == <> != < <= > >= <=> + - * / % DIV
// || & | ^ << >>.
type Binary struct {
	At
	Op   string // upper case
	L, R Expr
}

// Paren is an expression in parentheses, kept as written.
type Paren struct {
	At
	X Expr
}

// IsExpr is x IS [NOT] NULL|TRUE|FALSE|UNKNOWN.
type IsExpr struct {
	At
	X    Expr
	Not  bool
	What string // NULL, TRUE, FALSE, UNKNOWN, JSON, JSON OBJECT|ARRAY|SCALAR|VALUE
}

// IsDistinct is x IS [NOT] DISTINCT FROM y.
type IsDistinct struct {
	At
	L, R Expr
	Not  bool
}

// Between is x [NOT] BETWEEN [SYMMETRIC] lo AND hi.
type Between struct {
	At
	X, Lo, Hi Expr
	Not       bool
	Symmetric bool
}

// In is x [NOT] IN (list) or x [NOT] IN (subquery).
type In struct {
	At
	X     Expr
	Not   bool
	List  []Expr
	Query *Query
}

// Like is x [NOT] LIKE|ILIKE|RLIKE|REGEXP|SIMILAR TO pattern [ESCAPE e], and
// Spark's LIKE ANY|ALL|SOME (p1, p2).
type Like struct {
	At
	X          Expr
	Not        bool
	Op         string // LIKE, ILIKE, RLIKE, REGEXP, SIMILAR TO
	Quantifier string // ANY, ALL, SOME, or empty
	Pattern    Expr   // nil when Quantifier is set
	Patterns   []Expr // with Quantifier
	Escape     Expr
}

// Exists is [NOT] EXISTS (subquery).
type Exists struct {
	At
	Not   bool
	Query *Query
}

// Subquery is a scalar subquery in an expression.
type Subquery struct {
	At
	Query *Query
}

// QuantifiedCmp is x op ANY|ALL|SOME (subquery).
type QuantifiedCmp struct {
	At
	X          Expr
	Op         string
	Quantifier string
	Query      *Query
}

// When is one WHEN ... THEN ... branch.
type When struct {
	Comments
	Cond, Result Expr
}

// Case is CASE [operand] WHEN ... THEN ... [ELSE ...] END.
type Case struct {
	At
	Operand Expr
	Whens   []*When
	Else    Expr
}

// CastKind tells which cast syntax was written.
type CastKind int

const (
	CastFunc    CastKind = iota // CAST(x AS t)
	TryCastFunc                 // TRY_CAST(x AS t)
	CastColons                  // x::t
)

// Cast is CAST(x AS t), TRY_CAST(x AS t) or x::t.
type Cast struct {
	At
	Kind CastKind
	X    Expr
	Type *Type
}

// Func is a function call, with the aggregate and window decorations.
type Func struct {
	At
	Name         *Name
	Distinct     bool // count(DISTINCT x)
	All          bool // count(ALL x)
	Star         bool // count(*)
	Args         []Expr
	OrderBy      []*OrderItem // array_agg(x ORDER BY y)
	IgnoreNulls  *bool        // IGNORE NULLS (true) / RESPECT NULLS (false), inside or after the parens
	NullsOutside bool         // the NULLS clause followed the closing paren
	WithinGroup  []*OrderItem // percentile_cont(0.5) WITHIN GROUP (ORDER BY x)
	Filter       Expr         // FILTER (WHERE ...)
	Over         *Window      // OVER (...) or OVER name
	// Tail keeps the SQL/JSON clauses written after the arguments, as
	// written: RETURNING INT DEFAULT 0 ON EMPTY, NULL ON NULL, ...
	Tail string
}

// NamedArg is a named function argument: name => value.
type NamedArg struct {
	At
	Name  *Ident
	Value Expr
}

// AliasedArg is a function argument with an alias: struct(1 AS id).
type AliasedArg struct {
	At
	X     Expr
	Alias *Ident
}

// Extract is EXTRACT(unit FROM x).
type Extract struct {
	At
	Unit string
	X    Expr
}

// Substring is SUBSTRING(x FROM start [FOR length]); the comma form is a Func.
type Substring struct {
	At
	X, From, For Expr
}

// Trim is TRIM([BOTH|LEADING|TRAILING] [chars] FROM x); TRIM(x) is a Func.
type Trim struct {
	At
	Where string // BOTH, LEADING, TRAILING or empty
	Chars Expr
	X     Expr
}

// Position is POSITION(sub IN x).
type Position struct {
	At
	Sub, X Expr
}

// FloorCeil is FLOOR(x TO unit) or CEIL(x TO unit); the plain forms are Funcs.
type FloorCeil struct {
	At
	Func string // FLOOR or CEIL (as written: CEIL or CEILING)
	X    Expr
	Unit string
}

// Overlay is OVERLAY(x PLACING y FROM i [FOR n]).
type Overlay struct {
	At
	X, Placing, From, For Expr
}

// Lambda is x -> body or (a, b) -> body.
type Lambda struct {
	At
	Params []*Ident
	Parens bool
	Body   Expr
}

// Subscript is x[i] or m['k'].
type Subscript struct {
	At
	X, Index Expr
}

// FieldAccess is (expr).field, where expr is not a plain name.
type FieldAccess struct {
	At
	X     Expr
	Field *Ident
}

// ArrayCtor is Flink's ARRAY[a, b]; Spark's array(a, b) is a Func.
type ArrayCtor struct {
	At
	Elems []Expr
}

// MapCtor is Flink's MAP[k1, v1, k2, v2]; Spark's map(...) is a Func.
type MapCtor struct {
	At
	Elems []Expr
}

// RowCtor is ROW(a, b) or a parenthesised tuple (a, b).
type RowCtor struct {
	At
	Keyword bool // ROW was written
	Elems   []Expr
}

// Descriptor is Flink's DESCRIPTOR(col, ...) argument of window functions.
type Descriptor struct {
	At
	Cols []*Ident
}

// TableArg is TABLE t [PARTITION BY ...] [ORDER BY ...], the table argument
// of Flink window and process table functions, or MODEL m.
type TableArg struct {
	At
	Keyword     string // TABLE or MODEL
	Name        *Name
	PartitionBy []Expr
	OrderBy     []*OrderItem
}

// KeyValue is KEY k VALUE v (or k VALUE v) inside JSON_OBJECT and
// JSON_OBJECTAGG.
type KeyValue struct {
	At
	KeyKW bool
	Key   Expr
	Value Expr
}

// ---------------------------------------------------------------------------
// Types

// Type is a data type: INT, DECIMAL(10,2), ARRAY<STRING>, MAP<K,V>,
// STRUCT<a: INT> / ROW<a INT>, TIMESTAMP(3) WITH LOCAL TIME ZONE, INTERVAL
// DAY TO SECOND.
type Type struct {
	At
	Name     string   // upper case: INT, STRING, ARRAY, MAP, STRUCT, ROW, ...
	Params   []string // (10, 2), (3), as written
	Elem     *Type    // ARRAY<elem>, MULTISET<elem>
	Key, Val *Type    // MAP<key, val>
	Fields   []*TypeField
	Parens   bool   // ROW(a INT) rather than ROW<a INT>
	Suffix   string // WITH LOCAL TIME ZONE, WITHOUT TIME ZONE, DAY TO SECOND(3)
	NotNull  bool   // Flink: INT NOT NULL inside a type
}

// TypeField is a field of STRUCT<...> or ROW<...>.
type TypeField struct {
	Name    *Ident
	Colon   bool // a: INT (Spark style) rather than a INT
	Type    *Type
	NotNull bool
	Comment *Literal
}

// ---------------------------------------------------------------------------
// Queries

// Query is [WITH ...] body [ORDER BY] [SORT BY] [DISTRIBUTE BY] [CLUSTER BY]
// [WINDOW ...] [LIMIT] [OFFSET].
type Query struct {
	At
	With         *With
	Body         QueryBody
	OrderBy      []*OrderItem
	SortBy       []*OrderItem
	DistributeBy []Expr
	ClusterBy    []Expr
	Limit        Expr // nil, or an expression; LIMIT ALL is LimitAll
	LimitAll     bool
	Offset       Expr
	FetchFirst   Expr // FETCH FIRST n ROWS ONLY
}

// With is WITH [RECURSIVE] cte, ...
type With struct {
	At
	Recursive bool
	CTEs      []*CTE
}

// CTE is name [(cols)] AS (query).
type CTE struct {
	At
	Comments
	Name    *Ident
	Columns []*Ident
	Query   *Query
}

// Select is one SELECT block.
type Select struct {
	At
	FromFirst    bool // Spark: FROM t SELECT ... (the FROM clause written first)
	Hints        []*Hint
	Distinct     bool
	All          bool // SELECT ALL written
	Items        []*SelectItem
	From         []TableRef
	LateralViews []*LateralView
	Where        Expr
	GroupBy      *GroupBy
	Having       Expr
	Windows      []*NamedWindow
	Qualify      Expr
}

// SelectItem is expr [[AS] alias] or expr AS (a, b) (Spark multi-alias).
type SelectItem struct {
	At
	Comments
	Expr       Expr
	Alias      *Ident
	AsKeyword  bool
	MultiAlias []*Ident
}

// SetOp is left UNION|INTERSECT|EXCEPT|MINUS [ALL|DISTINCT] right.
type SetOp struct {
	At
	Op       string // UNION, INTERSECT, EXCEPT, MINUS
	All      bool
	Distinct bool // DISTINCT written
	L, R     QueryBody
}

// ParenQuery is a parenthesised query used as a query body.
type ParenQuery struct {
	At
	Query *Query
}

// TableQuery is the query TABLE t: every row of t.
type TableQuery struct {
	At
	Name *Name
}

// Values is VALUES (row), (row).
type Values struct {
	At
	Rows [][]Expr
}

// OrderItem is expr [ASC|DESC] [NULLS FIRST|LAST].
type OrderItem struct {
	Comments
	Expr  Expr
	Desc  bool
	Asc   bool   // ASC written
	Nulls string // FIRST, LAST or empty
}

// GroupBy is GROUP BY items, GROUP BY ALL, and the Hive WITH ROLLUP|CUBE forms.
type GroupBy struct {
	At
	All   bool
	Items []Expr // plain expressions, *GroupingSets, *Rollup, *Cube
	With  string // ROLLUP or CUBE for GROUP BY a, b WITH ROLLUP
	// Sets is the Hive form GROUP BY a, b GROUPING SETS ((a), (b)).
	Sets *GroupingSets
}

// GroupingSets is GROUPING SETS ((a, b), (a), ()).
type GroupingSets struct {
	At
	Sets [][]Expr
}

// Rollup is ROLLUP(a, b) inside GROUP BY.
type Rollup struct {
	At
	Items []Expr
}

// Cube is CUBE(a, b) inside GROUP BY.
type Cube struct {
	At
	Items []Expr
}

// Window is a window specification, or a reference to a named window.
type Window struct {
	At
	Name        *Ident // OVER w, or the base window in OVER (w ORDER BY ...)
	PartitionBy []Expr
	Partition   string // PARTITION or DISTRIBUTE (Spark alias)
	OrderBy     []*OrderItem
	Sort        string // ORDER or SORT (Spark alias)
	Frame       *Frame
	Parens      bool // OVER (...) rather than OVER name
}

// Frame is ROWS|RANGE [BETWEEN start AND end] | start.
type Frame struct {
	Unit  string // ROWS or RANGE
	Start *FrameBound
	End   *FrameBound // nil without BETWEEN
}

// FrameBound is UNBOUNDED PRECEDING, CURRENT ROW, n PRECEDING, n FOLLOWING.
type FrameBound struct {
	Kind   string // UNBOUNDED PRECEDING, UNBOUNDED FOLLOWING, CURRENT ROW, PRECEDING, FOLLOWING
	Offset Expr   // for n PRECEDING / n FOLLOWING
}

// NamedWindow is name AS (spec) in a WINDOW clause.
type NamedWindow struct {
	Name *Ident
	Spec *Window
}

// Hint is one hint inside /*+ ... */: BROADCAST(t), STATE_TTL('t' = '1d'),
// OPTIONS('k' = 'v').
type Hint struct {
	At
	Name *Ident
	Args []Expr // identifiers as *Name, literals, or key = value as *Binary
}

// ---------------------------------------------------------------------------
// FROM items

// Alias is [AS] name [(col, ...)].
type Alias struct {
	Name      *Ident
	Columns   []*Ident
	AsKeyword bool
}

// TableName is a named table with its decorations.
type TableName struct {
	At
	Comments
	Name       *Name
	Hints      []*Hint // Flink: t /*+ OPTIONS(...) */
	SystemTime Expr    // Flink: FOR SYSTEM_TIME AS OF expr
	TimeTravel string  // Spark: VERSION or TIMESTAMP (AS OF)
	TravelTo   Expr
	Sample     *TableSample
	Alias      *Alias
}

// TableSample is TABLESAMPLE (n PERCENT|ROWS) | (BUCKET x OUT OF y [ON e]) | (expr).
type TableSample struct {
	At
	Method string // PERCENT, ROWS, BUCKET, or empty for TABLESAMPLE(n)
	Value  Expr
	OutOf  Expr
	On     Expr
	Seed   Expr // REPEATABLE (seed)
	Raw    string
}

// SubqueryRef is [LATERAL] (query) [alias], or Spark's inline table
// FROM VALUES (...), (...) AS t(a, b) (BareValues: written without parens).
type SubqueryRef struct {
	At
	Comments
	BareValues bool
	Lateral    bool
	Query      *Query
	Alias      *Alias
}

// FuncRef is a table-valued function in FROM: range(10), explode(x),
// LATERAL TABLE(f(x)), TABLE(TUMBLE(...)), UNNEST(arr) [WITH ORDINALITY].
type FuncRef struct {
	At
	Comments
	Lateral        bool
	TableKeyword   bool // TABLE(...) wrapper written
	Unnest         bool // UNNEST(args)
	Func           Expr // the call, for TABLE(...) and plain forms
	Args           []Expr
	WithOrdinality bool
	Alias          *Alias
}

// Join is left JOIN right ON cond | USING (cols).
type Join struct {
	At
	Comments
	Kind    string // INNER, LEFT, RIGHT, FULL, CROSS, LEFT SEMI, LEFT ANTI, SEMI, ANTI; "" for plain JOIN
	Outer   bool   // OUTER written
	Natural bool
	Hints   []*Hint
	Left    TableRef
	Right   TableRef
	On      Expr
	Using   []*Ident
}

// ParenRef is a parenthesised FROM item: (a JOIN b).
type ParenRef struct {
	At
	Ref   TableRef
	Alias *Alias
}

// LateralView is Spark's LATERAL VIEW [OUTER] f(args) t [AS c1, c2].
type LateralView struct {
	At
	Comments
	Outer   bool
	Func    *Func
	Table   *Ident
	Columns []*Ident
	AsKW    bool
}

// PivotValue is a value of a PIVOT IN list, with an optional alias.
type PivotValue struct {
	Expr  Expr
	Alias *Ident
	AsKW  bool
}

// Pivot is source PIVOT (aggs FOR col IN (values)) [alias].
type Pivot struct {
	At
	Source TableRef
	Aggs   []*SelectItem
	For    []*Name // FOR col or FOR (c1, c2)
	In     []*PivotValue
	Alias  *Alias
}

// UnpivotCol is one column set of UNPIVOT IN: col [AS alias] or (c1, c2) [AS alias].
type UnpivotCol struct {
	Cols  []*Name
	Alias *Ident
	AsKW  bool
}

// Unpivot is source UNPIVOT [INCLUDE|EXCLUDE NULLS] (val FOR name IN (cols)) [alias].
type Unpivot struct {
	At
	Source    TableRef
	Nulls     string // INCLUDE, EXCLUDE or empty
	ValueCols []*Ident
	NameCol   *Ident
	In        []*UnpivotCol
	Alias     *Alias
}

// MatchRecognize is Flink's MATCH_RECOGNIZE clause. The pattern is kept as
// written: it is a regular expression over pattern variables.
type MatchRecognize struct {
	At
	Source       TableRef
	PartitionBy  []Expr
	OrderBy      []*OrderItem
	Measures     []*SelectItem
	RowsPerMatch string // ONE ROW PER MATCH, ALL ROWS PER MATCH
	AfterMatch   string // e.g. SKIP PAST LAST ROW, SKIP TO FIRST a
	Pattern      string
	Within       Expr
	Define       []*SelectItem // Alias = variable, Expr = condition
	Alias        *Alias
}

// ---------------------------------------------------------------------------
// Statements

// SelectStmt is a query on its own.
type SelectStmt struct {
	StmtBase
	Query *Query
}

// Property is 'key' = 'value' in OPTIONS, TBLPROPERTIES, WITH, SET.
type Property struct {
	Key   *Literal // string literal key, or nil with KeyName
	Name  *Name    // unquoted key (Spark OPTIONS (path 'x', header true))
	Eq    bool     // = written
	Value Expr     // literal, or nil for a key alone
}

// PartitionValue is col [= value] inside PARTITION (...).
type PartitionValue struct {
	Col   *Ident
	Value Expr
}

// InsertStmt is INSERT INTO|OVERWRITE [TABLE] t [PARTITION (...)] [(cols)] query.
type InsertStmt struct {
	StmtBase
	Overwrite    bool
	TableKeyword bool
	Table        *Name
	Hints        []*Hint // Flink: t /*+ OPTIONS(...) */
	Partition    []*PartitionValue
	IfNotExists  bool
	Columns      []*Ident
	ByName       bool // Spark: INSERT INTO t BY NAME
	ReplaceWhere Expr // Delta: INSERT INTO t REPLACE WHERE cond query
	Query        *Query
	// INSERT OVERWRITE [LOCAL] DIRECTORY 'path' [USING fmt] [OPTIONS] [ROW
	// FORMAT ...] [STORED AS fmt]: Table is nil and Directory is set.
	Directory  *Literal
	Local      bool
	DirUsing   string
	DirOptions []*Property
	RowFormat  string
	StoredAs   string
}

// MultiInsert is Hive's FROM src INSERT INTO a SELECT ... INSERT INTO b
// SELECT ...: one scan feeding several targets. The inserts' queries have
// no FROM clause of their own.
type MultiInsert struct {
	StmtBase
	From         []TableRef
	LateralViews []*LateralView
	Inserts      []*InsertStmt
}

// StatementSet is Flink's EXECUTE STATEMENT SET BEGIN insert; ... END, or
// the client form BEGIN STATEMENT SET; ... END (Execute false).
type StatementSet struct {
	StmtBase
	// End marks the client form's closing END (Execute false, no inserts);
	// without it an empty, non-executed set is BEGIN STATEMENT SET.
	End     bool
	Execute bool
	Inserts []*InsertStmt
}

// ColumnDef is a column of CREATE TABLE or a Spark partition column with a type.
type ColumnDef struct {
	At
	Comments
	Name       *Ident
	Type       *Type // nil for a computed column or a partition column without type
	NotNull    bool
	Null       bool // NULL written
	Comment    *Literal
	Default    Expr
	Generated  Expr // Spark/Delta: GENERATED ALWAYS AS (expr)
	Identity   string
	Computed   Expr // Flink: name AS expr
	Metadata   bool // Flink: METADATA
	MetaFrom   *Literal
	Virtual    bool
	PrimaryKey bool // Flink: col type PRIMARY KEY NOT ENFORCED
}

// PrimaryKey is PRIMARY KEY (cols) [NOT ENFORCED], with an optional CONSTRAINT name.
type PrimaryKey struct {
	At
	Name        *Ident
	Columns     []*Ident
	NotEnforced bool
}

// Watermark is Flink's WATERMARK FOR col AS expr.
type Watermark struct {
	At
	Column *Name
	Expr   Expr
}

// Distribution is Flink's DISTRIBUTED BY [HASH|RANGE](cols) [INTO n BUCKETS]
// or DISTRIBUTED INTO n BUCKETS.
type Distribution struct {
	At
	Kind    string // HASH, RANGE or empty
	Columns []*Ident
	Buckets Expr
}

// Bucketing is Spark's CLUSTERED BY (cols) [SORTED BY (...)] INTO n BUCKETS.
type Bucketing struct {
	Columns  []*Ident
	SortedBy []*OrderItem
	Buckets  Expr
}

// LikeClause is Flink's CREATE TABLE ... LIKE source (options).
type LikeClause struct {
	Name    *Name
	Options []string // INCLUDING ALL, EXCLUDING OPTIONS, OVERWRITING WATERMARKS...
}

// CreateTable covers Spark and Flink CREATE TABLE, CTAS and RTAS.
type CreateTable struct {
	StmtBase
	OrReplace   bool
	Replace     bool // REPLACE TABLE (Spark) without CREATE
	Temporary   bool
	External    bool
	IfNotExists bool
	Name        *Name
	Columns     []*ColumnDef
	PrimaryKey  *PrimaryKey
	Watermark   *Watermark
	Using       string // Spark: USING parquet
	StoredAs    string // Hive: STORED AS PARQUET
	RowFormat   string // Hive: ROW FORMAT ... as written
	Partitioned []*ColumnDef
	Clustered   *Bucketing
	ClusterBy   []*Ident // Delta liquid clustering: CLUSTER BY (cols)
	Distributed *Distribution
	Location    *Literal
	Comment     *Literal
	TblProps    []*Property
	Options     []*Property // Spark OPTIONS (...)
	With        []*Property // Flink WITH (...)
	Like        *LikeClause
	Query       *Query // CTAS/RTAS
}

// ViewColumn is a column name of CREATE VIEW v (col COMMENT '...').
type ViewColumn struct {
	Name    *Ident
	Comment *Literal
}

// CreateView is CREATE [OR REPLACE] [GLOBAL] [TEMPORARY] VIEW [IF NOT EXISTS]
// v [(cols)] [COMMENT] [TBLPROPERTIES] AS query, or Spark's data-source view
// CREATE TEMPORARY VIEW v USING fmt OPTIONS (...).
type CreateView struct {
	StmtBase
	OrReplace   bool
	Global      bool
	Temporary   bool
	IfNotExists bool
	Name        *Name
	Columns     []*ViewColumn
	ColTypes    []*ColumnDef // v (a INT, b STRING) USING csv
	Comment     *Literal
	TblProps    []*Property
	Using       string
	Options     []*Property
	Query       *Query
}

// CreateFunction is CREATE [TEMPORARY|TEMPORARY SYSTEM] FUNCTION f AS 'class'
// [LANGUAGE JAVA] [USING JAR 'x', ...].
type CreateFunction struct {
	StmtBase
	OrReplace   bool
	Temporary   bool
	System      bool
	IfNotExists bool
	Name        *Name
	Class       *Literal
	Language    string
	Resources   []string // JAR 'x' as written
}

// CreateDatabase is CREATE DATABASE|SCHEMA|CATALOG [IF NOT EXISTS] name ...
type CreateDatabase struct {
	StmtBase
	Kind        string // DATABASE, SCHEMA, NAMESPACE, CATALOG
	IfNotExists bool
	Name        *Name
	Comment     *Literal
	Location    *Literal
	Props       []*Property // WITH DBPROPERTIES (...) / WITH (...)
	PropsKW     string      // DBPROPERTIES, PROPERTIES or WITH
}

// DropStmt is DROP TABLE|VIEW|FUNCTION|DATABASE ... [IF EXISTS] name.
type DropStmt struct {
	StmtBase
	Kind      string // TABLE, VIEW, TEMPORARY VIEW, FUNCTION, DATABASE, ...
	Temporary bool
	System    bool
	IfExists  bool
	Name      *Name
	Trailer   string // PURGE, CASCADE, RESTRICT
}

// AlterAction is one action of ALTER TABLE. Kind is its leading words in
// upper case; the other fields are filled as the kind needs.
type AlterAction struct {
	At
	Kind       string // RENAME TO, ADD COLUMNS, ADD, MODIFY, DROP COLUMN(S), RENAME COLUMN, ALTER COLUMN, SET TBLPROPERTIES, UNSET TBLPROPERTIES, SET, RESET, SET LOCATION, ADD PARTITION, DROP PARTITION, RECOVER PARTITIONS, SET SERDEPROPERTIES
	NewName    *Name
	Columns    []*ColumnDef
	Names      []*Name
	IfExists   bool
	Props      []*Property
	Partitions [][]*PartitionValue
	Location   *Literal
	Rest       string // for ALTER COLUMN: the change as written (TYPE BIGINT, COMMENT 'x', ...)
	Watermark  *Watermark
	PrimaryKey *PrimaryKey
}

// AlterTable is ALTER TABLE|VIEW name action.
type AlterTable struct {
	StmtBase
	View     bool
	IfExists bool
	Name     *Name
	Action   *AlterAction
	Query    *Query // ALTER VIEW v AS query
}

// CommentOn is COMMENT ON TABLE|COLUMN|DATABASE name IS 'text'|NULL.
type CommentOn struct {
	StmtBase
	Kind    string
	Name    *Name
	Comment *Literal // nil for NULL
}

// Assignment is col = value in UPDATE SET or MERGE UPDATE SET.
type Assignment struct {
	Col   *Name
	Value Expr
}

// MergeClause is WHEN [NOT] MATCHED [BY SOURCE|TARGET] [AND cond] THEN action.
type MergeClause struct {
	At
	Matched  bool
	BySource bool
	ByTarget bool
	Cond     Expr
	Action   string // UPDATE, DELETE, INSERT
	Star     bool   // UPDATE SET * / INSERT *
	Sets     []*Assignment
	Columns  []*Ident
	Values   []Expr
}

// MergeStmt is MERGE INTO target [alias] USING source ON cond clauses.
type MergeStmt struct {
	StmtBase
	With    *With // WITH ... MERGE INTO (Spark)
	Target  *Name
	Alias   *Alias
	Source  TableRef
	On      Expr
	Clauses []*MergeClause
}

// UpdateStmt is UPDATE t [alias] SET ... [WHERE ...].
type UpdateStmt struct {
	StmtBase
	Table *Name
	Alias *Alias
	Sets  []*Assignment
	Where Expr
}

// DeleteStmt is DELETE FROM t [alias] [WHERE ...].
type DeleteStmt struct {
	StmtBase
	Table *Name
	Alias *Alias
	Where Expr
}

// SetStmt is SET key = value (Spark, unquoted), SET 'key' = 'value' (Flink),
// bare SET, or RESET [key]. Key and Value are kept as written.
type SetStmt struct {
	StmtBase
	Reset bool
	Key   string
	Value string
	Eq    bool
}

// UseStmt is USE [CATALOG|DATABASE|NAMESPACE|SCHEMA|MODULES] name.
type UseStmt struct {
	StmtBase
	Kind  string
	Names []*Name
}

// CacheStmt is CACHE [LAZY] TABLE t [OPTIONS (...)] [[AS] query].
type CacheStmt struct {
	StmtBase
	Lazy    bool
	Table   *Name
	Options []*Property
	AsKW    bool
	Query   *Query
}

// UncacheStmt is UNCACHE TABLE [IF EXISTS] t.
type UncacheStmt struct {
	StmtBase
	IfExists bool
	Table    *Name
}

// Command is a statement the translator passes over and keeps as written:
// REFRESH, ANALYZE, SHOW, DESCRIBE, MSCK, OPTIMIZE, VACUUM, ADD JAR, CLEAR
// CACHE, LOAD DATA, TRUNCATE... Words holds its leading keywords in upper
// case (e.g. "SHOW TABLES"); Target is the object it names, when it has one.
type Command struct {
	StmtBase
	Words  string
	Target *Name
	Rest   string // the remaining text, as written
}

// ExplainStmt is EXPLAIN [modes] statement.
type ExplainStmt struct {
	StmtBase
	Modes []string // EXTENDED, CODEGEN, COST, FORMATTED, PLAN FOR, CHANGELOG_MODE, ...
	Stmt  Stmt
}

// DescribeStmt is DESCRIBE|DESC [EXTENDED|FORMATTED] [TABLE|QUERY] name|query.
type DescribeStmt struct {
	StmtBase
	Keyword  string // DESCRIBE or DESC
	Modifier string // EXTENDED, FORMATTED
	Kind     string // TABLE, QUERY, FUNCTION, DATABASE, or empty
	Name     *Name
	Query    *Query
}

// BadStmt stands for a statement that did not parse; Text is its source.
type BadStmt struct {
	StmtBase
	Err string
}

// ---------------------------------------------------------------------------
// File

// File is the parse result of one source file.
type File struct {
	Name  string
	Stmts []Stmt
}

// marker methods ------------------------------------------------------------

func (*Ident) exprNode()         {}
func (*Name) exprNode()          {}
func (*Star) exprNode()          {}
func (*Literal) exprNode()       {}
func (*TypedLiteral) exprNode()  {}
func (*Interval) exprNode()      {}
func (*Variable) exprNode()      {}
func (*Param) exprNode()         {}
func (*Unary) exprNode()         {}
func (*Binary) exprNode()        {}
func (*Paren) exprNode()         {}
func (*IsExpr) exprNode()        {}
func (*IsDistinct) exprNode()    {}
func (*Between) exprNode()       {}
func (*In) exprNode()            {}
func (*Like) exprNode()          {}
func (*Exists) exprNode()        {}
func (*Subquery) exprNode()      {}
func (*QuantifiedCmp) exprNode() {}
func (*Case) exprNode()          {}
func (*Cast) exprNode()          {}
func (*Func) exprNode()          {}
func (*NamedArg) exprNode()      {}
func (*AliasedArg) exprNode()    {}
func (*Extract) exprNode()       {}
func (*Substring) exprNode()     {}
func (*Trim) exprNode()          {}
func (*Position) exprNode()      {}
func (*FloorCeil) exprNode()     {}
func (*Overlay) exprNode()       {}
func (*Lambda) exprNode()        {}
func (*Subscript) exprNode()     {}
func (*FieldAccess) exprNode()   {}
func (*ArrayCtor) exprNode()     {}
func (*MapCtor) exprNode()       {}
func (*RowCtor) exprNode()       {}
func (*Descriptor) exprNode()    {}
func (*KeyValue) exprNode()      {}
func (*TableArg) exprNode()      {}
func (*GroupingSets) exprNode()  {}
func (*Rollup) exprNode()        {}
func (*Cube) exprNode()          {}

func (*Select) queryBodyNode()     {}
func (*SetOp) queryBodyNode()      {}
func (*ParenQuery) queryBodyNode() {}
func (*TableQuery) queryBodyNode() {}
func (*Values) queryBodyNode()     {}

func (*TableName) tableRefNode()      {}
func (*SubqueryRef) tableRefNode()    {}
func (*FuncRef) tableRefNode()        {}
func (*Join) tableRefNode()           {}
func (*ParenRef) tableRefNode()       {}
func (*Pivot) tableRefNode()          {}
func (*Unpivot) tableRefNode()        {}
func (*MatchRecognize) tableRefNode() {}

func (*SelectStmt) stmtNode()     {}
func (*InsertStmt) stmtNode()     {}
func (*MultiInsert) stmtNode()    {}
func (*StatementSet) stmtNode()   {}
func (*CreateTable) stmtNode()    {}
func (*CreateView) stmtNode()     {}
func (*CreateFunction) stmtNode() {}
func (*CreateDatabase) stmtNode() {}
func (*DropStmt) stmtNode()       {}
func (*AlterTable) stmtNode()     {}
func (*CommentOn) stmtNode()      {}
func (*MergeStmt) stmtNode()      {}
func (*UpdateStmt) stmtNode()     {}
func (*DeleteStmt) stmtNode()     {}
func (*SetStmt) stmtNode()        {}
func (*UseStmt) stmtNode()        {}
func (*CacheStmt) stmtNode()      {}
func (*UncacheStmt) stmtNode()    {}
func (*Command) stmtNode()        {}
func (*ExplainStmt) stmtNode()    {}
func (*DescribeStmt) stmtNode()   {}
func (*BadStmt) stmtNode()        {}
