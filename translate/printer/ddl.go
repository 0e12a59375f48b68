package printer

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
)

func (p *printer) createTable(s *ast.CreateTable) {
	if s.Replace {
		p.write("REPLACE")
	} else {
		p.write("CREATE")
		if s.OrReplace {
			p.write(" OR REPLACE")
		}
		if s.Temporary {
			p.write(" TEMPORARY")
		}
		if s.External {
			p.write(" EXTERNAL")
		}
	}
	p.write(" TABLE ")
	if s.IfNotExists {
		p.write("IF NOT EXISTS ")
	}
	p.name(s.Name)
	if len(s.Columns) > 0 || s.PrimaryKey != nil || s.Watermark != nil {
		p.write(" (")
		p.indent()
		n := len(s.Columns)
		if s.PrimaryKey != nil {
			n++
		}
		if s.Watermark != nil {
			n++
		}
		i := 0
		for _, c := range s.Columns {
			i++
			p.newline()
			p.commentLines(c.Before)
			p.columnDefCore(c)
			if i < n {
				p.write(",")
			}
			p.trailing(c.After)
		}
		if s.PrimaryKey != nil {
			i++
			p.newline()
			p.primaryKey(s.PrimaryKey)
			if i < n {
				p.write(",")
			}
		}
		if s.Watermark != nil {
			p.newline()
			p.watermark(s.Watermark)
		}
		p.unindent()
		p.newline()
		p.write(")")
	}
	clauses := 0
	clause := func() {
		p.newline()
		clauses++
	}
	if s.Using != "" {
		clause()
		p.write("USING " + s.Using)
	}
	if s.Comment != nil {
		clause()
		p.write("COMMENT ")
		p.literal(s.Comment)
	}
	if s.Distributed != nil {
		clause()
		p.distribution(s.Distributed)
	}
	if len(s.Partitioned) > 0 {
		clause()
		p.write("PARTITIONED BY ")
		p.columnDefList(s.Partitioned)
	}
	if b := s.Clustered; b != nil {
		clause()
		p.write("CLUSTERED BY (")
		p.identList(b.Columns)
		p.write(")")
		if len(b.SortedBy) > 0 {
			p.write(" SORTED BY (")
			p.orderItems(b.SortedBy)
			p.write(")")
		}
		p.write(" INTO ")
		p.expr(b.Buckets, precPrimary)
		p.write(" BUCKETS")
	}
	if len(s.ClusterBy) > 0 {
		clause()
		p.write("CLUSTER BY (")
		p.identList(s.ClusterBy)
		p.write(")")
	}
	if s.RowFormat != "" {
		clause()
		p.write("ROW FORMAT " + s.RowFormat)
	}
	if s.StoredAs != "" {
		clause()
		p.write("STORED AS " + s.StoredAs)
	}
	if s.Location != nil {
		clause()
		p.write("LOCATION ")
		p.literal(s.Location)
	}
	if s.TblProps != nil {
		clause()
		p.props("TBLPROPERTIES", s.TblProps, true)
	}
	if s.Options != nil {
		clause()
		p.props("OPTIONS", s.Options, true)
	}
	if s.With != nil {
		clause()
		p.props("WITH", s.With, true)
	}
	if s.Like != nil {
		clause()
		p.write("LIKE ")
		p.name(s.Like.Name)
		if len(s.Like.Options) > 0 {
			p.write(" (")
			p.indent()
			for _, o := range s.Like.Options {
				p.newline()
				p.write(strings.ToUpper(o))
			}
			p.unindent()
			p.newline()
			p.write(")")
		}
	}
	if s.Query != nil {
		if clauses > 0 {
			p.newline()
			p.write("AS")
		} else {
			p.write(" AS")
		}
		p.nl()
		p.query(s.Query)
	}
}

// columnDefList prints (col, ...) of PARTITIONED BY: inline, or one per
// line when a column carries comments.
func (p *printer) columnDefList(cols []*ast.ColumnDef) {
	comments := false
	for _, c := range cols {
		if len(c.Before) > 0 || len(c.After) > 0 {
			comments = true
		}
	}
	p.write("(")
	if !comments {
		for i, c := range cols {
			if i > 0 {
				p.write(", ")
			}
			p.columnDefCore(c)
		}
		p.write(")")
		return
	}
	p.indent()
	for i, c := range cols {
		p.newline()
		p.commentLines(c.Before)
		p.columnDefCore(c)
		if i < len(cols)-1 {
			p.write(",")
		}
		p.trailing(c.After)
	}
	p.unindent()
	p.newline()
	p.write(")")
}

// columnDef prints a column definition with its comments.
func (p *printer) columnDef(c *ast.ColumnDef) {
	p.leading(c.Before)
	p.columnDefCore(c)
	p.trailing(c.After)
}

