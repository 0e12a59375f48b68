package dryrun

import (
	"fmt"
	"github.com/c360-migrate/c360-migrate/translate/emit"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
)

// Rowtime is Confluent Cloud's system event-time column.
const Rowtime = "$rowtime"

// Dry-run values for the options open-source Kafka tables require; no
// broker is contacted while planning.
const (
	bootstrap = "localhost:9092"
	groupID   = "c360-migrate-dry-run"
)

// adaptation describes how a Confluent Cloud table is turned into an
// open-source Flink table that plans the same way.
type adaptation struct {
	changelog string // append, upsert, retract: the declared changelog mode
	rowtime   bool   // add the $rowtime column: some DML reads it
}

// adapt rewrites ct in place for open-source Flink, only where it must, and
// returns what it changed, one line per change. A table that already names
// a connector is left alone except for what the connector cannot take.
func adapt(ct *ast.CreateTable, a adaptation) []string {
	var changes []string
	table := ct.Name.Last().Name
	opts := map[string]string{}
	for _, p := range ct.With {
		if k, v, ok := property(p); ok {
			opts[strings.ToLower(k)] = v
		}
	}
	if _, ok := opts["connector"]; !ok {
		mode := strings.ToLower(opts["changelog.mode"])
		if mode == "" {
			mode = a.changelog
		}
		if mode == "" {
			mode = "append"
		}
		var with [][2]string
		var why string
		switch mode {
		case "upsert":
			with = [][2]string{
				{"connector", "upsert-kafka"},
				{"topic", table},
				{"properties.bootstrap.servers", bootstrap},
				{"key.format", "json"},
				{"value.format", "json"},
			}
			why = "'changelog.mode' = 'upsert' → 'connector' = 'upsert-kafka' (key and value formats json)"
		case "retract":
			with = [][2]string{
				{"connector", "kafka"},
				{"topic", table},
				{"properties.bootstrap.servers", bootstrap},
				{"properties.group.id", groupID},
				{"scan.startup.mode", "earliest-offset"},
				{"format", "debezium-json"},
			}
			why = "'changelog.mode' = 'retract' → 'connector' = 'kafka' with 'format' = 'debezium-json' (a changelog format: inserts, updates before/after, deletes)"
		default:
			with = [][2]string{
				{"connector", "kafka"},
				{"topic", table},
				{"properties.bootstrap.servers", bootstrap},
				{"properties.group.id", groupID},
				{"scan.startup.mode", "earliest-offset"},
				{"format", "json"},
			}
			why = fmt.Sprintf("'changelog.mode' = '%s' → 'connector' = 'kafka' ('format' = 'json')", mode)
		}
		changes = append(changes, why+", topic '"+table+"', dummy 'properties.bootstrap.servers' = '"+bootstrap+"'")
		var dropped []string
		for _, p := range ct.With {
			if k, v, ok := property(p); ok {
				dropped = append(dropped, fmt.Sprintf("'%s' = '%s'", k, v))
			}
		}
		if len(dropped) > 0 {
			changes = append(changes, "dropped Confluent options: "+strings.Join(dropped, ", "))
		}
		ct.With = ct.With[:0]
		for _, kv := range with {
			ct.With = append(ct.With, stringProperty(kv[0], kv[1]))
		}
		if mode != "upsert" && mode != "retract" && ct.PrimaryKey != nil {
			changes = append(changes, "dropped PRIMARY KEY ("+identList(ct.PrimaryKey.Columns)+"): the kafka connector rejects a key on an insert-only format")
			ct.PrimaryKey = nil
		}
		if mode != "upsert" && mode != "retract" {
			for _, c := range ct.Columns {
				if c.PrimaryKey {
					changes = append(changes, "dropped PRIMARY KEY on column "+c.Name.Name+": the kafka connector rejects a key on an insert-only format")
					c.PrimaryKey = false
				}
			}
		}
	}
	if ct.Distributed != nil {
		d := "DISTRIBUTED"
		if len(ct.Distributed.Columns) > 0 {
			d += " BY " + ct.Distributed.Kind + "(" + identList(ct.Distributed.Columns) + ")"
		}
		if ct.Distributed.Buckets != nil {
			d += " INTO n BUCKETS"
		}
		changes = append(changes, "removed "+d+": the kafka and upsert-kafka sinks do not support bucketing")
		ct.Distributed = nil
	}
	if a.rowtime && !hasColumn(ct, Rowtime) {
		id := func() *ast.Ident { return &ast.Ident{Name: Rowtime, Quoted: true} }
		ct.Columns = append(ct.Columns, &ast.ColumnDef{
			Name:     id(),
			Type:     &ast.Type{Name: "TIMESTAMP_LTZ", Params: []string{"3"}},
			Metadata: true,
			MetaFrom: &ast.Literal{Kind: ast.LitString, Value: "timestamp", Raw: "'timestamp'"},
			Virtual:  true,
		})
		msg := "added `$rowtime` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL (Confluent's system column, read by the DML)"
		if ct.Watermark == nil {
			ct.Watermark = &ast.Watermark{Column: &ast.Name{Parts: []*ast.Ident{id()}}, Expr: id()}
			msg += " and WATERMARK FOR `$rowtime` AS `$rowtime`"
		}
		changes = append(changes, msg)
	}
	return changes
}

