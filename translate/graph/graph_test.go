package graph_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/emit/emittest"
	"github.com/c360-migrate/c360-migrate/translate/graph"
	"github.com/c360-migrate/c360-migrate/translate/result"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update to accept)\n--- got\n%s\n--- want\n%s", p, got, want)
	}
}

func sample() *result.Run {
	r := emittest.Run()
	r.Tables[2].Deps = append(r.Tables[2].Deps, "ext.other") // an external table
	r.Tables[2].Status = result.Failed
	return r
}

func TestGolden(t *testing.T) {
	g := graph.FromRun(sample())
	golden(t, "sample.mmd", graph.Mermaid(g))
	golden(t, "sample.dot", graph.Dot(g))
}

func TestGraph(t *testing.T) {
	g := graph.FromRun(sample())
	var names []string
	for _, n := range g.Nodes {
		names = append(names, n.Name+"/"+n.Layer+"/"+n.Status)
	}
	want := "customers_raw/raw inputs/raw,src_c360_customers/sources/translated,c360_dim_customers/dimensions/needs-llm,customer_analytics_c360/views/failed,ext.other/external/external"
	if got := strings.Join(names, ","); got != want {
		t.Errorf("nodes\n got %s\nwant %s", got, want)
	}
	// The raw input is both in Raw and in Deps: one edge.
	n := 0
	for _, e := range g.Edges {
		if e[0] == "customers_raw" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("raw edges = %d, want 1: %v", n, g.Edges)
	}
	m := graph.Mermaid(g)
	for _, w := range []string{"flowchart LR\n", `subgraph layer_sources["sources"]`, "class t_c360_dim_customers needsllm", "class t_customer_analytics_c360 failed", "t_ext_2e_other", "NEEDS-LLM"} {
		if !strings.Contains(m, w) {
			t.Errorf("mermaid lacks %q:\n%s", w, m)
		}
	}
	d := graph.Dot(g)
	for _, w := range []string{"subgraph cluster_dimensions {", `"src_c360_customers" -> "c360_dim_customers";`, `penwidth=3`} {
		if !strings.Contains(d, w) {
			t.Errorf("dot lacks %q:\n%s", w, d)
		}
	}
	if e := graph.Mermaid(graph.FromRun(nil)); e != "flowchart LR\n" {
		t.Errorf("empty graph: %q", e)
	}
}
