package printer

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
)

// stmt prints a statement with its comments, without the final ';'.
func (p *printer) stmt(s ast.Stmt) {
	if s == nil {
		return
	}
	b := s.Base()
	p.commentLines(b.Before)
	p.stmtCore(s)
	// Comments kept at the end of a statement go on their own lines, so
	// that re-parsing cannot attach them to the statement's last node.
	if len(b.After) > 0 {
		p.newline()
		p.commentLines(b.After)
	}
}

func (p *printer) stmtCore(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.SelectStmt:
		p.query(s.Query)
	case *ast.InsertStmt:
		p.insert(s)
	case *ast.MultiInsert:
		p.fromClause(s.From, s.LateralViews)
		for _, ins := range s.Inserts {
			p.newline()
			p.commentLines(ins.Before)
			p.insert(ins)
			p.trailing(ins.After)
		}
	case *ast.StatementSet:
		p.statementSet(s, true)
	case *ast.CreateTable:
		p.createTable(s)
	case *ast.CreateView:
		p.createView(s)
	case *ast.CreateFunction:
		p.write("CREATE")
		if s.OrReplace {
			p.write(" OR REPLACE")
		}
		if s.Temporary {
			p.write(" TEMPORARY")
			if s.System {
				p.write(" SYSTEM")
			}
		}
		p.write(" FUNCTION ")
		if s.IfNotExists {
			p.write("IF NOT EXISTS ")
		}
		p.name(s.Name)
		p.write(" AS ")
		p.literal(s.Class)
		if s.Language != "" {
			p.write(" LANGUAGE " + strings.ToUpper(s.Language))
		}
		if len(s.Resources) > 0 {
			p.write(" USING " + strings.Join(s.Resources, ", "))
		}
	case *ast.CreateDatabase:
		kind := strings.ToUpper(s.Kind)
		if kind == "" {
			kind = "DATABASE"
		}
		p.write("CREATE " + kind + " ")
		if s.IfNotExists {
			p.write("IF NOT EXISTS ")
		}
		p.name(s.Name)
		if s.Comment != nil {
			p.newline()
			p.write("COMMENT ")
			p.literal(s.Comment)
		}
		if s.Location != nil {
			p.newline()
			p.write("LOCATION ")
			p.literal(s.Location)
		}
		if s.Props != nil {
			kw := strings.ToUpper(s.PropsKW)
			switch {
			case kw == "" && p.spark():
				kw = "WITH DBPROPERTIES"
			case kw == "" || kw == "WITH":
				kw = "WITH"
			default:
				kw = "WITH " + kw
			}
			p.newline()
			p.props(kw, s.Props, true)
		}
	case *ast.DropStmt:
		p.write("DROP ")
		kind := strings.ToUpper(s.Kind)
		if s.Temporary && !strings.HasPrefix(kind, "TEMPORARY") {
			p.write("TEMPORARY ")
			if s.System {
				p.write("SYSTEM ")
			}
		}
		if kind == "" {
			kind = "TABLE"
		}
		p.write(kind + " ")
		if s.IfExists {
			p.write("IF EXISTS ")
		}
		p.name(s.Name)
		if s.Trailer != "" {
			p.write(" " + strings.ToUpper(s.Trailer))
		}
	case *ast.AlterTable:
		if s.View {
			p.write("ALTER VIEW ")
		} else {
			p.write("ALTER TABLE ")
		}
		if s.IfExists {
			p.write("IF EXISTS ")
		}
		p.name(s.Name)
		if s.Query != nil {
			p.write(" AS")
			p.nl()
			p.query(s.Query)
			return
		}
		if s.Action != nil {
			p.sp()
			p.alterAction(s.Action)
		}
	case *ast.CommentOn:
		kind := strings.ToUpper(s.Kind)
		if kind == "" {
			kind = "TABLE"
		}
		p.write("COMMENT ON " + kind + " ")
		p.name(s.Name)
		p.write(" IS ")
		if s.Comment == nil {
			p.write("NULL")
		} else {
			p.literal(s.Comment)
		}
	case *ast.MergeStmt:
		p.merge(s)
	case *ast.UpdateStmt:
		p.write("UPDATE ")
		p.name(s.Table)
		p.alias(s.Alias)
		p.newline()
		p.write("SET")
		p.assignments(s.Sets)
		p.condClause("WHERE", s.Where)
	case *ast.DeleteStmt:
		p.write("DELETE FROM ")
		p.name(s.Table)
		p.alias(s.Alias)
		p.condClause("WHERE", s.Where)
	case *ast.SetStmt:
		if s.Reset {
			p.words("RESET", s.Key)
			return
		}
		p.words("SET", s.Key)
		if s.Eq {
			p.write(" =")
		}
		if s.Value != "" {
			p.write(" " + s.Value)
		}
	case *ast.UseStmt:
		p.write("USE ")
		if s.Kind != "" {
			p.write(strings.ToUpper(s.Kind) + " ")
		}
		for i, n := range s.Names {
			if i > 0 {
				p.write(", ")
			}
			p.name(n)
		}
	case *ast.CacheStmt:
		p.write("CACHE ")
		if s.Lazy {
			p.write("LAZY ")
		}
		p.write("TABLE ")
		p.name(s.Table)
		if len(s.Options) > 0 {
			p.sp()
			p.props("OPTIONS", s.Options, false)
		}
		if s.Query != nil {
			if s.AsKW {
				p.write(" AS")
			}
			p.nl()
			p.query(s.Query)
		}
	case *ast.UncacheStmt:
		p.write("UNCACHE TABLE ")
		if s.IfExists {
			p.write("IF EXISTS ")
		}
		p.name(s.Table)
	case *ast.Command:
		p.write(strings.ToUpper(s.Words))
		if s.Target != nil {
			p.sp()
			p.name(s.Target)
		}
		if s.Rest != "" {
			p.sp()
			p.write(s.Rest)
		}
	case *ast.ExplainStmt:
		p.write("EXPLAIN")
		var modes []string
		for _, m := range s.Modes {
			if strings.EqualFold(m, "PLAN FOR") {
				p.write(" PLAN FOR")
				continue
			}
			modes = append(modes, strings.ToUpper(m))
		}
		if len(modes) > 0 {
			p.write(" " + strings.Join(modes, ", "))
		}
		if s.Stmt != nil {
			b := s.Stmt.Base()
			if len(b.Before) > 0 {
				p.commentLines(b.Before)
			} else {
				p.nl()
			}
			if set, ok := s.Stmt.(*ast.StatementSet); ok {
				p.statementSet(set, false)
			} else {
				p.stmtCore(s.Stmt)
			}
			p.trailing(b.After)
		}
	case *ast.DescribeStmt:
		kw := strings.ToUpper(s.Keyword)
		if kw == "" {
			kw = "DESCRIBE"
		}
		p.words(kw, strings.ToUpper(s.Modifier), strings.ToUpper(s.Kind))
		if s.Name != nil {
			p.sp()
			p.name(s.Name)
		}
		if s.Query != nil {
			p.nl()
			p.query(s.Query)
		}
	case *ast.BadStmt:
		p.write(strings.TrimSpace(s.Text))
	default:
		panic("printer: unexpected statement type " + typeName(s))
	}
}

