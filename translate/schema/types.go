package schema

import (
	"strconv"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
)

// Type constructors for the canonical Spark types. Each call returns a new
// value, so callers may keep or modify what they get.

func simple(name string) *ast.Type { return &ast.Type{Name: name} }

// StringType and the other constructors below return canonical Spark types.
func StringType() *ast.Type    { return simple("STRING") }
func IntType() *ast.Type       { return simple("INT") }
func BigIntType() *ast.Type    { return simple("BIGINT") }
func DoubleType() *ast.Type    { return simple("DOUBLE") }
func BooleanType() *ast.Type   { return simple("BOOLEAN") }
func DateType() *ast.Type      { return simple("DATE") }
func TimestampType() *ast.Type { return simple("TIMESTAMP") }
func VoidType() *ast.Type      { return simple("VOID") }

// DecimalType returns DECIMAL(p,s).
func DecimalType(p, s int) *ast.Type {
	return &ast.Type{Name: "DECIMAL", Params: []string{strconv.Itoa(p), strconv.Itoa(s)}}
}

// ArrayType returns ARRAY<elem>.
func ArrayType(elem *ast.Type) *ast.Type { return &ast.Type{Name: "ARRAY", Elem: elem} }

// MapType returns MAP<k, v>.
func MapType(k, v *ast.Type) *ast.Type { return &ast.Type{Name: "MAP", Key: k, Val: v} }

// StructType returns STRUCT<name: type, ...> of the given columns.
func StructType(cols []Column) *ast.Type {
	t := &ast.Type{Name: "STRUCT"}
	for _, c := range cols {
		t.Fields = append(t.Fields, &ast.TypeField{Name: &ast.Ident{Name: c.Name}, Colon: true, Type: c.Spark})
	}
	return t
}

// typeAliases maps Spark's alternative type names to the canonical ones.
var typeAliases = map[string]string{
	"INTEGER": "INT", "LONG": "BIGINT", "SHORT": "SMALLINT", "BYTE": "TINYINT",
	"REAL": "FLOAT", "DEC": "DECIMAL", "NUMERIC": "DECIMAL", "BOOL": "BOOLEAN",
	"TIMESTAMP_LTZ": "TIMESTAMP", "CHAR": "STRING", "VARCHAR": "STRING",
	"CHARACTER": "STRING", "CHARACTER VARYING": "STRING", "CHAR VARYING": "STRING",
	"TEXT": "STRING", "DOUBLE PRECISION": "DOUBLE", "ROW": "STRUCT", "NULL": "VOID",
	"BINARY VARYING": "BINARY", "VARBINARY": "BINARY", "BYTES": "BINARY",
}

// Canon returns t in canonical Spark form: aliases resolved (INTEGER is INT,
// LONG is BIGINT, CHAR(n) and VARCHAR(n) are STRING, as Spark reads them),
// DECIMAL given both its precision and scale (DECIMAL alone is
// DECIMAL(10,0)), ROW as STRUCT, interval units normalised. Canon(nil) is
// nil.
func Canon(t *ast.Type) *ast.Type {
	if t == nil {
		return nil
	}
	name := t.Name
	if a, ok := typeAliases[name]; ok {
		name = a
	}
	switch name {
	case "DECIMAL":
		p, s := 10, 0
		if len(t.Params) > 0 {
			p, _ = strconv.Atoi(t.Params[0])
		}
		if len(t.Params) > 1 {
			s, _ = strconv.Atoi(t.Params[1])
		}
		return DecimalType(p, s)
	case "TIMESTAMP":
		if t.Suffix == "WITHOUT TIME ZONE" {
			return simple("TIMESTAMP_NTZ")
		}
		return TimestampType()
	case "ARRAY", "MULTISET":
		return ArrayType(Canon(t.Elem))
	case "MAP":
		return MapType(Canon(t.Key), Canon(t.Val))
	case "STRUCT":
		out := &ast.Type{Name: "STRUCT"}
		for _, f := range t.Fields {
			out.Fields = append(out.Fields, &ast.TypeField{Name: f.Name, Colon: true, Type: Canon(f.Type), NotNull: f.NotNull})
		}
		return out
	case "INTERVAL":
		return &ast.Type{Name: "INTERVAL", Suffix: canonIntervalSuffix(t.Suffix)}
	}
	return simple(name)
}

// canonIntervalSuffix normalises "DAYS TO SECOND(3)" to "DAY TO SECOND".
func canonIntervalSuffix(s string) string {
	words := strings.Fields(strings.ToUpper(s))
	for i, w := range words {
		if j := strings.IndexByte(w, '('); j >= 0 {
			w = w[:j]
		}
		words[i] = strings.TrimSuffix(w, "S")
	}
	if len(words) == 3 && words[0] == words[2] {
		words = words[:1]
	}
	return strings.Join(words, " ")
}

