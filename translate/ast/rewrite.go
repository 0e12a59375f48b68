package ast

import "fmt"

// RewriteExprs replaces expressions bottom-up: every expression slot below
// n (in queries, FROM items and statements too) is first rewritten inside,
// then replaced by f's result. f returns its argument to keep it. Nested
// queries are rewritten as well. Like Walk, it panics on a node type it
// does not know, so a new node type cannot be skipped silently.
func RewriteExprs(n Node, f func(Expr) Expr) {
	r := rewriter{f: f}
	r.node(n)
}

type rewriter struct{ f func(Expr) Expr }

func (r *rewriter) expr(e Expr) Expr {
	if e == nil {
		return nil
	}
	r.node(e)
	return r.f(e)
}

func (r *rewriter) exprs(es []Expr) {
	for i := range es {
		es[i] = r.expr(es[i])
	}
}

func (r *rewriter) order(items []*OrderItem) {
	for _, it := range items {
		if it != nil {
			it.Expr = r.expr(it.Expr)
		}
	}
}

func (r *rewriter) query(q *Query) {
	if q != nil {
		r.node(q)
	}
}

func (r *rewriter) window(w *Window) {
	if w == nil {
		return
	}
	r.exprs(w.PartitionBy)
	r.order(w.OrderBy)
	if w.Frame != nil {
		for _, b := range []*FrameBound{w.Frame.Start, w.Frame.End} {
			if b != nil {
				b.Offset = r.expr(b.Offset)
			}
		}
	}
}

func (r *rewriter) items(items []*SelectItem) {
	for _, it := range items {
		if it != nil {
			it.Expr = r.expr(it.Expr)
		}
	}
}

func (r *rewriter) ref(t TableRef) {
	if t != nil {
		r.node(t)
	}
}

func (r *rewriter) props(ps []*Property) {
	for _, p := range ps {
		if p != nil {
			p.Value = r.expr(p.Value)
		}
	}
}

