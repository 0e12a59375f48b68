package rules

import (
	"strconv"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func ruleIsNull(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 1) {
		return c.fail(f, "expects one argument")
	}
	not := strings.EqualFold(f.Name.Last().Name, "isnotnull")
	return &ast.IsExpr{At: ast.At{At: f.Pos()}, X: f.Args[0], Not: not, What: "NULL"}, true
}

// ruleGreatest keeps Spark's NULL skipping: each argument is replaced by
// the first non-NULL of itself and the others, which cannot change the
// greatest (least) non-NULL value, and is NULL only when all are.
func ruleGreatest(c *Context, f *ast.Func) (ast.Expr, bool) {
	if len(f.Args) < 2 {
		return c.fail(f, "expects at least two arguments")
	}
	name := strings.ToUpper(f.Name.Last().Name)
	at := f.Pos()
	if len(f.Args) > 4 {
		c.warn(at, "spark.fn.greatest", "%s: Spark skips NULL arguments, Flink returns NULL when any argument is NULL", name)
		return call(at, name, f.Args...), true
	}
	args := make([]ast.Expr, len(f.Args))
	for i := range f.Args {
		co := []ast.Expr{f.Args[i]}
		for j := range f.Args {
			if j != i {
				co = append(co, f.Args[j])
			}
		}
		args[i] = call(at, "COALESCE", co...)
	}
	return call(at, name, args...), true
}

func ruleAvg(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 1) {
		return c.fail(f, "expects one argument")
	}
	x := f.Args[0]
	switch {
	case c.isIntegral(x):
		x = castTo(x.Pos(), x, typ("DOUBLE"))
	case c.typeOf(x) == nil:
		c.note(f.Pos(), "spark.fn.avg", "AVG of an integral column is an integer in Flink (DOUBLE in Spark): the argument's type is unknown, cast it to DOUBLE if it is integral")
	}
	return like(f, "AVG", x), true
}

func ruleSum(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 1) {
		return c.fail(f, "expects one argument")
	}
	x := f.Args[0]
	switch {
	case c.typeIs(x, "TINYINT", "BYTE", "SMALLINT", "SHORT", "INT", "INTEGER"):
		x = castTo(x.Pos(), x, typ("BIGINT"))
	case c.typeOf(x) == nil:
		c.note(f.Pos(), "spark.fn.sum", "SUM of an INT column is an INT in Flink (BIGINT in Spark) and can overflow: the argument's type is unknown")
	}
	return like(f, "SUM", x), true
}

func ruleCollect(c *Context, f *ast.Func, set bool) (ast.Expr, bool) {
	if !nargs(f, 1) {
		return c.fail(f, "expects one argument")
	}
	if len(f.OrderBy) > 0 {
		return c.fail(f, "ORDER BY inside ARRAY_AGG is not supported by Flink")
	}
	g := like(f, "ARRAY_AGG", f.Args[0])
	g.Distinct = g.Distinct || set
	ignore := true
	g.IgnoreNulls = &ignore
	g.NullsOutside = false
	c.note(f.Pos(), map[bool]string{false: "spark.fn.collect_list", true: "spark.fn.collect_set"}[set],
		"ARRAY_AGG gives no order guarantee for its elements (nor does Spark's %s); in streaming the array is re-emitted on each change", strings.ToUpper(f.Name.Last().Name))
	return g, true
}

func ruleApproxCountDistinct(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 1, 2) {
		return c.fail(f, "expects one or two arguments")
	}
	c.note(f.Pos(), "spark.fn.approx_count_distinct", "became the exact COUNT(DISTINCT ...), which keeps every distinct value in state (set a state TTL)")
	g := like(f, "COUNT", f.Args[0])
	g.Distinct = true
	return g, true
}

func rulePercentile(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 2, 3) {
		return c.fail(f, "expects two or three arguments")
	}
	c.note(f.Pos(), "spark.fn.percentile", "PERCENTILE keeps every value of the group in state")
	return like(f, "PERCENTILE", f.Args...), true
}

func rulePercentileApprox(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 2, 3) {
		return c.fail(f, "expects two or three arguments")
	}
	c.warn(f.Pos(), "spark.fn.percentile_approx", "became PERCENTILE, exact with linear interpolation between values; Spark's approximate percentile returns one of the input values (results can differ) and keeps less state")
	return like(f, "PERCENTILE", f.Args[0], f.Args[1]), true
}

func ruleSubstr(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 2, 3) {
		return c.fail(f, "expects two or three arguments")
	}
	if n, ok := intLit(f.Args[1]); ok && n < 0 {
		return c.fail(f, "a negative start position counts from the end in Spark; Flink's SUBSTR does not")
	}
	return call(f.Pos(), "SUBSTR", f.Args...), true
}

