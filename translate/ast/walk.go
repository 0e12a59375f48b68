package ast

import "fmt"

// A Visitor's Visit method is called for each node met by Walk. If the
// returned visitor w is not nil, Walk visits each child of the node with w,
// then calls w.Visit(nil).
type Visitor interface {
	Visit(n Node) (w Visitor)
}

// Walk traverses the tree rooted at n in depth-first order. It starts by
// calling v.Visit(n); n must not be nil. Nodes reached through helper
// structs that are not nodes themselves (When, OrderItem, Property,
// Frame, ...) are visited directly: the helper is transparent.
//
// Walk panics on a node type it does not know, so that adding a node type
// to this package without teaching Walk about it fails loudly.
func Walk(v Visitor, n Node) {
	if v = v.Visit(n); v == nil {
		return
	}
	switch n := n.(type) {
	// names and literals
	case *Ident, *Literal, *Variable, *Param:
		// leaves
	case *Name:
		walkList(v, n.Parts)
	case *Star:
		walkList(v, n.Qualifier)
		walkList(v, n.Except)
	case *TypedLiteral:
		walkOpt(v, n.Value)
	case *Interval:
		for _, f := range n.Fields {
			walkOpt(v, f.Value)
		}

	// operators and predicates
	case *Unary:
		walkOpt(v, n.X)
	case *Binary:
		walkOpt(v, n.L)
		walkOpt(v, n.R)
	case *Paren:
		walkOpt(v, n.X)
	case *IsExpr:
		walkOpt(v, n.X)
	case *IsDistinct:
		walkOpt(v, n.L)
		walkOpt(v, n.R)
	case *Between:
		walkOpt(v, n.X)
		walkOpt(v, n.Lo)
		walkOpt(v, n.Hi)
	case *In:
		walkOpt(v, n.X)
		walkList(v, n.List)
		walkOpt(v, n.Query)
	case *Like:
		walkOpt(v, n.X)
		walkOpt(v, n.Pattern)
		walkList(v, n.Patterns)
		walkOpt(v, n.Escape)
	case *Exists:
		walkOpt(v, n.Query)
	case *Subquery:
		walkOpt(v, n.Query)
	case *QuantifiedCmp:
		walkOpt(v, n.X)
		walkOpt(v, n.Query)
	case *Case:
		walkOpt(v, n.Operand)
		for _, w := range n.Whens {
			if w != nil {
				walkOpt(v, w.Cond)
				walkOpt(v, w.Result)
			}
		}
		walkOpt(v, n.Else)
	case *Cast:
		walkOpt(v, n.X)
		walkOpt(v, n.Type)

	// calls and special forms
	case *Func:
		walkOpt(v, n.Name)
		walkList(v, n.Args)
		walkOrder(v, n.OrderBy)
		walkOrder(v, n.WithinGroup)
		walkOpt(v, n.Filter)
		walkOpt(v, n.Over)
	case *NamedArg:
		walkOpt(v, n.Name)
		walkOpt(v, n.Value)
	case *AliasedArg:
		walkOpt(v, n.X)
		walkOpt(v, n.Alias)
	case *Extract:
		walkOpt(v, n.X)
	case *Substring:
		walkOpt(v, n.X)
		walkOpt(v, n.From)
		walkOpt(v, n.For)
	case *Trim:
		walkOpt(v, n.Chars)
		walkOpt(v, n.X)
	case *Position:
		walkOpt(v, n.Sub)
		walkOpt(v, n.X)
	case *FloorCeil:
		walkOpt(v, n.X)
	case *Overlay:
		walkOpt(v, n.X)
		walkOpt(v, n.Placing)
		walkOpt(v, n.From)
		walkOpt(v, n.For)
	case *Lambda:
		walkList(v, n.Params)
		walkOpt(v, n.Body)
	case *Subscript:
		walkOpt(v, n.X)
		walkOpt(v, n.Index)
	case *FieldAccess:
		walkOpt(v, n.X)
		walkOpt(v, n.Field)
	case *ArrayCtor:
		walkList(v, n.Elems)
	case *MapCtor:
		walkList(v, n.Elems)
	case *RowCtor:
		walkList(v, n.Elems)
	case *Descriptor:
		walkList(v, n.Cols)
	case *TableArg:
		walkOpt(v, n.Name)
		walkList(v, n.PartitionBy)
		walkOrder(v, n.OrderBy)
	case *KeyValue:
		walkOpt(v, n.Key)
		walkOpt(v, n.Value)

	// types
	case *Type:
		walkOpt(v, n.Elem)
		walkOpt(v, n.Key)
		walkOpt(v, n.Val)
		for _, f := range n.Fields {
			if f != nil {
				walkOpt(v, f.Name)
				walkOpt(v, f.Type)
				walkOpt(v, f.Comment)
			}
		}

	// queries
	case *Query:
		walkOpt(v, n.With)
		walkOpt(v, n.Body)
		walkOrder(v, n.OrderBy)
		walkOrder(v, n.SortBy)
		walkList(v, n.DistributeBy)
		walkList(v, n.ClusterBy)
		walkOpt(v, n.Limit)
		walkOpt(v, n.Offset)
		walkOpt(v, n.FetchFirst)
	case *With:
		walkList(v, n.CTEs)
	case *CTE:
		walkOpt(v, n.Name)
		walkList(v, n.Columns)
		walkOpt(v, n.Query)
	case *Select:
		walkList(v, n.Hints)
		walkList(v, n.Items)
		walkList(v, n.From)
		walkList(v, n.LateralViews)
		walkOpt(v, n.Where)
		walkOpt(v, n.GroupBy)
		walkOpt(v, n.Having)
		for _, w := range n.Windows {
			if w != nil {
				walkOpt(v, w.Name)
				walkOpt(v, w.Spec)
			}
		}
		walkOpt(v, n.Qualify)
	case *SelectItem:
		walkOpt(v, n.Expr)
		walkOpt(v, n.Alias)
		walkList(v, n.MultiAlias)
	case *SetOp:
		walkOpt(v, n.L)
		walkOpt(v, n.R)
	case *ParenQuery:
		walkOpt(v, n.Query)
	case *TableQuery:
		walkOpt(v, n.Name)
	case *Values:
		for _, row := range n.Rows {
			walkList(v, row)
		}
	case *GroupBy:
		walkList(v, n.Items)
		walkOpt(v, n.Sets)
	case *GroupingSets:
		for _, set := range n.Sets {
			walkList(v, set)
		}
	case *Rollup:
		walkList(v, n.Items)
	case *Cube:
		walkList(v, n.Items)
	case *Window:
		walkOpt(v, n.Name)
		walkList(v, n.PartitionBy)
		walkOrder(v, n.OrderBy)
		if n.Frame != nil {
			for _, b := range []*FrameBound{n.Frame.Start, n.Frame.End} {
				if b != nil {
					walkOpt(v, b.Offset)
				}
			}
		}
	case *Hint:
		walkOpt(v, n.Name)
		walkList(v, n.Args)

	// FROM items
	case *TableName:
		walkOpt(v, n.Name)
		walkList(v, n.Hints)
		walkOpt(v, n.SystemTime)
		walkOpt(v, n.TravelTo)
		walkOpt(v, n.Sample)
		walkAlias(v, n.Alias)
	case *TableSample:
		walkOpt(v, n.Value)
		walkOpt(v, n.OutOf)
		walkOpt(v, n.On)
		walkOpt(v, n.Seed)
	case *SubqueryRef:
		walkOpt(v, n.Query)
		walkAlias(v, n.Alias)
	case *FuncRef:
		walkOpt(v, n.Func)
		walkList(v, n.Args)
		walkAlias(v, n.Alias)
	case *Join:
		walkList(v, n.Hints)
		walkOpt(v, n.Left)
		walkOpt(v, n.Right)
		walkOpt(v, n.On)
		walkList(v, n.Using)
	case *ParenRef:
		walkOpt(v, n.Ref)
		walkAlias(v, n.Alias)
	case *LateralView:
		walkOpt(v, n.Func)
		walkOpt(v, n.Table)
		walkList(v, n.Columns)
	case *Pivot:
		walkOpt(v, n.Source)
		walkList(v, n.Aggs)
		walkList(v, n.For)
		for _, pv := range n.In {
			if pv != nil {
				walkOpt(v, pv.Expr)
				walkOpt(v, pv.Alias)
			}
		}
		walkAlias(v, n.Alias)
	case *Unpivot:
		walkOpt(v, n.Source)
		walkList(v, n.ValueCols)
		walkOpt(v, n.NameCol)
		for _, c := range n.In {
			if c != nil {
				walkList(v, c.Cols)
				walkOpt(v, c.Alias)
			}
		}
		walkAlias(v, n.Alias)
	case *MatchRecognize:
		walkOpt(v, n.Source)
		walkList(v, n.PartitionBy)
		walkOrder(v, n.OrderBy)
		walkList(v, n.Measures)
		walkOpt(v, n.Within)
		walkList(v, n.Define)
		walkAlias(v, n.Alias)

	// statement parts
	case *ColumnDef:
		walkOpt(v, n.Name)
		walkOpt(v, n.Type)
		walkOpt(v, n.Comment)
		walkOpt(v, n.Default)
		walkOpt(v, n.Generated)
		walkOpt(v, n.Computed)
		walkOpt(v, n.MetaFrom)
	case *PrimaryKey:
		walkOpt(v, n.Name)
		walkList(v, n.Columns)
	case *Watermark:
		walkOpt(v, n.Column)
		walkOpt(v, n.Expr)
	case *Distribution:
		walkList(v, n.Columns)
		walkOpt(v, n.Buckets)
	case *AlterAction:
		walkOpt(v, n.NewName)
		walkList(v, n.Columns)
		walkList(v, n.Names)
		walkProps(v, n.Props)
		for _, part := range n.Partitions {
			walkPartition(v, part)
		}
		walkOpt(v, n.Location)
		walkOpt(v, n.Watermark)
		walkOpt(v, n.PrimaryKey)
	case *MergeClause:
		walkOpt(v, n.Cond)
		walkAssignments(v, n.Sets)
		walkList(v, n.Columns)
		walkList(v, n.Values)

	// statements
	case *SelectStmt:
		walkOpt(v, n.Query)
	case *InsertStmt:
		walkOpt(v, n.Table)
		walkList(v, n.Hints)
		walkPartition(v, n.Partition)
		walkList(v, n.Columns)
		walkOpt(v, n.ReplaceWhere)
		walkOpt(v, n.Query)
		walkOpt(v, n.Directory)
		walkProps(v, n.DirOptions)
	case *MultiInsert:
		walkList(v, n.From)
		walkList(v, n.LateralViews)
		walkList(v, n.Inserts)
	case *StatementSet:
		walkList(v, n.Inserts)
	case *CreateTable:
		walkOpt(v, n.Name)
		walkList(v, n.Columns)
		walkOpt(v, n.PrimaryKey)
		walkOpt(v, n.Watermark)
		walkList(v, n.Partitioned)
		if c := n.Clustered; c != nil {
			walkList(v, c.Columns)
			walkOrder(v, c.SortedBy)
			walkOpt(v, c.Buckets)
		}
		walkList(v, n.ClusterBy)
		walkOpt(v, n.Distributed)
		walkOpt(v, n.Location)
		walkOpt(v, n.Comment)
		walkProps(v, n.TblProps)
		walkProps(v, n.Options)
		walkProps(v, n.With)
		if n.Like != nil {
			walkOpt(v, n.Like.Name)
		}
		walkOpt(v, n.Query)
	case *CreateView:
		walkOpt(v, n.Name)
		for _, c := range n.Columns {
			if c != nil {
				walkOpt(v, c.Name)
				walkOpt(v, c.Comment)
			}
		}
		walkList(v, n.ColTypes)
		walkOpt(v, n.Comment)
		walkProps(v, n.TblProps)
		walkProps(v, n.Options)
		walkOpt(v, n.Query)
	case *CreateFunction:
		walkOpt(v, n.Name)
		walkOpt(v, n.Class)
	case *CreateDatabase:
		walkOpt(v, n.Name)
		walkOpt(v, n.Comment)
		walkOpt(v, n.Location)
		walkProps(v, n.Props)
	case *DropStmt:
		walkOpt(v, n.Name)
	case *AlterTable:
		walkOpt(v, n.Name)
		walkOpt(v, n.Action)
		walkOpt(v, n.Query)
	case *CommentOn:
		walkOpt(v, n.Name)
		walkOpt(v, n.Comment)
	case *MergeStmt:
		walkOpt(v, n.With)
		walkOpt(v, n.Target)
		walkAlias(v, n.Alias)
		walkOpt(v, n.Source)
		walkOpt(v, n.On)
		walkList(v, n.Clauses)
	case *UpdateStmt:
		walkOpt(v, n.Table)
		walkAlias(v, n.Alias)
		walkAssignments(v, n.Sets)
		walkOpt(v, n.Where)
	case *DeleteStmt:
		walkOpt(v, n.Table)
		walkAlias(v, n.Alias)
		walkOpt(v, n.Where)
	case *SetStmt, *BadStmt:
		// no children
	case *UseStmt:
		walkList(v, n.Names)
	case *CacheStmt:
		walkOpt(v, n.Table)
		walkProps(v, n.Options)
		walkOpt(v, n.Query)
	case *UncacheStmt:
		walkOpt(v, n.Table)
	case *Command:
		walkOpt(v, n.Target)
	case *ExplainStmt:
		walkOpt(v, n.Stmt)
	case *DescribeStmt:
		walkOpt(v, n.Name)
		walkOpt(v, n.Query)

	default:
		panic(fmt.Sprintf("ast.Walk: unexpected node type %T", n))
	}
	v.Visit(nil)
}

