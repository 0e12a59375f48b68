// Package ddl writes the Flink CREATE TABLE statements of a migrated
// project: the sink of every translated table and the raw Kafka table of
// every CSV input, with the primary key, the changelog mode and the WITH
// options of the target profile.
package ddl

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
)

// Profile is the target platform.
type Profile string

const (
	// Confluent is Confluent Cloud for Apache Flink: `$rowtime`, DISTRIBUTED
	// BY HASH, 'changelog.mode', avro-registry formats, no connector option.
	Confluent Profile = "confluent"
	// OSS is Apache Flink 2.x with the kafka / upsert-kafka connectors,
	// declared watermarks and metadata timestamp columns.
	OSS Profile = "oss"
)

// ParseProfile maps a flag value to a Profile.
func ParseProfile(s string) (Profile, error) {
	switch Profile(strings.ToLower(s)) {
	case Confluent, "":
		return Confluent, nil
	case OSS, "apache", "flink":
		return OSS, nil
	}
	return "", fmt.Errorf("unknown profile %q (want confluent or oss)", s)
}

// Options are the settings a profile needs.
type Options struct {
	Profile Profile
	// Buckets is n in DISTRIBUTED BY HASH(k) INTO n BUCKETS (confluent).
	Buckets int
	// SchemaContext is the Schema Registry context of the avro-registry
	// formats (confluent), e.g. .flink-dev.
	SchemaContext string
	// BootstrapServers, Format and SchemaRegistryURL configure the kafka
	// connectors (oss). Format is json or avro-confluent.
	BootstrapServers  string
	Format            string
	SchemaRegistryURL string
	// TopicPrefix is put before every topic name (oss).
	TopicPrefix string
}

// Defaults fills unset options.
func (o Options) Defaults() Options {
	if o.Profile == "" {
		o.Profile = Confluent
	}
	if o.Buckets <= 0 {
		o.Buckets = 1
	}
	if o.SchemaContext == "" {
		o.SchemaContext = ".flink-dev"
	}
	if o.BootstrapServers == "" {
		o.BootstrapServers = "localhost:9092"
	}
	if o.Format == "" {
		o.Format = "json"
	}
	return o
}

// Column is a column of a table to create.
type Column struct {
	Name    string
	Type    *ast.Type // Flink type
	NotNull bool
}

// Table describes a table to create.
type Table struct {
	Name      string
	Columns   []Column
	Key       []string
	Changelog string // append, upsert or retract
	// Raw marks the Kafka table that replaces a CSV input: it gets the
	// event-time column of the profile (oss: a metadata timestamp with a
	// watermark; confluent tables have `$rowtime` built in).
	Raw bool
}

// RowtimeColumn is the event-time column the oss profile adds to raw
// tables; confluent tables have the `$rowtime` system column instead.
const RowtimeColumn = "rowtime"

// OrderingColumn is the time attribute a deduplication orders by.
func OrderingColumn(p Profile) string {
	if p == OSS {
		return RowtimeColumn
	}
	return "$rowtime"
}

// Create builds the CREATE TABLE IF NOT EXISTS statement of a table.
func Create(t Table, opts Options) *ast.CreateTable {
	opts = opts.Defaults()
	ct := &ast.CreateTable{IfNotExists: true, Name: name(t.Name)}
	keySet := map[string]bool{}
	for _, k := range t.Key {
		keySet[strings.ToLower(k)] = true
	}
	for _, c := range t.Columns {
		ct.Columns = append(ct.Columns, &ast.ColumnDef{
			Name:    ident(c.Name),
			Type:    c.Type,
			NotNull: c.NotNull || keySet[strings.ToLower(c.Name)],
		})
	}
	if t.Raw && opts.Profile == OSS {
		ct.Columns = append(ct.Columns, &ast.ColumnDef{
			Name:     ident(RowtimeColumn),
			Type:     &ast.Type{Name: "TIMESTAMP_LTZ", Params: []string{"3"}},
			Metadata: true,
			MetaFrom: str("timestamp"),
			Virtual:  true,
		})
		ct.Watermark = &ast.Watermark{
			Column: name(RowtimeColumn),
			Expr: &ast.Binary{Op: "-", L: name(RowtimeColumn), R: &ast.Interval{
				Fields: []ast.IntervalField{{Value: str("5"), Unit: "SECOND"}},
			}},
		}
	}
	if len(t.Key) > 0 {
		ct.PrimaryKey = &ast.PrimaryKey{Columns: idents(t.Key), NotEnforced: true}
	}
	if opts.Profile == Confluent {
		ct.Distributed = &ast.Distribution{Buckets: &ast.Literal{Kind: ast.LitNumber, Raw: strconv.Itoa(opts.Buckets), Value: strconv.Itoa(opts.Buckets)}}
		if len(t.Key) > 0 {
			ct.Distributed.Kind = "HASH"
			ct.Distributed.Columns = idents(t.Key)
		}
	}
	ct.With = options(t, opts)
	return ct
}

