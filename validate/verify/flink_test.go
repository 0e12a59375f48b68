package verify

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/c360-migrate/c360-migrate/validate/gateway"
)

func TestApplyChangelog(t *testing.T) {
	tests := []struct {
		name string
		in   []gateway.Row
		want [][]any
	}{
		{"inserts", []gateway.Row{{Kind: "INSERT", Fields: []any{"a", 1.0}}, {Kind: "INSERT", Fields: []any{"b", 2.0}}},
			[][]any{{"a", 1.0}, {"b", 2.0}}},
		{"update", []gateway.Row{{Kind: "INSERT", Fields: []any{"a", 1.0}}, {Kind: "UPDATE_BEFORE", Fields: []any{"a", 1.0}}, {Kind: "UPDATE_AFTER", Fields: []any{"a", 2.0}}},
			[][]any{{"a", 2.0}}},
		{"delete removes one equal row", []gateway.Row{{Kind: "INSERT", Fields: []any{"a", 1.0}}, {Kind: "INSERT", Fields: []any{"a", 1.0}}, {Kind: "DELETE", Fields: []any{"a", 1.0}}},
			[][]any{{"a", 1.0}}},
		{"retract of a row never inserted changes nothing", []gateway.Row{{Kind: "INSERT", Fields: []any{"a", 1.0}}, {Kind: "DELETE", Fields: []any{"b", 1.0}}},
			[][]any{{"a", 1.0}}},
	}
	for _, tt := range tests {
		if got := applyChangelog(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCopyCSV(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "in.csv")
	if err := os.WriteFile(src, []byte("id,name,note\n1,\"a, b\",x\n2,c,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		cols    []string
		rowtime bool
		want    string
		err     bool
	}{
		{"header dropped, quotes kept", []string{"id", "name", "note"}, false, "1,\"a, b\",x\n2,c,\n", false},
		{"columns in the table's order", []string{"note", "ID"}, false, "x,1\n,2\n", false},
		{"rowtime in arrival order", []string{"id"}, true, "1,2024-06-15 11:59:59.998\n2,2024-06-15 11:59:59.999\n", false},
		{"a column the CSV lacks", []string{"id", "age"}, false, "", true},
	}
	for _, tt := range tests {
		dst := filepath.Join(dir, tt.name, "part-0.csv")
		err := copyCSV(src, dst, tt.cols, tt.rowtime, DefaultNow)
		if (err != nil) != tt.err {
			t.Errorf("%s: error %v", tt.name, err)
			continue
		}
		if tt.err {
			continue
		}
		got, _ := os.ReadFile(dst)
		if string(got) != tt.want {
			t.Errorf("%s: wrote %q, want %q", tt.name, got, tt.want)
		}
	}
}