// walkOpt walks n unless it is nil (a nil interface or a nil pointer).
func walkOpt[T interface {
	Node
	comparable
}](v Visitor, n T) {
	var zero T
	if n != zero {
		Walk(v, n)
	}
}

func walkList[T interface {
	Node
	comparable
}](v Visitor, list []T) {
	for _, n := range list {
		walkOpt(v, n)
	}
}

func walkOrder(v Visitor, items []*OrderItem) {
	for _, it := range items {
		if it != nil {
			walkOpt(v, it.Expr)
		}
	}
}

func walkAlias(v Visitor, a *Alias) {
	if a != nil {
		walkOpt(v, a.Name)
		walkList(v, a.Columns)
	}
}

func walkProps(v Visitor, props []*Property) {
	for _, p := range props {
		if p != nil {
			walkOpt(v, p.Key)
			walkOpt(v, p.Name)
			walkOpt(v, p.Value)
		}
	}
}

func walkPartition(v Visitor, part []*PartitionValue) {
	for _, pv := range part {
		if pv != nil {
			walkOpt(v, pv.Col)
			walkOpt(v, pv.Value)
		}
	}
}

func walkAssignments(v Visitor, sets []*Assignment) {
	for _, a := range sets {
		if a != nil {
			walkOpt(v, a.Col)
			walkOpt(v, a.Value)
		}
	}
}

type inspector func(Node) bool

func (f inspector) Visit(n Node) Visitor {
	if f(n) {
		return f
	}
	return nil
}

// Inspect traverses the tree rooted at n in depth-first order: it calls
// f(n) and, when f returns true, inspects each child of n in turn, then
// calls f(nil), as go/ast.Inspect does.
func Inspect(n Node, f func(Node) bool) {
	Walk(inspector(f), n)
}

// InspectFile inspects every statement of f in order.
func InspectFile(f *File, fn func(Node) bool) {
	for _, s := range f.Stmts {
		if s != nil {
			Inspect(s, fn)
		}
	}
}
