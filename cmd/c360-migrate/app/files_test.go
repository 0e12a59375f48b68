package app

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/c360-migrate/c360-migrate/translate/token"
)

func TestAutoDialect(t *testing.T) {
	tests := []struct {
		path string
		want token.Dialect
	}{
		{"spark_src/facts/f.sql", token.Spark},
		{"flink_out/pipelines/facts/c360/f/sql-scripts/dml.f.sql", token.Flink},
		{"project/Flink-2/x.sql", token.Flink},
		{"queries/x.flink.sql", token.Flink},
		{"queries/X.FLINK.SQL", token.Flink},
		{"flink.sql", token.Spark},       // the name has no ".flink.sql" suffix
		{"flinky.sql", token.Spark},      // a file, not a folder, named flink*
		{"a/noflink/x.sql", token.Spark}, // the folder name must start with flink
		{"-", token.Spark},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, autoDialect(tt.path), tt.path)
	}
}