func (p *printer) columnDefCore(c *ast.ColumnDef) {
	if c.Name == nil {
		// a partition transform: days(ts), bucket(16, id)
		p.expr(c.Computed, precLowest)
		return
	}
	p.ident(c.Name)
	if c.Computed != nil {
		p.write(" AS ")
		p.expr(c.Computed, precLowest)
		if c.Comment != nil {
			p.write(" COMMENT ")
			p.literal(c.Comment)
		}
		return
	}
	if c.Type != nil {
		p.sp()
		p.typ(c.Type)
	}
	if c.Metadata {
		p.write(" METADATA")
		if c.MetaFrom != nil {
			p.write(" FROM ")
			p.literal(c.MetaFrom)
		}
		if c.Virtual {
			p.write(" VIRTUAL")
		}
	}
	if c.NotNull {
		p.write(" NOT NULL")
	}
	if c.Null {
		p.write(" NULL")
	}
	if c.PrimaryKey {
		p.write(" PRIMARY KEY")
		if !p.spark() {
			p.write(" NOT ENFORCED")
		}
	}
	if c.Generated != nil {
		p.write(" GENERATED ALWAYS AS (")
		p.expr(c.Generated, precLowest)
		p.write(")")
	}
	if c.Identity != "" {
		p.write(" " + c.Identity)
	}
	if c.Default != nil {
		p.write(" DEFAULT ")
		p.expr(c.Default, precLowest)
	}
	if c.Comment != nil {
		p.write(" COMMENT ")
		p.literal(c.Comment)
	}
}

func (p *printer) primaryKey(pk *ast.PrimaryKey) {
	if pk.Name != nil {
		p.write("CONSTRAINT ")
		p.ident(pk.Name)
		p.sp()
	}
	p.write("PRIMARY KEY (")
	p.identList(pk.Columns)
	p.write(")")
	if pk.NotEnforced {
		p.write(" NOT ENFORCED")
	}
}

func (p *printer) watermark(w *ast.Watermark) {
	p.write("WATERMARK FOR ")
	p.name(w.Column)
	p.write(" AS ")
	p.expr(w.Expr, precLowest)
}

func (p *printer) distribution(d *ast.Distribution) {
	p.write("DISTRIBUTED")
	if len(d.Columns) > 0 {
		p.write(" BY ")
		if d.Kind != "" {
			p.write(strings.ToUpper(d.Kind))
		}
		p.write("(")
		p.identList(d.Columns)
		p.write(")")
	}
	if d.Buckets != nil {
		p.write(" INTO ")
		p.expr(d.Buckets, precPrimary)
		p.write(" BUCKETS")
	}
}

func (p *printer) createView(s *ast.CreateView) {
	p.write("CREATE")
	if s.OrReplace {
		p.write(" OR REPLACE")
	}
	if s.Global {
		p.write(" GLOBAL")
	}
	if s.Temporary {
		p.write(" TEMPORARY")
	}
	p.write(" VIEW ")
	if s.IfNotExists {
		p.write("IF NOT EXISTS ")
	}
	p.name(s.Name)
	if len(s.Columns) > 0 || len(s.ColTypes) > 0 {
		p.write(" (")
		p.indent()
		n := len(s.Columns) + len(s.ColTypes)
		i := 0
		for _, c := range s.Columns {
			i++
			p.newline()
			p.ident(c.Name)
			if c.Comment != nil {
				p.write(" COMMENT ")
				p.literal(c.Comment)
			}
			if i < n {
				p.write(",")
			}
		}
		for _, c := range s.ColTypes {
			i++
			p.newline()
			p.commentLines(c.Before)
			p.columnDefCore(c)
			if i < n {
				p.write(",")
			}
			p.trailing(c.After)
		}
		p.unindent()
		p.newline()
		p.write(")")
	}
	if s.Using != "" {
		p.newline()
		p.write("USING " + s.Using)
	}
	if s.Options != nil {
		p.newline()
		p.props("OPTIONS", s.Options, true)
	}
	if s.Comment != nil {
		p.newline()
		p.write("COMMENT ")
		p.literal(s.Comment)
	}
	if s.TblProps != nil {
		p.newline()
		p.props("TBLPROPERTIES", s.TblProps, true)
	}
	if s.Query != nil {
		p.write(" AS")
		p.nl()
		p.query(s.Query)
	}
}