// declaredChangelog returns the changelog mode the table's DDL declares:
// 'changelog.mode' on Confluent, the connector and format on open-source
// Flink; "" when it cannot tell.
func declaredChangelog(ct *ast.CreateTable) string {
	opts := map[string]string{}
	for _, p := range ct.With {
		if k, v, ok := property(p); ok {
			opts[strings.ToLower(k)] = strings.ToLower(v)
		}
	}
	if m := opts["changelog.mode"]; m != "" {
		return m
	}
	switch opts["connector"] {
	case "upsert-kafka":
		return "upsert"
	case "kafka":
		f := opts["format"]
		if f == "" {
			f = opts["value.format"]
		}
		if strings.Contains(f, "debezium") || strings.Contains(f, "canal") || strings.Contains(f, "maxwell") || strings.Contains(f, "ogg") {
			return "retract"
		}
		return "append"
	}
	return ""
}

func property(p *ast.Property) (key, value string, ok bool) {
	if p == nil || p.Key == nil {
		return "", "", false
	}
	l, isLit := p.Value.(*ast.Literal)
	if !isLit || l == nil {
		return p.Key.Value, "", true
	}
	return p.Key.Value, l.Value, true
}

func stringProperty(k, v string) *ast.Property {
	return &ast.Property{
		Key:   &ast.Literal{Kind: ast.LitString, Value: k, Raw: "'" + k + "'"},
		Eq:    true,
		Value: &ast.Literal{Kind: ast.LitString, Value: v, Raw: "'" + strings.ReplaceAll(v, "'", "''") + "'"},
	}
}

func hasColumn(ct *ast.CreateTable, name string) bool {
	for _, c := range ct.Columns {
		if c.Name != nil && strings.EqualFold(c.Name.Name, name) {
			return true
		}
	}
	return false
}

func identList(ids []*ast.Ident) string {
	var s []string
	for _, id := range ids {
		s = append(s, id.Name)
	}
	return strings.Join(s, ", ")
}

// allowedKinds is the set of row kinds a sink with the declared changelog
// mode accepts.
func allowedKinds(mode string) map[string]bool {
	switch mode {
	case "append":
		return map[string]bool{"I": true}
	case "upsert":
		return map[string]bool{"I": true, "UA": true, "D": true}
	case "retract":
		return map[string]bool{"I": true, "UB": true, "UA": true, "D": true}
	}
	return nil
}

// sinkInputChangelog finds, in the optimized physical plan of an EXPLAIN
// CHANGELOG_MODE, the changelog mode of the node that feeds the sink: the
// changes the query produces. It returns nil when the plan has none.
func sinkInputChangelog(plan string) []string {
	i := strings.Index(plan, "== Optimized Physical Plan ==")
	if i < 0 {
		return nil
	}
	lines := strings.Split(plan[i:], "\n")
	for j, l := range lines {
		if !strings.HasPrefix(strings.TrimSpace(l), "Sink(") || j+1 >= len(lines) {
			continue
		}
		return changelogOf(lines[j+1])
	}
	return nil
}

func changelogOf(line string) []string {
	const key = "changelogMode=["
	i := strings.LastIndex(line, key)
	if i < 0 {
		return nil
	}
	rest := line[i+len(key):]
	j := strings.IndexByte(rest, ']')
	if j < 0 {
		return nil
	}
	var out []string
	for _, k := range strings.Split(rest[:j], ",") {
		if k = strings.TrimSpace(k); k != "" && k != "NONE" {
			out = append(out, k)
		}
	}
	return out
}

// extraKinds returns the produced kinds the sink does not accept, sorted.
func extraKinds(produced []string, mode string) []string {
	allowed := allowedKinds(mode)
	if allowed == nil {
		return nil
	}
	var out []string
	for _, k := range produced {
		if !allowed[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// Adapt rewrites a Confluent Cloud table in place for open-source Flink
// (the connector its changelog mode needs, Confluent-only options and
// bucketing dropped, a `$rowtime` metadata column with a watermark when
// rowtime is set) and returns the changes made, for the report. Deploying a
// Confluent project on an open-source gateway uses the same adaptation as
// the dry run.
func Adapt(ct *ast.CreateTable, changelog string, rowtime bool) []string {
	return adapt(ct, adaptation{changelog: changelog, rowtime: rowtime})
}

// RowtimeReaders returns the tables (lower case) whose readers use
// `$rowtime`, and so need the column when adapted.
func RowtimeReaders(dir string, inv *emit.Inventory) map[string]bool { return rowtimeReaders(dir, inv) }