func (p *printer) insert(s *ast.InsertStmt) {
	p.write("INSERT ")
	if s.Overwrite {
		p.write("OVERWRITE")
	} else {
		p.write("INTO")
	}
	if s.Table == nil && (s.Directory != nil || s.Overwrite) {
		if s.Local {
			p.write(" LOCAL")
		}
		p.write(" DIRECTORY")
		if s.Directory != nil {
			p.sp()
			p.literal(s.Directory)
		}
		if s.DirUsing != "" {
			p.newline()
			p.write("USING " + s.DirUsing)
		}
		if len(s.DirOptions) > 0 {
			p.newline()
			p.props("OPTIONS", s.DirOptions, false)
		}
		if s.RowFormat != "" {
			p.newline()
			p.write("ROW FORMAT " + s.RowFormat)
		}
		if s.StoredAs != "" {
			p.newline()
			p.write("STORED AS " + s.StoredAs)
		}
	} else {
		if s.TableKeyword {
			p.write(" TABLE")
		}
		p.sp()
		p.name(s.Table)
		if len(s.Hints) > 0 {
			p.sp()
			p.hints(s.Hints)
		}
		if len(s.Partition) > 0 {
			p.sp()
			p.partitionSpec(s.Partition)
		}
		if s.IfNotExists {
			p.write(" IF NOT EXISTS")
		}
		if len(s.Columns) > 0 {
			p.write(" (")
			p.identList(s.Columns)
			p.write(")")
		}
		if s.ByName {
			p.write(" BY NAME")
		}
		if s.ReplaceWhere != nil {
			p.write(" REPLACE WHERE ")
			p.expr(s.ReplaceWhere, 0)
		}
	}
	if s.Query != nil {
		p.newline()
		p.query(s.Query)
	}
}