// options returns the WITH properties of a table for the profile.
func options(t Table, opts Options) []*ast.Property {
	var kv [][2]string
	switch opts.Profile {
	case Confluent:
		kv = append(kv, [2]string{"changelog.mode", t.Changelog})
		if len(t.Key) > 0 {
			kv = append(kv,
				[2]string{"key.avro-registry.schema-context", opts.SchemaContext},
				[2]string{"key.format", "avro-registry"})
		}
		kv = append(kv,
			[2]string{"value.avro-registry.schema-context", opts.SchemaContext},
			[2]string{"value.format", "avro-registry"},
			[2]string{"kafka.retention.time", "0"},
			[2]string{"kafka.producer.compression.type", "snappy"},
			[2]string{"scan.bounded.mode", "unbounded"},
			[2]string{"scan.startup.mode", "earliest-offset"})
		if len(t.Key) > 0 {
			kv = append(kv, [2]string{"value.fields-include", "all"})
		}
	case OSS:
		topic := opts.TopicPrefix + t.Name
		switch {
		case t.Changelog == "upsert" && len(t.Key) > 0:
			kv = append(kv,
				[2]string{"connector", "upsert-kafka"},
				[2]string{"topic", topic},
				[2]string{"properties.bootstrap.servers", opts.BootstrapServers},
				[2]string{"key.format", opts.Format},
				[2]string{"value.format", opts.Format})
		case t.Changelog == "retract":
			// A plain kafka topic holds only inserts; a changelog format
			// carries the retractions.
			kv = append(kv,
				[2]string{"connector", "kafka"},
				[2]string{"topic", topic},
				[2]string{"properties.bootstrap.servers", opts.BootstrapServers},
				[2]string{"value.format", "debezium-json"},
				[2]string{"scan.startup.mode", "earliest-offset"})
		default:
			kv = append(kv,
				[2]string{"connector", "kafka"},
				[2]string{"topic", topic},
				[2]string{"properties.bootstrap.servers", opts.BootstrapServers},
				[2]string{"value.format", opts.Format},
				[2]string{"scan.startup.mode", "earliest-offset"})
		}
		if opts.Format == "avro-confluent" && opts.SchemaRegistryURL != "" {
			kv = append(kv, [2]string{"value.avro-confluent.url", opts.SchemaRegistryURL})
			if len(t.Key) > 0 && t.Changelog == "upsert" {
				kv = append(kv, [2]string{"key.avro-confluent.url", opts.SchemaRegistryURL})
			}
		}
	}
	props := make([]*ast.Property, len(kv))
	for i, p := range kv {
		props[i] = &ast.Property{Key: str(p[0]), Eq: true, Value: str(p[1])}
	}
	return props
}

func ident(s string) *ast.Ident {
	return &ast.Ident{Name: s, Quoted: NeedsQuotes(s)}
}

func idents(ss []string) []*ast.Ident {
	out := make([]*ast.Ident, len(ss))
	for i, s := range ss {
		out[i] = ident(s)
	}
	return out
}

func name(s string) *ast.Name {
	return &ast.Name{Parts: []*ast.Ident{ident(s)}}
}

func str(s string) *ast.Literal {
	return &ast.Literal{Kind: ast.LitString, Raw: "'" + strings.ReplaceAll(s, "'", "''") + "'", Value: s}
}

// NeedsQuotes reports whether a name must be written in backticks in
// Flink SQL: anything but a plain word that is not reserved.
func NeedsQuotes(s string) bool {
	if s == "" || reserved[strings.ToUpper(s)] {
		return true
	}
	for i, c := range s {
		if c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9' {
			continue
		}
		return true
	}
	return false
}

// reserved lists Flink SQL reserved words that commonly appear as column
// names in migrated tables; they are always quoted.
var reserved = map[string]bool{
	"DATE": true, "TIME": true, "TIMESTAMP": true, "YEAR": true, "MONTH": true, "DAY": true, "HOUR": true,
	"MINUTE": true, "SECOND": true, "VALUE": true, "VALUES": true, "USER": true, "ORDER": true, "GROUP": true,
	"TABLE": true, "FROM": true, "SELECT": true, "WHERE": true, "KEY": false, "RANK": true, "ROW": true, "ROWS": true,
	"POSITION": true, "COUNT": true, "SUM": true, "AVG": true, "MIN": true, "MAX": true, "END": true, "CASE": true,
	"LANGUAGE": true, "RESULT": true, "SYSTEM": true, "CURRENT": true, "INTERVAL": true, "AT": true, "BY": true,
	"LOCAL": true, "WINDOW": true, "PARTITION": true, "RANGE": true, "NATURAL": true, "OFFSET": true, "LIMIT": true,
	"LEFT": true, "RIGHT": true, "INNER": true, "OUTER": true, "JOIN": true, "ON": true, "AND": true, "OR": true,
	"NOT": true, "NULL": true, "TRUE": true, "FALSE": true, "IS": true, "IN": true, "AS": true, "ALL": true,
	"ANY": true, "SOME": true, "UNION": true, "EXCEPT": true, "INTERSECT": true, "CAST": true, "CHAR": true,
	"MATCH": true, "DESCRIPTOR": true, "UNKNOWN": true, "SESSION": true, "FIRST": false, "LAST": false,
	"STATUS": false, "TYPE": false, "NAME": false, "LEVEL": false,
}