// DecimalParams returns the precision and scale of a DECIMAL type.
func DecimalParams(t *ast.Type) (p, s int) {
	p, s = 10, 0
	if len(t.Params) > 0 {
		p, _ = strconv.Atoi(t.Params[0])
	}
	if len(t.Params) > 1 {
		s, _ = strconv.Atoi(t.Params[1])
	}
	return p, s
}

// SimpleString renders a canonical type as Spark's DataType.simpleString:
// int, decimal(10,2), array<string>, struct<a:int,b:string>.
func SimpleString(t *ast.Type) string {
	if t == nil {
		return "?"
	}
	switch t.Name {
	case "DECIMAL":
		p, s := DecimalParams(t)
		return "decimal(" + strconv.Itoa(p) + "," + strconv.Itoa(s) + ")"
	case "ARRAY":
		return "array<" + SimpleString(t.Elem) + ">"
	case "MAP":
		return "map<" + SimpleString(t.Key) + "," + SimpleString(t.Val) + ">"
	case "STRUCT":
		var b strings.Builder
		b.WriteString("struct<")
		for i, f := range t.Fields {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(f.Name.Name + ":" + SimpleString(f.Type))
		}
		b.WriteString(">")
		return b.String()
	case "INTERVAL":
		if t.Suffix == "" {
			return "interval"
		}
		return "interval " + strings.ToLower(t.Suffix)
	}
	return strings.ToLower(t.Name)
}

// Equal reports whether two canonical types are the same.
func Equal(a, b *ast.Type) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Name != b.Name || len(a.Fields) != len(b.Fields) {
		return false
	}
	switch a.Name {
	case "DECIMAL":
		p1, s1 := DecimalParams(a)
		p2, s2 := DecimalParams(b)
		return p1 == p2 && s1 == s2
	case "ARRAY":
		return Equal(a.Elem, b.Elem)
	case "MAP":
		return Equal(a.Key, b.Key) && Equal(a.Val, b.Val)
	case "STRUCT":
		for i, f := range a.Fields {
			if f.Name.Name != b.Fields[i].Name.Name || !Equal(f.Type, b.Fields[i].Type) {
				return false
			}
		}
	case "INTERVAL":
		return a.Suffix == b.Suffix
	}
	return true
}

// type classes ---------------------------------------------------------------

// numericRank orders the non-decimal numeric types as Spark's
// numericPrecedence does.
var numericRank = map[string]int{"TINYINT": 1, "SMALLINT": 2, "INT": 3, "BIGINT": 4, "FLOAT": 5, "DOUBLE": 6}

func isIntegral(t *ast.Type) bool {
	r := numericRank[t.Name]
	return r >= 1 && r <= 4
}
func isFractional(t *ast.Type) bool { return t.Name == "FLOAT" || t.Name == "DOUBLE" }
func isDecimal(t *ast.Type) bool    { return t.Name == "DECIMAL" }
func isNumeric(t *ast.Type) bool    { return numericRank[t.Name] > 0 || isDecimal(t) }
func isVoid(t *ast.Type) bool       { return t.Name == "VOID" }
func isString(t *ast.Type) bool     { return t.Name == "STRING" }
func isDatetime(t *ast.Type) bool {
	return t.Name == "DATE" || t.Name == "TIMESTAMP" || t.Name == "TIMESTAMP_NTZ"
}
func isAtomic(t *ast.Type) bool {
	switch t.Name {
	case "ARRAY", "MAP", "STRUCT", "VOID":
		return false
	}
	return true
}

// decimalFor is DecimalType.forType: the decimal that holds every value of
// an integral type.
func decimalFor(t *ast.Type) *ast.Type {
	switch t.Name {
	case "TINYINT":
		return DecimalType(3, 0)
	case "SMALLINT":
		return DecimalType(5, 0)
	case "INT":
		return DecimalType(10, 0)
	case "BIGINT":
		return DecimalType(20, 0)
	case "FLOAT":
		return DecimalType(14, 7)
	case "DOUBLE":
		return DecimalType(30, 15)
	}
	return t
}

// boundedDecimal is DecimalType.bounded.
func boundedDecimal(p, s int) *ast.Type {
	return DecimalType(min(p, 38), min(s, 38))
}

// adjustDecimal is DecimalType.adjustPrecisionScale, the rule Spark applies
// to decimal arithmetic results when precision loss is allowed (the
// default).
func adjustDecimal(p, s int) *ast.Type {
	if p <= 38 {
		return DecimalType(p, s)
	}
	intDigits := p - s
	minScale := min(s, 6)
	return DecimalType(38, max(38-intDigits, minScale))
}

// decimalWiderThan is DecimalType.isWiderThan for an integral or decimal
// other type.
func decimalWiderThan(d, other *ast.Type) bool {
	p, s := DecimalParams(d)
	o := other
	if isIntegral(other) {
		o = decimalFor(other)
	}
	if !isDecimal(o) {
		return false
	}
	op, os := DecimalParams(o)
	return p-s >= op-os && s >= os
}