// statementSet prints EXECUTE STATEMENT SET BEGIN ... END, or, inside
// EXPLAIN (execute false), STATEMENT SET BEGIN ... END. The SQL client's
// BEGIN STATEMENT SET and END markers carry no inserts.
func (p *printer) statementSet(s *ast.StatementSet, execute bool) {
	if !s.Execute && len(s.Inserts) == 0 {
		if s.End {
			p.write("END")
		} else {
			p.write("BEGIN STATEMENT SET")
		}
		return
	}
	if execute {
		p.write("EXECUTE ")
	}
	p.write("STATEMENT SET")
	p.newline()
	p.write("BEGIN")
	p.indent()
	for _, ins := range s.Inserts {
		p.newline()
		p.commentLines(ins.Before)
		p.insert(ins)
		p.trailing(ins.After)
		p.write(";")
	}
	p.unindent()
	p.newline()
	p.write("END")
}

func (p *printer) partitionSpec(vals []*ast.PartitionValue) {
	p.write("PARTITION (")
	for i, v := range vals {
		if i > 0 {
			p.write(", ")
		}
		p.ident(v.Col)
		if v.Value != nil {
			p.write(" = ")
			p.expr(v.Value, precLowest)
		}
	}
	p.write(")")
}

// props prints KW (key = value, ...): inline when there is at most one
// property and multi is false, else one property per line.
func (p *printer) props(kw string, props []*ast.Property, multi bool) {
	if kw != "" {
		p.write(kw + " ")
	}
	p.write("(")
	if len(props) == 0 {
		p.write(")")
		return
	}
	if len(props) <= 1 && !multi {
		p.property(props[0])
		p.write(")")
		return
	}
	p.indent()
	for i, pr := range props {
		p.newline()
		p.property(pr)
		if i < len(props)-1 {
			p.write(",")
		}
	}
	p.unindent()
	p.newline()
	p.write(")")
}

func (p *printer) property(pr *ast.Property) {
	switch {
	case pr.Key != nil:
		p.literal(pr.Key)
	case pr.Name != nil:
		p.name(pr.Name)
	}
	if pr.Eq {
		p.write(" =")
	}
	if pr.Value != nil {
		p.sp()
		p.expr(pr.Value, precUnary)
	}
}

func (p *printer) assignments(sets []*ast.Assignment) {
	if len(sets) == 1 {
		p.sp()
		p.assignment(sets[0])
		return
	}
	p.indent()
	for i, a := range sets {
		p.newline()
		p.assignment(a)
		if i < len(sets)-1 {
			p.write(",")
		}
	}
	p.unindent()
}

func (p *printer) assignment(a *ast.Assignment) {
	p.name(a.Col)
	p.write(" = ")
	p.expr(a.Value, precLowest)
}

func (p *printer) merge(m *ast.MergeStmt) {
	if m.With != nil {
		p.with(m.With)
		p.newline()
	}
	p.write("MERGE INTO ")
	p.name(m.Target)
	p.alias(m.Alias)
	p.newline()
	p.write("USING ")
	p.tableRef(m.Source)
	p.newline()
	p.write("ON ")
	p.cond(m.On)
	for _, c := range m.Clauses {
		p.newline()
		p.mergeClause(c)
	}
}

func (p *printer) mergeClause(c *ast.MergeClause) {
	p.write("WHEN ")
	if !c.Matched {
		p.write("NOT ")
	}
	p.write("MATCHED")
	switch {
	case c.BySource:
		p.write(" BY SOURCE")
	case c.ByTarget:
		p.write(" BY TARGET")
	}
	if c.Cond != nil {
		p.write(" AND ")
		p.expr(c.Cond, precLowest)
	}
	p.write(" THEN")
	p.indent()
	p.newline()
	action := strings.ToUpper(c.Action)
	switch action {
	case "UPDATE":
		p.write("UPDATE SET")
		if c.Star {
			p.write(" *")
		} else {
			p.assignments(c.Sets)
		}
	case "INSERT":
		p.write("INSERT")
		if c.Star {
			p.write(" *")
			break
		}
		if len(c.Columns) > 0 {
			p.write(" (")
			p.identList(c.Columns)
			p.write(")")
		}
		p.write(" VALUES (")
		p.exprList(c.Values)
		p.write(")")
	default:
		p.write(action)
	}
	p.unindent()
}