// alterAction prints one ALTER TABLE action.
func (p *printer) alterAction(a *ast.AlterAction) {
	kind := strings.ToUpper(a.Kind)
	switch kind {
	case "SET LOCATION", "RENAME PARTITION", "SET", "CHANGE", "ADD", "REPLACE":
		if len(a.Partitions) > 0 {
			// Spark: PARTITION (...) SET LOCATION | RENAME TO PARTITION | ...
			p.partitionSpec(a.Partitions[0])
			switch kind {
			case "SET LOCATION":
				p.write(" SET LOCATION ")
				p.literal(a.Location)
			case "RENAME PARTITION":
				p.write(" RENAME TO ")
				if len(a.Partitions) > 1 {
					p.partitionSpec(a.Partitions[1])
				}
			default:
				p.write(" " + kind)
				if a.Rest != "" {
					p.write(" " + a.Rest)
				}
			}
			return
		}
	}
	switch kind {
	case "RENAME TO":
		p.write("RENAME TO ")
		p.name(a.NewName)
	case "RENAME", "RENAME COLUMN":
		p.write(kind + " ")
		p.nameList(a.Names)
		p.write(" TO ")
		p.name(a.NewName)
	case "ADD COLUMNS", "ADD COLUMN", "REPLACE COLUMNS":
		p.write(kind + " ")
		p.alterColumns(a)
	case "ADD", "MODIFY":
		if len(a.Columns) == 0 && a.PrimaryKey == nil && a.Watermark == nil {
			p.words(kind, a.Rest)
			return
		}
		p.write(kind + " ")
		p.alterColumns(a)
	case "ADD PARTITION":
		p.write("ADD")
		if a.IfExists {
			p.write(" IF NOT EXISTS")
		}
		for _, part := range a.Partitions {
			p.sp()
			p.partitionSpec(part)
		}
		if a.Location != nil {
			p.write(" LOCATION ")
			p.literal(a.Location)
		}
	case "DROP COLUMN", "DROP COLUMNS":
		p.write(kind + " ")
		if a.IfExists {
			p.write("IF EXISTS ")
		}
		if len(a.Names) > 1 {
			p.write("(")
			p.nameList(a.Names)
			p.write(")")
		} else {
			p.nameList(a.Names)
		}
	case "DROP PARTITION":
		p.write("DROP")
		if a.IfExists {
			p.write(" IF EXISTS")
		}
		for i, part := range a.Partitions {
			if i > 0 {
				p.write(",")
			}
			p.sp()
			p.partitionSpec(part)
		}
		if a.Rest != "" {
			p.write(" " + a.Rest)
		}
	case "DROP":
		if len(a.Names) == 0 {
			p.words("DROP", a.Rest)
			return
		}
		p.write("DROP ")
		if len(a.Names) > 1 {
			p.write("(")
			p.nameList(a.Names)
			p.write(")")
		} else {
			p.nameList(a.Names)
		}
	case "DROP CONSTRAINT":
		p.write("DROP CONSTRAINT ")
		if a.IfExists {
			p.write("IF EXISTS ")
		}
		p.nameList(a.Names)
	case "ALTER", "ALTER COLUMN", "CHANGE", "CHANGE COLUMN":
		p.write(kind + " ")
		p.nameList(a.Names)
		if a.Rest != "" {
			p.write(" " + a.Rest)
		}
	case "SET TBLPROPERTIES", "SET SERDEPROPERTIES":
		p.props(kind, a.Props, false)
	case "UNSET TBLPROPERTIES":
		p.write(kind)
		if a.IfExists {
			p.write(" IF EXISTS")
		}
		p.sp()
		p.props("", a.Props, false)
	case "SET LOCATION":
		p.write("SET LOCATION ")
		p.literal(a.Location)
	case "SET", "RESET":
		if a.Props != nil {
			p.props(kind, a.Props, len(a.Props) > 1)
			return
		}
		p.words(kind, a.Rest)
	default:
		p.words(kind, a.Rest)
	}
}

func (p *printer) nameList(ns []*ast.Name) {
	for i, n := range ns {
		if i > 0 {
			p.write(", ")
		}
		p.name(n)
	}
}

// alterColumns prints the parenthesised column list of ADD COLUMNS,
// REPLACE COLUMNS and Flink's ADD/MODIFY. Column positions (FIRST, AFTER
// c) are kept by the parser in Rest as "col FIRST, col2 AFTER x".
func (p *printer) alterColumns(a *ast.AlterAction) {
	positions := map[string]string{}
	if a.Rest != "" {
		for _, part := range strings.Split(a.Rest, ", ") {
			name, at, ok := strings.Cut(part, " ")
			if ok {
				positions[name] = at
			}
		}
	}
	n := len(a.Columns)
	if a.PrimaryKey != nil {
		n++
	}
	if a.Watermark != nil {
		n++
	}
	multi := n > 1
	p.write("(")
	if multi {
		p.indent()
	}
	i := 0
	sep := func() {
		i++
		if multi {
			p.newline()
		}
	}
	for _, c := range a.Columns {
		sep()
		if multi {
			p.commentLines(c.Before)
		} else {
			p.leading(c.Before)
		}
		p.columnDefCore(c)
		if c.Name != nil {
			if at, ok := positions[c.Name.Name]; ok {
				p.write(" " + at)
			}
		}
		if i < n {
			p.write(",")
		}
		p.trailing(c.After)
	}
	if a.PrimaryKey != nil {
		sep()
		p.primaryKey(a.PrimaryKey)
		if i < n {
			p.write(",")
		}
	}
	if a.Watermark != nil {
		sep()
		p.watermark(a.Watermark)
	}
	if multi {
		p.unindent()
		p.newline()
	}
	p.write(")")
}