func ruleSubstringIndex(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 3) {
		return c.fail(f, "expects three arguments")
	}
	n, ok := intLit(f.Args[2])
	at := f.Pos()
	switch {
	case ok && n == 1:
		return call(at, "SPLIT_INDEX", f.Args[0], f.Args[1], num(at, "0")), true
	case ok && n == -1:
		return call(at, "REVERSE", call(at, "SPLIT_INDEX", call(at, "REVERSE", f.Args[0]), call(at, "REVERSE", f.Args[1]), num(at, "0"))), true
	}
	return c.fail(f, "only a count of 1 or -1 has a Flink translation")
}

func ruleSplitPart(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 3) {
		return c.fail(f, "expects three arguments")
	}
	n, ok := intLit(f.Args[2])
	if !ok || n < 1 {
		return c.fail(f, "only a positive literal part number has a Flink translation")
	}
	at := f.Pos()
	c.note(at, "spark.fn.split_part", "a part number past the end gives NULL in Flink, '' in Spark")
	return call(at, "SPLIT_INDEX", f.Args[0], f.Args[1], num(at, itoa(n-1))), true
}

func ruleReverse(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 1) {
		return c.fail(f, "expects one argument")
	}
	if c.isArray(f.Args[0]) {
		return call(f.Pos(), "ARRAY_REVERSE", f.Args[0]), true
	}
	return call(f.Pos(), "REVERSE", f.Args[0]), true
}

func ruleRegexpExtract(c *Context, f *ast.Func) (ast.Expr, bool) {
	switch len(f.Args) {
	case 2:
		return call(f.Pos(), "REGEXP_EXTRACT", f.Args[0], f.Args[1], num(f.Pos(), "1")), true
	case 3:
		return call(f.Pos(), "REGEXP_EXTRACT", f.Args...), true
	}
	return c.fail(f, "expects two or three arguments")
}

func ruleRegexpReplace(c *Context, f *ast.Func) (ast.Expr, bool) {
	switch len(f.Args) {
	case 3:
	case 4:
		if n, ok := intLit(f.Args[3]); !ok || n != 1 {
			return c.fail(f, "a start position has no Flink counterpart")
		}
	default:
		return c.fail(f, "expects three or four arguments")
	}
	return call(f.Pos(), "REGEXP_REPLACE", f.Args[0], f.Args[1], f.Args[2]), true
}

// plainRegex returns the fixed string a regex matches when it is made of
// ordinary characters and backslash-escaped metacharacters only.
func plainRegex(re string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(re); i++ {
		ch := re[i]
		if ch == '\\' {
			if i+1 >= len(re) {
				return "", false
			}
			n := re[i+1]
			if strings.IndexByte(`\.[]{}()<>*+-=!?^$|/`, n) < 0 {
				return "", false // \d, \s, \t ... are classes or escapes
			}
			b.WriteByte(n)
			i++
			continue
		}
		if strings.IndexByte(`.[]{}()*+?^$|`, ch) >= 0 {
			return "", false
		}
		b.WriteByte(ch)
	}
	return b.String(), true
}

func ruleSplit(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 2, 3) {
		return c.fail(f, "expects two or three arguments")
	}
	if len(f.Args) == 3 {
		if n, ok := intLit(f.Args[2]); !ok || n > 0 {
			return c.fail(f, "a positive limit has no Flink counterpart")
		}
	}
	re, ok := strLit(f.Args[1])
	if !ok {
		return c.fail(f, "the pattern is not a literal: Spark splits on a regex, Flink's SPLIT on a plain string")
	}
	delim, ok := plainRegex(re)
	if !ok {
		return c.fail(f, "pattern %q is a regular expression: Flink's SPLIT takes a plain delimiter", re)
	}
	return call(f.Pos(), "SPLIT", f.Args[0], str(f.Args[1].Pos(), delim)), true
}

func ruleConcatWs(c *Context, f *ast.Func) (ast.Expr, bool) {
	if len(f.Args) < 1 {
		return c.fail(f, "expects a separator")
	}
	at := f.Pos()
	sep := f.Args[0]
	if len(f.Args) == 2 && c.isArray(f.Args[1]) {
		return call(at, "ARRAY_JOIN", f.Args[1], sep), true
	}
	args := []ast.Expr{sep}
	arrays := false
	for _, a := range f.Args[1:] {
		if c.isArray(a) {
			arrays = true
			a = call(a.Pos(), "ARRAY_JOIN", a, sep)
		}
		args = append(args, a)
	}
	if arrays {
		c.note(at, "spark.fn.concat_ws", "an empty array adds an empty string (and a separator) in Flink, nothing in Spark")
	}
	if len(args) == 1 {
		return str(at, ""), true
	}
	return call(at, "CONCAT_WS", args...), true
}

