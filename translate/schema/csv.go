package schema

import (
	"fmt"
	"math"
	"math/big"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/c360-migrate/c360-migrate/translate/ast"
)

// CSVOptions are the Spark OPTIONS of a CSV source. The zero value is
// Spark's default: no header, no inference (every column STRING), comma
// separator, '"' quote, '\' escape, empty string as null, yyyy-MM-dd dates
// preferred when inferring, Spark's cast grammar for timestamps.
type CSVOptions struct {
	Header          bool
	InferSchema     bool
	Delimiter       string // sep / delimiter; "" is ","; \t and \uXXXX escapes as Spark reads them
	Quote           string // "" is '"'
	Escape          string // "" is '\'
	NullValue       string // the text that stands for NULL ("" by default)
	DateFormat      string // dateFormat, in Spark pattern letters
	TimestampFormat string // timestampFormat, in Spark pattern letters
	MultiLine       bool   // records may span lines inside quotes
	Comment         string // lines starting with it are skipped; "" disables
	NoPreferDate    bool   // prefersDate=false: date-only values infer as TIMESTAMP
	NanValue        string // "" is NaN
	PositiveInf     string // "" is Inf
	NegativeInf     string // "" is -Inf
	// Ignored lists the options given that this reader does not implement
	// (encoding, mode, locale, ...), so a caller can report them.
	Ignored []string
	// Now is the current time, for time-only timestamp values; zero means
	// time.Now().
	Now time.Time
}

// CSVOptionsFrom reads Spark's OPTIONS (keys case-insensitive, values as
// written) into CSVOptions. The path option is not part of it.
func CSVOptionsFrom(opts map[string]string) CSVOptions {
	var o CSVOptions
	isTrue := func(v string) bool { return strings.EqualFold(strings.TrimSpace(v), "true") }
	for k, v := range opts {
		switch strings.ToLower(k) {
		case "path":
		case "header":
			o.Header = isTrue(v)
		case "inferschema":
			o.InferSchema = isTrue(v)
		case "sep", "delimiter":
			o.Delimiter = v
		case "quote":
			o.Quote = v
		case "escape":
			o.Escape = v
		case "nullvalue":
			o.NullValue = v
		case "dateformat":
			o.DateFormat = v
		case "timestampformat":
			o.TimestampFormat = v
		case "multiline":
			o.MultiLine = isTrue(v)
		case "comment":
			o.Comment = v
		case "prefersdate", "preferdate":
			o.NoPreferDate = !isTrue(v)
		case "nanvalue":
			o.NanValue = v
		case "positiveinf":
			o.PositiveInf = v
		case "negativeinf":
			o.NegativeInf = v
		default:
			o.Ignored = append(o.Ignored, k)
		}
	}
	return o
}

// InferCSV reads a CSV file the way Spark 3.5's CSV source does with the
// given options and returns its columns and typed rows. With InferSchema
// every column's type is inferred from all rows as Spark's CSVInferSchema
// does: INT, then BIGINT, DECIMAL (integers beyond BIGINT), DOUBLE, DATE
// (yyyy-MM-dd, unless prefersDate is false), TIMESTAMP, BOOLEAN, else
// STRING; empty and null-valued fields do not count; a column with no
// value is STRING. Without InferSchema every column is STRING. Every column
// is nullable, as in Spark.
func InferCSV(path string, opts CSVOptions) (*Table, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseCSV(data, opts)
}

