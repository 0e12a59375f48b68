package app

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/manifest"
)

// TestWriteAhead: before emit writes, the previous manifest is saved with
// the hashes of the files about to change (only those); nothing is written
// when nothing changes or when there is no previous manifest.
func TestWriteAhead(t *testing.T) {
	h := func(s string) string { return manifest.Hash([]byte(s)) }
	prev := manifest.New()
	prev.Files = map[string]string{"a.sql": h("a"), "b.sql": h("b")}
	pending := map[string]string{"a.sql": h("a"), "b.sql": h("b2"), "c.sql": h("c")}

	cases := []struct {
		name    string
		prev    *manifest.Manifest
		pending map[string]string
		want    map[string]string // the pending record on disk; nil: no manifest written
	}{
		{"files change", prev, pending, map[string]string{"b.sql": h("b2"), "c.sql": h("c")}},
		{"nothing changes", prev, map[string]string{"a.sql": h("a")}, nil},
		{"no previous manifest", nil, pending, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			inc := &incremental{out: out, prev: tc.prev}
			if err := inc.writeAhead(tc.pending); err != nil {
				t.Fatal(err)
			}
			got, err := manifest.Read(out)
			if err != nil {
				t.Fatal(err)
			}
			if tc.want == nil {
				if got != nil {
					t.Fatalf("%s written: %+v", filepath.Join(out, manifest.FileName), got)
				}
				return
			}
			if got == nil {
				t.Fatal("no manifest written")
			}
			if !reflect.DeepEqual(got.Pending, tc.want) {
				t.Errorf("pending = %v, want %v", got.Pending, tc.want)
			}
			if !reflect.DeepEqual(got.Files, prev.Files) {
				t.Errorf("files = %v, want the previous run's %v", got.Files, prev.Files)
			}
			if got.HandEdited("b.sql", []byte("b2")) || got.HandEdited("b.sql", []byte("b")) || !got.HandEdited("b.sql", []byte("mine")) {
				t.Error("b.sql: its old and its pending bytes are the tool's, anything else the user's")
			}
		})
	}
}