func ruleConcat(c *Context, f *ast.Func) (ast.Expr, bool) {
	if len(f.Args) == 0 {
		return c.fail(f, "expects arguments")
	}
	for _, a := range f.Args {
		if c.isArray(a) {
			return call(f.Pos(), "ARRAY_CONCAT", f.Args...), true
		}
	}
	return call(f.Pos(), "CONCAT", f.Args...), true
}

func ruleGetJSONObject(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 2) {
		return c.fail(f, "expects two arguments")
	}
	if p, ok := strLit(f.Args[1]); ok && strings.Contains(p, "*") {
		return c.fail(f, "a wildcard path returns an array: use JSON_QUERY")
	}
	c.note(f.Pos(), "spark.fn.get_json_object", "JSON_VALUE returns NULL where the path selects an object or array (Spark returns its JSON text)")
	return call(f.Pos(), "JSON_VALUE", f.Args...), true
}

// jsonReturning maps a Spark field type to what JSON_VALUE ... RETURNING
// supports.
var jsonReturning = map[string]string{
	"STRING": "STRING", "INT": "INTEGER", "INTEGER": "INTEGER", "DOUBLE": "DOUBLE", "BOOLEAN": "BOOLEAN",
}

func ruleFromJSON(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 2) {
		return c.fail(f, "options have no Flink counterpart")
	}
	s, ok := strLit(f.Args[1])
	if !ok {
		return c.fail(f, "the schema is not a string literal")
	}
	src := strings.TrimSpace(s)
	if !strings.HasPrefix(strings.ToUpper(src), "STRUCT") {
		src = "STRUCT<" + src + ">"
	}
	t, err := parser.ParseType(src, token.Spark)
	if err != nil || t == nil || len(t.Fields) == 0 {
		return c.fail(f, "schema %q is not a simple struct", s)
	}
	at := f.Pos()
	row := &ast.RowCtor{At: ast.At{At: at}, Keyword: true}
	rt := &ast.Type{Name: "ROW"}
	for _, fd := range t.Fields {
		rtn, ok := jsonReturning[strings.ToUpper(fd.Type.Name)]
		if !ok {
			return c.fail(f, "field %s of type %s: JSON_VALUE returns only STRING, INT, DOUBLE or BOOLEAN", fd.Name.Name, fd.Type.Name)
		}
		jv := call(at, "JSON_VALUE", f.Args[0], str(at, "$."+fd.Name.Name))
		if rtn != "STRING" {
			jv.Tail = "RETURNING " + rtn
		}
		row.Elems = append(row.Elems, jv)
		rt.Fields = append(rt.Fields, &ast.TypeField{Name: &ast.Ident{Name: fd.Name.Name, Quoted: fd.Name.Quoted}, Type: FlinkType(fd.Type)})
	}
	c.note(at, "spark.fn.from_json", "a field that holds a JSON object or array becomes NULL; a value of the wrong type is NULL in both")
	return castTo(at, row, rt), true
}

func ruleSha2(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 2) {
		return c.fail(f, "expects two arguments")
	}
	n, ok := intLit(f.Args[1])
	if !ok {
		return call(f.Pos(), "SHA2", f.Args...), true
	}
	switch n {
	case 0, 256:
		return call(f.Pos(), "SHA256", f.Args[0]), true
	case 224, 384, 512:
		return call(f.Pos(), "SHA"+itoa(n), f.Args[0]), true
	}
	return c.fail(f, "bit length %d: Spark returns NULL", n)
}

func ruleSize(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 1) {
		return c.fail(f, "expects one argument")
	}
	if strings.EqualFold(f.Name.Last().Name, "size") {
		c.note(f.Pos(), "spark.fn.size", "CARDINALITY(NULL) is NULL; Spark's SIZE(NULL) is -1 unless spark.sql.legacy.sizeOfNull is false or ANSI mode is on")
	}
	return call(f.Pos(), "CARDINALITY", f.Args[0]), true
}

func ruleElementAt(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 2) {
		return c.fail(f, "expects two arguments")
	}
	at := f.Pos()
	x, i := f.Args[0], f.Args[1]
	if !c.isMap(x) {
		if n, ok := intLit(i); ok {
			switch {
			case n == 0:
				return c.fail(f, "index 0 is an error in Spark")
			case n < 0:
				// -1 is the last element.
				idx := ast.Expr(call(at, "CARDINALITY", x))
				if n < -1 {
					idx = bin(at, "-", idx, num(at, itoa(-n-1)))
				}
				return &ast.Subscript{At: ast.At{At: at}, X: x, Index: idx}, true
			}
		} else if !c.isArray(x) {
			c.note(at, "spark.fn.element_at", "a negative array index counts from the end in Spark, not in Flink")
		}
	}
	return &ast.Subscript{At: ast.At{At: at}, X: x, Index: i}, true
}

