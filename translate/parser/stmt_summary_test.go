package parser

import (
	"fmt"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
)

// sstmt renders the fields of a DDL, DML or utility statement that matter
// as one compact line, so that a test row can pin a whole statement. Each
// field is written only when set: "CreateTable name=t cols=[a INT!] ...".
func sstmt(s ast.Stmt) string {
	var b summary
	switch x := s.(type) {
	case *ast.InsertStmt:
		b.kind("Insert")
		b.insert(x)
	case *ast.StatementSet:
		b.kind("StatementSet")
		b.flag("execute", x.Execute)
		for _, ins := range x.Inserts {
			var ib summary
			ib.insert(ins)
			b.add("insert", "{"+strings.TrimSpace(ib.String())+" text="+fmt.Sprintf("%q", ins.Text)+"}")
		}
	case *ast.CreateTable:
		b.kind("CreateTable")
		b.flag("orReplace", x.OrReplace)
		b.flag("replace", x.Replace)
		b.flag("temporary", x.Temporary)
		b.flag("external", x.External)
		b.flag("ifNotExists", x.IfNotExists)
		b.add("name", sname(x.Name))
		b.add("cols", scols(x.Columns))
		if x.PrimaryKey != nil {
			b.add("pk", spk(x.PrimaryKey))
		}
		if x.Watermark != nil {
			b.add("wm", sname(x.Watermark.Column)+" AS "+sexpr(x.Watermark.Expr))
		}
		b.add("using", x.Using)
		b.add("storedAs", x.StoredAs)
		b.add("rowFormat", x.RowFormat)
		b.add("partitioned", scols(x.Partitioned))
		if c := x.Clustered; c != nil {
			s := sidents(c.Columns)
			if c.SortedBy != nil {
				s += " sorted=" + sorder(c.SortedBy)
			}
			b.add("clustered", s+" buckets="+sexpr(c.Buckets))
		}
		b.add("clusterBy", sidentsOpt(x.ClusterBy))
		if d := x.Distributed; d != nil {
			s := d.Kind + sidentsOpt(d.Columns)
			if d.Buckets != nil {
				s += " buckets=" + sexpr(d.Buckets)
			}
			b.add("distributed", strings.TrimSpace(s))
		}
		b.add("location", slit(x.Location))
		b.add("comment", slit(x.Comment))
		b.add("tblprops", sprops(x.TblProps))
		b.add("options", sprops(x.Options))
		b.add("with", sprops(x.With))
		if x.Like != nil {
			b.add("like", sname(x.Like.Name)+" "+fmt.Sprint(x.Like.Options))
		}
		b.add("query", squery(x.Query))
	case *ast.CreateView:
		b.kind("CreateView")
		b.flag("orReplace", x.OrReplace)
		b.flag("global", x.Global)
		b.flag("temporary", x.Temporary)
		b.flag("ifNotExists", x.IfNotExists)
		b.add("name", sname(x.Name))
		if x.Columns != nil {
			var cs []string
			for _, c := range x.Columns {
				s := c.Name.Name
				if c.Comment != nil {
					s += " COMMENT " + slit(c.Comment)
				}
				cs = append(cs, s)
			}
			b.add("cols", "["+strings.Join(cs, ", ")+"]")
		}
		b.add("colTypes", scols(x.ColTypes))
		b.add("comment", slit(x.Comment))
		b.add("tblprops", sprops(x.TblProps))
		b.add("using", x.Using)
		b.add("options", sprops(x.Options))
		b.add("query", squery(x.Query))
	case *ast.CreateFunction:
		b.kind("CreateFunction")
		b.flag("orReplace", x.OrReplace)
		b.flag("temporary", x.Temporary)
		b.flag("system", x.System)
		b.flag("ifNotExists", x.IfNotExists)
		b.add("name", sname(x.Name))
		b.add("class", slit(x.Class))
		b.add("language", x.Language)
		if x.Resources != nil {
			b.add("resources", fmt.Sprintf("%q", x.Resources))
		}
	case *ast.CreateDatabase:
		b.kind("CreateDatabase")
		b.add("kind", x.Kind)
		b.flag("ifNotExists", x.IfNotExists)
		b.add("name", sname(x.Name))
		b.add("comment", slit(x.Comment))
		b.add("location", slit(x.Location))
		b.add("propsKW", x.PropsKW)
		b.add("props", sprops(x.Props))
	case *ast.DropStmt:
		b.kind("Drop")
		b.add("kind", x.Kind)
		b.flag("temporary", x.Temporary)
		b.flag("system", x.System)
		b.flag("ifExists", x.IfExists)
		b.add("name", sname(x.Name))
		b.add("trailer", x.Trailer)
	case *ast.AlterTable:
		b.kind("Alter")
		b.flag("view", x.View)
		b.flag("ifExists", x.IfExists)
		b.add("name", sname(x.Name))
		if a := x.Action; a != nil {
			b.add("action", fmt.Sprintf("%q", a.Kind))
			b.add("newName", sname(a.NewName))
			b.add("cols", scols(a.Columns))
			if a.Names != nil {
				var ns []string
				for _, n := range a.Names {
					ns = append(ns, sname(n))
				}
				b.add("names", "["+strings.Join(ns, ", ")+"]")
			}
			b.flag("ifExists", a.IfExists)
			b.add("props", sprops(a.Props))
			for _, pv := range a.Partitions {
				b.add("partition", spart(pv))
			}
			b.add("location", slit(a.Location))
			if a.Rest != "" {
				b.add("rest", fmt.Sprintf("%q", a.Rest))
			}
			if a.Watermark != nil {
				b.add("wm", sname(a.Watermark.Column)+" AS "+sexpr(a.Watermark.Expr))
			}
			if a.PrimaryKey != nil {
				b.add("pk", spk(a.PrimaryKey))
			}
		}
		b.add("query", squery(x.Query))
	case *ast.CommentOn:
		b.kind("CommentOn")
		b.add("kind", x.Kind)
		b.add("name", sname(x.Name))
		if x.Comment == nil {
			b.add("comment", "NULL")
		}
		b.add("comment", slit(x.Comment))
	case *ast.MergeStmt:
		b.kind("Merge")
		if x.With != nil {
			b.add("with", squery(&ast.Query{With: x.With}))
		}
		b.add("target", sname(x.Target))
		b.add("alias", salias(x.Alias))
		b.add("source", sref(x.Source))
		b.add("on", sexpr(x.On))
		for _, c := range x.Clauses {
			var cb summary
			if c.Matched {
				cb.kind("MATCHED")
			} else {
				cb.kind("NOT MATCHED")
			}
			cb.flag("bySource", c.BySource)
			cb.flag("byTarget", c.ByTarget)
			if c.Cond != nil {
				cb.add("and", sexpr(c.Cond))
			}
			cb.add("then", c.Action)
			cb.flag("star", c.Star)
			cb.add("set", ssets(c.Sets))
			cb.add("cols", sidentsOpt(c.Columns))
			if c.Values != nil {
				cb.add("values", list(c.Values))
			}
			b.add("when", "{"+cb.String()+"}")
		}
	case *ast.UpdateStmt:
		b.kind("Update")
		b.add("table", sname(x.Table))
		b.add("alias", salias(x.Alias))
		b.add("set", ssets(x.Sets))
		if x.Where != nil {
			b.add("where", sexpr(x.Where))
		}
	case *ast.DeleteStmt:
		b.kind("Delete")
		b.add("table", sname(x.Table))
		b.add("alias", salias(x.Alias))
		if x.Where != nil {
			b.add("where", sexpr(x.Where))
		}
	case *ast.SetStmt:
		b.kind("Set")
		b.flag("reset", x.Reset)
		b.add("key", fmt.Sprintf("%q", x.Key))
		b.flag("eq", x.Eq)
		if x.Value != "" {
			b.add("value", fmt.Sprintf("%q", x.Value))
		}
	case *ast.UseStmt:
		b.kind("Use")
		b.add("kind", x.Kind)
		var ns []string
		for _, n := range x.Names {
			ns = append(ns, sname(n))
		}
		b.add("names", "["+strings.Join(ns, ", ")+"]")
	case *ast.CacheStmt:
		b.kind("Cache")
		b.flag("lazy", x.Lazy)
		b.add("table", sname(x.Table))
		b.add("options", sprops(x.Options))
		b.flag("as", x.AsKW)
		b.add("query", squery(x.Query))
	case *ast.UncacheStmt:
		b.kind("Uncache")
		b.flag("ifExists", x.IfExists)
		b.add("table", sname(x.Table))
	case *ast.ExplainStmt:
		b.kind("Explain")
		if x.Modes != nil {
			b.add("modes", fmt.Sprintf("%q", x.Modes))
		}
		b.add("stmt", "{"+sstmt(x.Stmt)+"}")
		b.add("text", fmt.Sprintf("%q", x.Stmt.Base().Text))
	case *ast.DescribeStmt:
		b.kind("Describe")
		b.add("keyword", x.Keyword)
		b.add("modifier", x.Modifier)
		b.add("kind", x.Kind)
		b.add("name", sname(x.Name))
		b.add("query", squery(x.Query))
	case *ast.Command:
		b.kind("Command")
		b.add("words", fmt.Sprintf("%q", x.Words))
		b.add("target", sname(x.Target))
		if x.Rest != "" {
			b.add("rest", fmt.Sprintf("%q", x.Rest))
		}
	case *ast.SelectStmt:
		b.kind("Select")
	default:
		b.kind(fmt.Sprintf("%T", s))
	}
	return b.String()
}