func (r *rewriter) node(n Node) {
	switch n := n.(type) {
	case nil:
	case *Ident, *Name, *Star, *Literal, *TypedLiteral, *Variable, *Param, *Descriptor, *Type:
		// no expression children
	case *Interval:
		for i := range n.Fields {
			n.Fields[i].Value = r.expr(n.Fields[i].Value)
		}
	case *Unary:
		n.X = r.expr(n.X)
	case *Binary:
		n.L = r.expr(n.L)
		n.R = r.expr(n.R)
	case *Paren:
		n.X = r.expr(n.X)
	case *IsExpr:
		n.X = r.expr(n.X)
	case *IsDistinct:
		n.L = r.expr(n.L)
		n.R = r.expr(n.R)
	case *Between:
		n.X = r.expr(n.X)
		n.Lo = r.expr(n.Lo)
		n.Hi = r.expr(n.Hi)
	case *In:
		n.X = r.expr(n.X)
		r.exprs(n.List)
		r.query(n.Query)
	case *Like:
		n.X = r.expr(n.X)
		n.Pattern = r.expr(n.Pattern)
		r.exprs(n.Patterns)
		n.Escape = r.expr(n.Escape)
	case *Exists:
		r.query(n.Query)
	case *Subquery:
		r.query(n.Query)
	case *QuantifiedCmp:
		n.X = r.expr(n.X)
		r.query(n.Query)
	case *Case:
		n.Operand = r.expr(n.Operand)
		for _, w := range n.Whens {
			w.Cond = r.expr(w.Cond)
			w.Result = r.expr(w.Result)
		}
		n.Else = r.expr(n.Else)
	case *Cast:
		n.X = r.expr(n.X)
	case *Func:
		r.exprs(n.Args)
		r.order(n.OrderBy)
		r.order(n.WithinGroup)
		n.Filter = r.expr(n.Filter)
		r.window(n.Over)
	case *NamedArg:
		n.Value = r.expr(n.Value)
	case *AliasedArg:
		n.X = r.expr(n.X)
	case *KeyValue:
		n.Key = r.expr(n.Key)
		n.Value = r.expr(n.Value)
	case *Extract:
		n.X = r.expr(n.X)
	case *Substring:
		n.X = r.expr(n.X)
		n.From = r.expr(n.From)
		n.For = r.expr(n.For)
	case *Trim:
		n.Chars = r.expr(n.Chars)
		n.X = r.expr(n.X)
	case *Position:
		n.Sub = r.expr(n.Sub)
		n.X = r.expr(n.X)
	case *FloorCeil:
		n.X = r.expr(n.X)
	case *Overlay:
		n.X = r.expr(n.X)
		n.Placing = r.expr(n.Placing)
		n.From = r.expr(n.From)
		n.For = r.expr(n.For)
	case *Lambda:
		n.Body = r.expr(n.Body)
	case *Subscript:
		n.X = r.expr(n.X)
		n.Index = r.expr(n.Index)
	case *FieldAccess:
		n.X = r.expr(n.X)
	case *ArrayCtor:
		r.exprs(n.Elems)
	case *MapCtor:
		r.exprs(n.Elems)
	case *RowCtor:
		r.exprs(n.Elems)
	case *TableArg:
		r.exprs(n.PartitionBy)
		r.order(n.OrderBy)
	case *GroupingSets:
		for _, s := range n.Sets {
			r.exprs(s)
		}
	case *Rollup:
		r.exprs(n.Items)
	case *Cube:
		r.exprs(n.Items)

	// queries
	case *Query:
		if n.With != nil {
			for _, c := range n.With.CTEs {
				r.query(c.Query)
			}
		}
		r.node(n.Body)
		r.order(n.OrderBy)
		r.order(n.SortBy)
		r.exprs(n.DistributeBy)
		r.exprs(n.ClusterBy)
		n.Limit = r.expr(n.Limit)
		n.Offset = r.expr(n.Offset)
		n.FetchFirst = r.expr(n.FetchFirst)
	case *Select:
		r.items(n.Items)
		for _, t := range n.From {
			r.ref(t)
		}
		for _, lv := range n.LateralViews {
			r.exprs(lv.Func.Args)
		}
		n.Where = r.expr(n.Where)
		if n.GroupBy != nil {
			r.exprs(n.GroupBy.Items)
			if n.GroupBy.Sets != nil {
				r.node(n.GroupBy.Sets)
			}
		}
		n.Having = r.expr(n.Having)
		for _, w := range n.Windows {
			r.window(w.Spec)
		}
		n.Qualify = r.expr(n.Qualify)
	case *SetOp:
		r.node(n.L)
		r.node(n.R)
	case *ParenQuery:
		r.query(n.Query)
	case *Values:
		for _, row := range n.Rows {
			r.exprs(row)
		}
	case *TableQuery:

	// FROM items
	case *TableName:
		n.SystemTime = r.expr(n.SystemTime)
		n.TravelTo = r.expr(n.TravelTo)
	case *SubqueryRef:
		r.query(n.Query)
	case *FuncRef:
		n.Func = r.expr(n.Func)
		r.exprs(n.Args)
	case *Join:
		r.ref(n.Left)
		r.ref(n.Right)
		n.On = r.expr(n.On)
	case *ParenRef:
		r.ref(n.Ref)
	case *Pivot:
		r.ref(n.Source)
		r.items(n.Aggs)
		for _, v := range n.In {
			v.Expr = r.expr(v.Expr)
		}
	case *Unpivot:
		r.ref(n.Source)
	case *MatchRecognize:
		r.ref(n.Source)
		r.exprs(n.PartitionBy)
		r.order(n.OrderBy)
		r.items(n.Measures)
		n.Within = r.expr(n.Within)
		r.items(n.Define)

	// statements
	case *SelectStmt:
		r.query(n.Query)
	case *InsertStmt:
		for _, pv := range n.Partition {
			pv.Value = r.expr(pv.Value)
		}
		n.ReplaceWhere = r.expr(n.ReplaceWhere)
		r.query(n.Query)
	case *MultiInsert:
		for _, t := range n.From {
			r.ref(t)
		}
		for _, ins := range n.Inserts {
			r.node(ins)
		}
	case *StatementSet:
		for _, ins := range n.Inserts {
			r.node(ins)
		}
	case *CreateTable:
		for _, c := range n.Columns {
			c.Default = r.expr(c.Default)
			c.Generated = r.expr(c.Generated)
			c.Computed = r.expr(c.Computed)
		}
		if n.Watermark != nil {
			n.Watermark.Expr = r.expr(n.Watermark.Expr)
		}
		r.props(n.With)
		r.props(n.Options)
		r.props(n.TblProps)
		r.query(n.Query)
	case *CreateView:
		r.query(n.Query)
	case *MergeStmt:
		if n.With != nil {
			for _, c := range n.With.CTEs {
				r.query(c.Query)
			}
		}
		r.ref(n.Source)
		n.On = r.expr(n.On)
		for _, c := range n.Clauses {
			c.Cond = r.expr(c.Cond)
			for _, s := range c.Sets {
				s.Value = r.expr(s.Value)
			}
			r.exprs(c.Values)
		}
	case *UpdateStmt:
		for _, s := range n.Sets {
			s.Value = r.expr(s.Value)
		}
		n.Where = r.expr(n.Where)
	case *DeleteStmt:
		n.Where = r.expr(n.Where)
	case *CacheStmt:
		r.query(n.Query)
	case *AlterTable:
		r.query(n.Query)
	case *ExplainStmt:
		r.node(n.Stmt)
	case *DescribeStmt:
		r.query(n.Query)
	case *CreateFunction, *CreateDatabase, *DropStmt, *CommentOn, *SetStmt, *UseStmt,
		*UncacheStmt, *Command, *BadStmt:
		// nothing to rewrite
	default:
		panic(fmt.Sprintf("ast.RewriteExprs: unexpected node type %T", n))
	}
}