func ruleGet(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 2) {
		return c.fail(f, "expects two arguments")
	}
	return &ast.Subscript{At: ast.At{At: f.Pos()}, X: f.Args[0], Index: plusOne(f.Args[1])}, true
}

// plusOne returns i + 1, folding a literal.
func plusOne(i ast.Expr) ast.Expr {
	if n, ok := intLit(i); ok {
		return num(i.Pos(), itoa(n+1))
	}
	return bin(i.Pos(), "+", i, num(i.Pos(), "1"))
}

func ruleSlice(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 3) {
		return c.fail(f, "expects three arguments")
	}
	s, ok1 := intLit(f.Args[1])
	n, ok2 := intLit(f.Args[2])
	if !ok1 || !ok2 || s < 1 || n < 0 {
		return c.fail(f, "only positive literal start and length have a Flink translation")
	}
	at := f.Pos()
	if n == 0 {
		return c.fail(f, "an empty slice has no Flink translation")
	}
	return call(at, "ARRAY_SLICE", f.Args[0], num(at, itoa(s)), num(at, itoa(s+n-1))), true
}

// structOf builds ROW(values) cast to ROW<names types> when every type is
// known, else the bare ROW with a note.
func (c *Context) structOf(f *ast.Func, id string, names []*ast.Ident, values []ast.Expr) (ast.Expr, bool) {
	at := f.Pos()
	row := &ast.RowCtor{At: ast.At{At: at}, Keyword: true, Elems: values}
	rt := &ast.Type{Name: "ROW"}
	for i, v := range values {
		t := c.typeOf(v)
		var ft *ast.Type
		if t != nil {
			ft = FlinkType(t)
		}
		if ft == nil {
			c.note(at, id, "ROW(...) without its field names: Flink names the fields EXPR$0, EXPR$1...; the type of %q is unknown, so no CAST to a named ROW type was written", names[i].Name)
			return row, true
		}
		rt.Fields = append(rt.Fields, &ast.TypeField{Name: &ast.Ident{Name: names[i].Name, Quoted: names[i].Quoted}, Type: ft})
	}
	return castTo(at, row, rt), true
}

func ruleNamedStruct(c *Context, f *ast.Func) (ast.Expr, bool) {
	if len(f.Args) == 0 || len(f.Args)%2 != 0 {
		return c.fail(f, "expects name/value pairs")
	}
	var names []*ast.Ident
	var values []ast.Expr
	for i := 0; i < len(f.Args); i += 2 {
		n, ok := strLit(f.Args[i])
		if !ok {
			return c.fail(f, "field names must be string literals")
		}
		names = append(names, &ast.Ident{Name: n, Quoted: !plainIdent(n)})
		values = append(values, f.Args[i+1])
	}
	return c.structOf(f, "spark.fn.named_struct", names, values)
}

func ruleStruct(c *Context, f *ast.Func) (ast.Expr, bool) {
	if len(f.Args) == 0 {
		return c.fail(f, "expects arguments")
	}
	var names []*ast.Ident
	var values []ast.Expr
	for i, a := range f.Args {
		switch x := a.(type) {
		case *ast.AliasedArg:
			names = append(names, x.Alias)
			values = append(values, x.X)
		case *ast.Name:
			names = append(names, x.Last())
			values = append(values, x)
		default:
			names = append(names, &ast.Ident{Name: "col" + itoa(int64(i+1))})
			values = append(values, a)
		}
	}
	return c.structOf(f, "spark.fn.struct", names, values)
}

func plainIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if !(ch == '_' || isLetter(ch) || i > 0 && ch >= '0' && ch <= '9') {
			return false
		}
	}
	return true
}

func ruleCeilFloor(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 1) {
		return c.fail(f, "a scale argument has no Flink counterpart")
	}
	name := strings.ToUpper(f.Name.Last().Name)
	x := f.Args[0]
	out := call(f.Pos(), name, x)
	switch {
	case c.typeIs(x, "DOUBLE", "FLOAT", "REAL"):
		return castTo(f.Pos(), out, typ("BIGINT")), true
	case c.typeOf(x) == nil:
		c.note(f.Pos(), "spark.fn.ceil_floor", "%s of a DOUBLE is a BIGINT in Spark and a DOUBLE in Flink: the argument's type is unknown", name)
	}
	return out, true
}