// ParseCSV is InferCSV on the file's contents.
func ParseCSV(data []byte, opts CSVOptions) (*Table, error) {
	r, err := newCSVReader(opts)
	if err != nil {
		return nil, err
	}
	records := r.records(string(data))
	if len(records) == 0 {
		return &Table{}, nil
	}
	var names []string
	if opts.Header {
		names = safeHeader(records[0], opts.NullValue)
		records = records[1:]
	} else {
		for i := range records[0] {
			names = append(names, fmt.Sprintf("_c%d", i))
		}
	}
	inf := newInferrer(opts)
	types := make([]*ast.Type, len(names))
	for i := range types {
		types[i] = VoidType()
	}
	if opts.InferSchema {
		for _, rec := range records {
			for i := 0; i < len(types) && i < len(rec); i++ {
				types[i] = inf.inferField(types[i], rec[i])
			}
		}
	}
	t := &Table{}
	for i, name := range names {
		typ := types[i]
		if isVoid(typ) {
			typ = StringType()
		}
		t.Columns = append(t.Columns, Column{Name: name, Spark: typ, Nullable: true})
	}
	for _, rec := range records {
		row := make([]Value, len(names))
		for i := range names {
			if i < len(rec) {
				row[i] = inf.convert(rec[i], t.Columns[i].Spark)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// safeHeader is Spark's CSVHeaderChecker.makeSafeHeader (case-insensitive
// analysis): empty names become _c<i>, duplicates get their index appended.
func safeHeader(rec []field, nullValue string) []string {
	count := map[string]int{}
	for _, f := range rec {
		if !f.null {
			count[strings.ToLower(f.s)]++
		}
	}
	out := make([]string, len(rec))
	for i, f := range rec {
		switch {
		case f.null || f.s == "" || f.s == nullValue:
			out[i] = fmt.Sprintf("_c%d", i)
		case count[strings.ToLower(f.s)] > 1:
			out[i] = fmt.Sprintf("%s%d", f.s, i)
		default:
			out[i] = f.s
		}
	}
	return out
}

// field is one token of a record; null is an unquoted empty field.
type field struct {
	s    string
	null bool
}

type csvReader struct {
	delim     string
	quote     byte // 0: no quoting
	escape    byte
	comment   string
	multiLine bool
}

func newCSVReader(o CSVOptions) (*csvReader, error) {
	r := &csvReader{delim: ",", quote: '"', escape: '\\', comment: o.Comment, multiLine: o.MultiLine}
	if o.Delimiter != "" {
		d, err := delimiterString(o.Delimiter)
		if err != nil {
			return nil, err
		}
		r.delim = d
	}
	if o.Quote != "" {
		r.quote = o.Quote[0]
	}
	if o.Escape != "" {
		r.escape = o.Escape[0]
	}
	return r, nil
}

// delimiterString is CSVExprUtils.toDelimiterStr: \t, \u0001-style escapes.
func delimiterString(s string) (string, error) {
	switch s {
	case `\t`:
		return "\t", nil
	case `\`:
		return "", fmt.Errorf("unsupported delimiter %q", s)
	}
	if strings.HasPrefix(s, `\u`) && len(s) == 6 {
		n, err := strconv.ParseUint(s[2:], 16, 16)
		if err != nil {
			return "", fmt.Errorf("bad delimiter %q", s)
		}
		return string(rune(n)), nil
	}
	return strings.ReplaceAll(s, `\t`, "\t"), nil
}

// records splits the text into records. Without multiLine, text is cut
// into lines first (\n, \r\n or \r, as Hadoop's line reader does) and each
// line is one record; with it, a quoted field may hold line breaks. A
// leading UTF-8 byte order mark is skipped; blank lines and comment lines
// are dropped.
func (r *csvReader) records(text string) [][]field {
	text = strings.TrimPrefix(text, "\ufeff")
	var out [][]field
	keep := func(line string) bool {
		if strings.TrimFunc(line, func(c rune) bool { return c <= ' ' }) == "" {
			return false
		}
		return r.comment == "" || !strings.HasPrefix(line, r.comment)
	}
	if !r.multiLine {
		for len(text) > 0 {
			k := strings.IndexAny(text, "\r\n")
			line := text
			if k < 0 {
				text = ""
			} else {
				line = text[:k]
				if text[k] == '\r' && k+1 < len(text) && text[k+1] == '\n' {
					k++
				}
				text = text[k+1:]
			}
			if keep(line) {
				rec, _ := r.parseRecord(line, false)
				out = append(out, rec)
			}
		}
		return out
	}
	for len(text) > 0 {
		// skip blank lines between records
		k := strings.IndexAny(text, "\r\n")
		if k >= 0 && !keep(text[:k]) {
			text = strings.TrimLeft(text[k:], "\r\n")
			continue
		}
		if k < 0 && !keep(text) {
			break
		}
		var rec []field
		rec, text = r.parseRecord(text, true)
		out = append(out, rec)
	}
	return out
}

// parseRecord reads one record from s and returns it with the text after
// it. With multi false, s is a single line.
func (r *csvReader) parseRecord(s string, multi bool) ([]field, string) {
	var rec []field
	i := 0
	for {
		var b strings.Builder
		quoted := false
		start := i
		if i < len(s) && r.quote != 0 && s[i] == r.quote {
			quoted = true
			i++
		closing:
			for i < len(s) {
				c := s[i]
				switch {
				case c == r.escape && r.escape != r.quote && i+1 < len(s) && (s[i+1] == r.quote || s[i+1] == r.escape):
					b.WriteByte(s[i+1])
					i += 2
				case c == r.quote:
					// A quote closes the field only before the delimiter or
					// the end of the record. Elsewhere it is an unescaped
					// quote, and with univocity's STOP_AT_DELIMITER handling
					// (Spark's default) the field is read as unquoted text
					// from its start: "say ""hi""" stays "say ""hi""".
					if i+1 == len(s) || strings.HasPrefix(s[i+1:], r.delim) || s[i+1] == '\n' || s[i+1] == '\r' {
						i++
						break closing
					}
					b.Reset()
					b.WriteString(s[start:i])
					quoted = false
					break closing
				default:
					b.WriteByte(c)
					i++
				}
			}
		}
		// unquoted text (or what follows a closing quote) up to the delimiter
		for i < len(s) && !strings.HasPrefix(s[i:], r.delim) && s[i] != '\n' && s[i] != '\r' {
			b.WriteByte(s[i])
			i++
		}
		v := b.String()
		rec = append(rec, field{s: v, null: v == "" && !quoted})
		if i < len(s) && strings.HasPrefix(s[i:], r.delim) {
			i += len(r.delim)
			continue
		}
		// end of record: skip the line break
		if i < len(s) && s[i] == '\r' {
			i++
		}
		if i < len(s) && s[i] == '\n' {
			i++
		}
		return rec, s[i:]
	}
}

// inferrer holds the parsers InferCSV uses for one set of options.
type inferrer struct {
	o         CSVOptions
	dateFmt   *pattern // nil: strict yyyy-MM-dd
	tsFmt     *pattern // nil: Spark's cast grammar
	nan, pinf string
	ninf      string
	now       time.Time
}

func newInferrer(o CSVOptions) *inferrer {
	inf := &inferrer{o: o, nan: "NaN", pinf: "Inf", ninf: "-Inf", now: o.Now}
	if o.NanValue != "" {
		inf.nan = o.NanValue
	}
	if o.PositiveInf != "" {
		inf.pinf = o.PositiveInf
	}
	if o.NegativeInf != "" {
		inf.ninf = o.NegativeInf
	}
	if inf.now.IsZero() {
		inf.now = time.Now().UTC()
	}
	if o.DateFormat != "" {
		inf.dateFmt, _ = compilePattern(o.DateFormat)
	}
	if o.TimestampFormat != "" {
		inf.tsFmt, _ = compilePattern(o.TimestampFormat)
	}
	return inf
}

func (inf *inferrer) isNull(f field) bool {
	return f.null || f.s == inf.o.NullValue
}

// inferField is CSVInferSchema.inferField: the type so far, widened by one
// more value.
func (inf *inferrer) inferField(soFar *ast.Type, f field) *ast.Type {
	if f.null || f.s == "" || f.s == inf.o.NullValue {
		return soFar
	}
	s := f.s
	var t *ast.Type
	switch soFar.Name {
	case "VOID", "INT":
		t = inf.tryInt(s)
	case "BIGINT":
		t = inf.tryLong(s)
	case "DECIMAL":
		t = inf.tryDecimal(s)
	case "DOUBLE":
		t = inf.tryDouble(s)
	case "DATE":
		t = inf.tryDate(s)
	case "TIMESTAMP":
		t = inf.tryTimestamp(s)
	case "BOOLEAN":
		t = inf.tryBoolean(s)
	default:
		return StringType()
	}
	if c := csvCompatible(soFar, t); c != nil {
		return c
	}
	return StringType()
}

func (inf *inferrer) tryInt(s string) *ast.Type {
	if _, ok := javaParseInt(s, 32); ok {
		return IntType()
	}
	return inf.tryLong(s)
}

func (inf *inferrer) tryLong(s string) *ast.Type {
	if _, ok := javaParseInt(s, 64); ok {
		return BigIntType()
	}
	return inf.tryDecimal(s)
}

func (inf *inferrer) tryDecimal(s string) *ast.Type {
	if p, sc, ok := javaBigDecimal(strings.ReplaceAll(s, ",", "")); ok && sc <= 0 {
		if sc == 0 && p <= 38 {
			return DecimalType(p, 0)
		}
	}
	return inf.tryDouble(s)
}

func (inf *inferrer) tryDouble(s string) *ast.Type {
	if _, ok := javaParseDouble(s); ok || s == inf.nan || s == inf.pinf || s == inf.ninf {
		return DoubleType()
	}
	if !inf.o.NoPreferDate {
		return inf.tryDate(s)
	}
	return inf.tryTimestamp(s)
}

func (inf *inferrer) tryDate(s string) *ast.Type {
	if _, ok := inf.parseDateStrict(s); ok {
		return DateType()
	}
	return inf.tryTimestamp(s)
}

func (inf *inferrer) tryTimestamp(s string) *ast.Type {
	if _, ok := inf.parseTimestamp(s); ok {
		return TimestampType()
	}
	return inf.tryBoolean(s)
}

func (inf *inferrer) tryBoolean(s string) *ast.Type {
	if strings.EqualFold(s, "true") || strings.EqualFold(s, "false") {
		return BooleanType()
	}
	return StringType()
}

// parseDateStrict parses with dateFormat, or yyyy-MM-dd strictly.
func (inf *inferrer) parseDateStrict(s string) (time.Time, bool) {
	if inf.o.DateFormat != "" {
		if inf.dateFmt == nil {
			return time.Time{}, false
		}
		return inf.dateFmt.parse(s)
	}
	return parseStrictDate(s)
}

// parseTimestamp parses with timestampFormat, or with Spark's cast grammar.
func (inf *inferrer) parseTimestamp(s string) (time.Time, bool) {
	if inf.o.TimestampFormat != "" {
		if inf.tsFmt == nil {
			return time.Time{}, false
		}
		return inf.tsFmt.parse(s)
	}
	return stringToTimestamp(s, inf.now)
}

// csvCompatible is CSVInferSchema.compatibleType: the tightest common type,
// else the CSV-specific widenings; nil means STRING.
func csvCompatible(a, b *ast.Type) *ast.Type {
	if t := tightestCommon(a, b); t != nil {
		return t
	}
	switch {
	case isString(a) || isString(b):
		return StringType()
	case isIntegral(a) && isDecimal(b):
		return csvCompatible(decimalFor(a), b)
	case isDecimal(a) && isIntegral(b):
		return csvCompatible(a, decimalFor(b))
	case a.Name == "DOUBLE" && isDecimal(b), isDecimal(a) && b.Name == "DOUBLE":
		return DoubleType()
	case isDecimal(a) && isDecimal(b):
		p1, s1 := DecimalParams(a)
		p2, s2 := DecimalParams(b)
		scale := max(s1, s2)
		rng := max(p1-s1, p2-s2)
		if rng+scale > 38 {
			return DoubleType()
		}
		return DecimalType(rng+scale, scale)
	}
	return nil
}

// convert parses one cell to the column's type as Spark's UnivocityParser
// does; a value that does not parse is NULL (Spark's PERMISSIVE mode).
func (inf *inferrer) convert(f field, t *ast.Type) Value {
	if inf.isNull(f) {
		return Value{}
	}
	s := f.s
	switch t.Name {
	case "STRING":
		return Value{Kind: StringValue, Str: s}
	case "INT", "BIGINT":
		bits := 32
		if t.Name == "BIGINT" {
			bits = 64
		}
		if n, ok := javaParseInt(s, bits); ok {
			return Value{Kind: IntValue, Int: n}
		}
	case "DECIMAL":
		if v, ok := decimalText(strings.ReplaceAll(s, ",", ""), t); ok {
			return Value{Kind: DecimalValue, Str: v}
		}
	case "DOUBLE":
		switch s {
		case inf.nan:
			return Value{Kind: FloatValue, Float: math.NaN()}
		case inf.pinf:
			return Value{Kind: FloatValue, Float: math.Inf(1)}
		case inf.ninf:
			return Value{Kind: FloatValue, Float: math.Inf(-1)}
		}
		if v, ok := javaParseDouble(s); ok {
			return Value{Kind: FloatValue, Float: v}
		}
	case "BOOLEAN":
		if strings.EqualFold(s, "true") || strings.EqualFold(s, "false") {
			return Value{Kind: BoolValue, Bool: strings.EqualFold(s, "true")}
		}
	case "DATE":
		if d, ok := inf.parseDateStrict(s); ok {
			return Value{Kind: DateValue, Time: d}
		}
		if inf.o.DateFormat == "" {
			if d, ok := stringToDate(s); ok {
				return Value{Kind: DateValue, Time: d}
			}
		}
	case "TIMESTAMP":
		if ts, ok := inf.parseTimestamp(s); ok {
			return Value{Kind: TimestampValue, Time: ts}
		}
		if inf.o.TimestampFormat != "" {
			if ts, ok := stringToTimestamp(s, inf.now); ok {
				return Value{Kind: TimestampValue, Time: ts}
			}
		}
	}
	return Value{}
}

// javaParseInt is Integer.parseInt / Long.parseLong: an optional sign and
// ASCII digits, in range.
func javaParseInt(s string, bits int) (int64, bool) {
	if s == "" {
		return 0, false
	}
	digits := s
	if s[0] == '+' || s[0] == '-' {
		digits = s[1:]
	}
	if digits == "" {
		return 0, false
	}
	for i := 0; i < len(digits); i++ {
		if !isDigit(digits[i]) {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, bits)
	return n, err == nil
}

var bigDecimalRE = regexp.MustCompile(`^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$`)

// javaBigDecimal parses like new java.math.BigDecimal(s) and returns the
// precision and scale of the result.
func javaBigDecimal(s string) (prec, scale int, ok bool) {
	if !bigDecimalRE.MatchString(s) {
		return 0, 0, false
	}
	s = strings.TrimLeft(s, "+-")
	exp := 0
	if k := strings.IndexAny(s, "eE"); k >= 0 {
		e, err := strconv.Atoi(s[k+1:])
		if err != nil {
			return 0, 0, false
		}
		exp, s = e, s[:k]
	}
	frac := 0
	if k := strings.IndexByte(s, '.'); k >= 0 {
		frac = len(s) - k - 1
		s = s[:k] + s[k+1:]
	}
	s = strings.TrimLeft(s, "0")
	prec = len(s)
	if prec == 0 {
		prec = 1
	}
	return prec, frac - exp, true
}

// decimalText renders s as a DECIMAL(p,s) value: the plain text with
// exactly s fraction digits (rounded half-up, as Spark's Decimal does), or
// false when it does not fit.
func decimalText(s string, t *ast.Type) (string, bool) {
	if _, _, ok := javaBigDecimal(s); !ok {
		return "", false
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return "", false
	}
	p, sc := DecimalParams(t)
	text := roundHalfUp(r, sc)
	digits := strings.TrimLeft(strings.NewReplacer("-", "", ".", "").Replace(text), "0")
	if len(digits) > p {
		return "", false
	}
	return text, true
}

// roundHalfUp formats r with exactly scale fraction digits, rounding half
// away from zero.
func roundHalfUp(r *big.Rat, scale int) string {
	neg := r.Sign() < 0
	a := new(big.Rat).Abs(r)
	m := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil)
	a.Mul(a, new(big.Rat).SetInt(m))
	q, rem := new(big.Int).QuoRem(a.Num(), a.Denom(), new(big.Int))
	if new(big.Int).Mul(rem, big.NewInt(2)).Cmp(a.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	digits := q.String()
	if scale > 0 {
		if len(digits) <= scale {
			digits = strings.Repeat("0", scale-len(digits)+1) + digits
		}
		digits = digits[:len(digits)-scale] + "." + digits[len(digits)-scale:]
	}
	if neg && q.Sign() != 0 {
		digits = "-" + digits
	}
	return digits
}

var (
	javaDoubleRE = regexp.MustCompile(`^[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)|(0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+[fFdD]?))$`)
)

// javaParseDouble is Double.parseDouble: surrounding whitespace and control
// characters ignored, NaN, Infinity, decimal and hexadecimal forms, an
// optional f/F/d/D suffix.
func javaParseDouble(s string) (float64, bool) {
	s = strings.TrimFunc(s, func(r rune) bool { return r <= ' ' })
	if !javaDoubleRE.MatchString(s) {
		return 0, false
	}
	switch strings.TrimLeft(s, "+-") {
	case "NaN":
		return math.NaN(), true
	case "Infinity":
		if s[0] == '-' {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	}
	s = strings.TrimRight(s, "fFdD")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return v, true
		}
		return 0, false
	}
	return v, true
}