type summary struct{ parts []string }

func (b *summary) kind(k string) { b.parts = append(b.parts, k) }

func (b *summary) add(k, v string) {
	if v != "" {
		b.parts = append(b.parts, k+"="+v)
	}
}

func (b *summary) flag(k string, v bool) {
	if v {
		b.parts = append(b.parts, k)
	}
}

func (b *summary) String() string { return strings.Join(b.parts, " ") }

func (b *summary) insert(x *ast.InsertStmt) {
	b.flag("overwrite", x.Overwrite)
	b.flag("tableKW", x.TableKeyword)
	b.add("table", sname(x.Table))
	if x.Hints != nil {
		var hs []string
		for _, h := range x.Hints {
			hs = append(hs, h.Name.Name+list(h.Args))
		}
		b.add("hints", strings.Join(hs, ","))
	}
	b.add("partition", spart(x.Partition))
	b.flag("ifNotExists", x.IfNotExists)
	b.add("cols", sidentsOpt(x.Columns))
	b.flag("byName", x.ByName)
	b.flag("local", x.Local)
	b.add("directory", slit(x.Directory))
	b.add("dirUsing", x.DirUsing)
	b.add("dirOptions", sprops(x.DirOptions))
	b.add("rowFormat", x.RowFormat)
	b.add("storedAs", x.StoredAs)
	b.add("query", squery(x.Query))
}