// widerDecimal is DecimalPrecision.widerDecimalType.
func widerDecimal(a, b *ast.Type) *ast.Type {
	p1, s1 := DecimalParams(a)
	p2, s2 := DecimalParams(b)
	scale := max(s1, s2)
	rng := max(p1-s1, p2-s2)
	return boundedDecimal(rng+scale, scale)
}

// tightestCommon is TypeCoercion.findTightestCommonType.
func tightestCommon(a, b *ast.Type) *ast.Type {
	switch {
	case Equal(a, b):
		return a
	case isVoid(a):
		return b
	case isVoid(b):
		return a
	case isIntegral(a) && isDecimal(b) && decimalWiderThan(b, a):
		return b
	case isDecimal(a) && isIntegral(b) && decimalWiderThan(a, b):
		return a
	case numericRank[a.Name] > 0 && numericRank[b.Name] > 0:
		if numericRank[a.Name] >= numericRank[b.Name] {
			return a
		}
		return b
	case isDatetime(a) && isDatetime(b):
		if a.Name == "TIMESTAMP" || b.Name == "TIMESTAMP" {
			return TimestampType()
		}
		return simple("TIMESTAMP_NTZ")
	}
	return complexCommon(a, b, tightestCommon)
}

// complexCommon applies a widening function inside arrays, maps and
// structs of the same shape.
func complexCommon(a, b *ast.Type, f func(a, b *ast.Type) *ast.Type) *ast.Type {
	switch {
	case a.Name == "ARRAY" && b.Name == "ARRAY":
		if e := f(a.Elem, b.Elem); e != nil {
			return ArrayType(withNotNull(e, a.Elem.NotNull && b.Elem.NotNull))
		}
	case a.Name == "MAP" && b.Name == "MAP":
		k, v := f(a.Key, b.Key), f(a.Val, b.Val)
		if k != nil && v != nil {
			return MapType(k, v)
		}
	case a.Name == "STRUCT" && b.Name == "STRUCT" && len(a.Fields) == len(b.Fields):
		out := &ast.Type{Name: "STRUCT"}
		for i, fa := range a.Fields {
			fb := b.Fields[i]
			if !strings.EqualFold(fa.Name.Name, fb.Name.Name) {
				return nil
			}
			t := f(fa.Type, fb.Type)
			if t == nil {
				return nil
			}
			out.Fields = append(out.Fields, &ast.TypeField{Name: fa.Name, Colon: true, Type: t})
		}
		return out
	}
	return nil
}

// widerType is TypeCoercion.findWiderTypeForTwo, used by CASE, COALESCE,
// IF and set operations: the tightest common type, else decimal widening,
// else string promotion, else the same inside complex types. It returns nil
// when the types have no common type.
func widerType(a, b *ast.Type) *ast.Type {
	if t := tightestCommon(a, b); t != nil {
		return t
	}
	switch {
	case isDecimal(a) && isDecimal(b):
		return widerDecimal(a, b)
	case isIntegral(a) && isDecimal(b):
		return widerDecimal(decimalFor(a), b)
	case isDecimal(a) && isIntegral(b):
		return widerDecimal(a, decimalFor(b))
	case isFractional(a) && isDecimal(b), isDecimal(a) && isFractional(b):
		return DoubleType()
	case isString(a) && isAtomic(b) && b.Name != "BINARY" && b.Name != "BOOLEAN",
		isString(b) && isAtomic(a) && a.Name != "BINARY" && a.Name != "BOOLEAN":
		return StringType()
	}
	return complexCommon(a, b, widerType)
}

// hasString reports whether t is or contains STRING (findWiderCommonType
// puts these first).
func hasString(t *ast.Type) bool {
	switch t.Name {
	case "STRING":
		return true
	case "ARRAY":
		return hasString(t.Elem)
	}
	return false
}

// widerCommon is TypeCoercion.findWiderCommonType over a list of types.
func widerCommon(ts []*ast.Type) *ast.Type {
	var strs, others []*ast.Type
	for _, t := range ts {
		if hasString(t) {
			dup := false
			for _, s := range strs {
				dup = dup || Equal(s, t)
			}
			if !dup {
				strs = append(strs, t)
			}
		} else {
			others = append(others, t)
		}
	}
	r := VoidType()
	for _, t := range append(strs, others...) {
		r = widerType(r, t)
		if r == nil {
			return nil
		}
	}
	return r
}

// withNotNull returns t marked as holding no NULL (an array element that
// Spark knows is never NULL: containsNull = false), copying it if needed.
func withNotNull(t *ast.Type, notNull bool) *ast.Type {
	if t.NotNull == notNull {
		return t
	}
	c := *t
	c.NotNull = notNull
	return &c
}
