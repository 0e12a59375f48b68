// Package printer writes a syntax tree of package ast back as SQL text, in
// the Spark or the Flink dialect. The layout is canonical and readable, like
// a hand-formatted dbt model: upper-case keywords, one SELECT item per line,
// each clause starting a line, CTEs in blocks, subqueries indented, short
// expressions inline. Comments kept on the tree are printed next to their
// node. The output re-parses to the same tree (positions aside), and
// printing it again gives the same text.
//
// Nodes that exist only in the other dialect are printed in their own
// syntax: rejecting them is the validators' job, not the printer's.
package printer

import (
	"fmt"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// Config controls the output. The zero value prints Spark SQL indented by
// two spaces.
type Config struct {
	Dialect token.Dialect
	Indent  string // one level of indentation; two spaces when empty
}

// Print returns the SQL text of n: a statement, a query, an expression, a
// FROM item, a type, or any other node.
func Print(n ast.Node, cfg Config) string {
	p := newPrinter(cfg)
	p.node(n)
	return p.String()
}

// PrintFile returns the statements of f separated by ";\n\n", the last one
// followed by ";\n". An empty file prints as the empty string.
func PrintFile(f *ast.File, cfg Config) string {
	p := newPrinter(cfg)
	for i, s := range f.Stmts {
		if i > 0 {
			p.nl()
		}
		p.stmt(s)
		p.write(";")
		p.nl()
	}
	return p.buf.String()
}

// printer accumulates output. Text is written through write, which adds
// the indentation at the start of a line and the line break owed after a
// line comment.
type printer struct {
	cfg    Config
	buf    strings.Builder
	level  int  // indentation level
	bol    bool // at the beginning of a line: the indentation is pending
	space  bool // a space is owed before the next text on this line
	needNL bool // a line comment ended the text: what follows starts a line
}

func newPrinter(cfg Config) *printer {
	if cfg.Indent == "" {
		cfg.Indent = "  "
	}
	return &printer{cfg: cfg, bol: true}
}

// String returns the output, without a line break owed to a final line
// comment.
func (p *printer) String() string {
	s := p.buf.String()
	if p.needNL {
		s += "\n"
	}
	return s
}

func (p *printer) spark() bool { return p.cfg.Dialect != token.Flink }

func (p *printer) write(s string) {
	if s == "" {
		return
	}
	if p.needNL {
		p.nl()
	}
	if p.bol {
		s = strings.TrimLeft(s, " ")
		if s == "" {
			return
		}
		for i := 0; i < p.level; i++ {
			p.buf.WriteString(p.cfg.Indent)
		}
		p.bol = false
	} else if p.space {
		p.buf.WriteByte(' ')
	}
	p.space = false
	p.buf.WriteString(s)
}

// nl ends the line.
func (p *printer) nl() {
	p.buf.WriteByte('\n')
	p.bol = true
	p.space = false
	p.needNL = false
}

// newline ends the line unless nothing was written on it yet.
func (p *printer) newline() {
	if !p.bol {
		p.nl()
	}
}

// sp owes a space before the next text written on the same line: a space
// never ends a line, nor starts one.
func (p *printer) sp() {
	if !p.bol && !p.needNL {
		p.space = true
	}
}

// words writes space-separated words, skipping empty ones.
func (p *printer) words(ws ...string) {
	first := true
	for _, w := range ws {
		if w == "" {
			continue
		}
		if !first {
			p.sp()
		}
		p.write(w)
		first = false
	}
}

func (p *printer) indent()   { p.level++ }
func (p *printer) unindent() { p.level-- }

// ---------------------------------------------------------------------------
// comments

func isLineComment(c string) bool { return !strings.HasPrefix(c, "/*") }

// commentLines writes comments on lines of their own, before a node that
// starts a line.
func (p *printer) commentLines(cs []string) {
	for _, c := range cs {
		p.newline()
		p.write(c)
		p.nl()
	}
}

// leading writes comments before an inline node: a block comment is
// followed by a space, a line comment by a line break.
func (p *printer) leading(cs []string) {
	for _, c := range cs {
		p.write(c)
		if isLineComment(c) {
			p.needNL = true
		} else {
			p.sp()
		}
	}
}

// trailing writes comments after a node, on its line.
func (p *printer) trailing(cs []string) {
	for _, c := range cs {
		p.sp()
		p.write(c)
		if isLineComment(c) {
			p.needNL = true
		}
	}
}

// render prints with a fresh printer at level 0 and returns the text; it
// is used to measure a construct before choosing its layout.
func (p *printer) render(f func(q *printer)) string {
	q := newPrinter(p.cfg)
	f(q)
	return q.String()
}

// ---------------------------------------------------------------------------
// dispatch

// node prints any node.
func (p *printer) node(n ast.Node) {
	switch n := n.(type) {
	case nil:
	case ast.Stmt:
		p.stmt(n)
	case ast.Expr:
		p.expr(n, 0)
	case ast.QueryBody:
		p.body(n)
	case ast.TableRef:
		p.tableRef(n)
	case *ast.Query:
		p.query(n)
	case *ast.Type:
		p.typ(n)
	case *ast.With:
		p.with(n)
		p.newline()
	case *ast.CTE:
		p.cte(n)
	case *ast.SelectItem:
		p.selectItem(n)
	case *ast.GroupBy:
		p.groupBy(n)
	case *ast.Window:
		p.window(n)
	case *ast.Hint:
		p.hints([]*ast.Hint{n})
	case *ast.TableSample:
		p.tableSample(n)
	case *ast.LateralView:
		p.lateralView(n)
	case *ast.ColumnDef:
		p.columnDef(n)
	case *ast.PrimaryKey:
		p.primaryKey(n)
	case *ast.Watermark:
		p.watermark(n)
	case *ast.Distribution:
		p.distribution(n)
	case *ast.AlterAction:
		p.alterAction(n)
	case *ast.MergeClause:
		p.mergeClause(n)
	default:
		panic("printer: unexpected node type " + typeName(n))
	}
}

func typeName(n ast.Node) string { return fmt.Sprintf("%T", n) }