func sname(n *ast.Name) string {
	if n == nil {
		return ""
	}
	return sexpr(n)
}

func sidents(ids []*ast.Ident) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = id.Name
		if id.Quoted {
			s[i] = "`" + id.Name + "`"
		}
	}
	return "(" + strings.Join(s, ", ") + ")"
}

func sidentsOpt(ids []*ast.Ident) string {
	if ids == nil {
		return ""
	}
	return sidents(ids)
}

func slit(l *ast.Literal) string {
	if l == nil {
		return ""
	}
	return fmt.Sprintf("%q", l.Value)
}

func sprops(ps []*ast.Property) string {
	if ps == nil {
		return ""
	}
	var out []string
	for _, p := range ps {
		k := ""
		if p.Key != nil {
			k = slit(p.Key)
		} else {
			k = sname(p.Name)
		}
		if p.Eq {
			k += "="
		} else if p.Value != nil {
			k += " "
		}
		if p.Value != nil {
			k += sexpr(p.Value)
		}
		out = append(out, k)
	}
	return "{" + strings.Join(out, ", ") + "}"
}

func spart(pv []*ast.PartitionValue) string {
	if pv == nil {
		return ""
	}
	var out []string
	for _, v := range pv {
		s := v.Col.Name
		if v.Value != nil {
			s += "=" + sexpr(v.Value)
		}
		out = append(out, s)
	}
	return "(" + strings.Join(out, ", ") + ")"
}

func spk(pk *ast.PrimaryKey) string {
	s := sidents(pk.Columns)
	if pk.Name != nil {
		s = pk.Name.Name + s
	}
	if pk.NotEnforced {
		s += " NOT ENFORCED"
	}
	return s
}

// scols renders column definitions: name TYPE, ! for NOT NULL, and the
// column's decorations in brackets.
func scols(cs []*ast.ColumnDef) string {
	if cs == nil {
		return ""
	}
	var out []string
	for _, c := range cs {
		var s string
		if c.Name != nil {
			s = c.Name.Name
		}
		if c.Type != nil {
			s += " " + typeString(c.Type)
		}
		if c.NotNull {
			s += "!"
		}
		var deco []string
		if c.Null {
			deco = append(deco, "NULL")
		}
		if c.Comment != nil {
			deco = append(deco, "COMMENT "+slit(c.Comment))
		}
		if c.Default != nil {
			deco = append(deco, "DEFAULT "+sexpr(c.Default))
		}
		if c.Generated != nil {
			deco = append(deco, "GENERATED "+sexpr(c.Generated))
		}
		if c.Identity != "" {
			deco = append(deco, "IDENTITY "+fmt.Sprintf("%q", c.Identity))
		}
		if c.Computed != nil {
			deco = append(deco, "AS "+sexpr(c.Computed))
		}
		if c.Metadata {
			m := "METADATA"
			if c.MetaFrom != nil {
				m += " FROM " + slit(c.MetaFrom)
			}
			deco = append(deco, m)
		}
		if c.Virtual {
			deco = append(deco, "VIRTUAL")
		}
		if c.PrimaryKey {
			deco = append(deco, "PK")
		}
		if len(deco) > 0 {
			s += " [" + strings.Join(deco, "; ") + "]"
		}
		out = append(out, strings.TrimSpace(s))
	}
	return "[" + strings.Join(out, ", ") + "]"
}

func sorder(items []*ast.OrderItem) string {
	var out []string
	for _, it := range items {
		s := sexpr(it.Expr)
		if it.Desc {
			s += " DESC"
		}
		out = append(out, s)
	}
	return "(" + strings.Join(out, ", ") + ")"
}

func ssets(sets []*ast.Assignment) string {
	if sets == nil {
		return ""
	}
	var out []string
	for _, a := range sets {
		out = append(out, sname(a.Col)+"="+sexpr(a.Value))
	}
	return "[" + strings.Join(out, ", ") + "]"
}

func salias(a *ast.Alias) string {
	if a == nil {
		return ""
	}
	s := a.Name.Name
	if a.AsKeyword {
		s = "AS " + s
	}
	return s
}

// sref renders a FROM item briefly: a table name with its alias, or
// (query) with its alias.
func sref(r ast.TableRef) string {
	switch x := r.(type) {
	case *ast.TableName:
		return strings.TrimSpace(sname(x.Name) + " " + salias(x.Alias))
	case *ast.SubqueryRef:
		return strings.TrimSpace("(query) " + salias(x.Alias))
	}
	return fmt.Sprintf("%T", r)
}

// squery renders a query as <query>, naming its CTEs and its first FROM
// table when it has them.
func squery(q *ast.Query) string {
	if q == nil {
		return ""
	}
	s := "<"
	if q.With != nil {
		var names []string
		for _, c := range q.With.CTEs {
			names = append(names, c.Name.Name)
		}
		s += "with " + strings.Join(names, ",") + " "
	}
	switch body := q.Body.(type) {
	case *ast.Select:
		s += "select"
		if len(body.From) > 0 {
			s += " from " + sref(body.From[0])
		}
	case *ast.Values:
		s += fmt.Sprintf("values %d", len(body.Rows))
	case nil:
		return strings.TrimSpace(s) + ">"
	default:
		s += fmt.Sprintf("%T", body)
	}
	return s + ">"
}
