// Package graph draws a project's table graph, grouped by layer, with each
// table's status: as Mermaid (flowchart LR, a subgraph per layer) for
// Markdown, and as Graphviz dot (a cluster per layer). Raw inputs (the Kafka
// tables that replace Spark's CSV views) are drawn in their own group.
// Output is deterministic: nodes keep the given (dependency) order.
package graph

import (
	"fmt"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/result"
)

// RawLayer is the group of the raw inputs; ExternalLayer the group of
// tables read but not defined in the project.
const (
	RawLayer      = "raw inputs"
	ExternalLayer = "external"
)

// Node is one table.
type Node struct {
	Name   string
	Layer  string
	Status string // translated, needs-llm, failed, llm; raw or external for the others
}

// Graph is the tables and who reads whom.
type Graph struct {
	Nodes []Node
	Edges [][2]string // from (read) → to (written)
}

// Builder collects a graph; Add* calls in dependency order give a readable
// picture.
type Builder struct {
	g     Graph
	index map[string]int
	edges map[[2]string]bool
}

// NewBuilder returns an empty builder.
func NewBuilder() *Builder {
	return &Builder{index: map[string]int{}, edges: map[[2]string]bool{}}
}

// AddTable adds a table defined by the project (or completes a node
// added as a dependency before).
func (b *Builder) AddTable(name, layer, status string) {
	if i, ok := b.index[name]; ok {
		b.g.Nodes[i].Layer, b.g.Nodes[i].Status = layer, status
		return
	}
	b.index[name] = len(b.g.Nodes)
	b.g.Nodes = append(b.g.Nodes, Node{Name: name, Layer: layer, Status: status})
}

// AddRaw adds a raw input read by table.
func (b *Builder) AddRaw(raw, table string) {
	if _, ok := b.index[raw]; !ok {
		b.index[raw] = len(b.g.Nodes)
		b.g.Nodes = append(b.g.Nodes, Node{Name: raw, Layer: RawLayer, Status: "raw"})
	}
	b.AddEdge(raw, table)
}

// AddEdge records that to reads from.
func (b *Builder) AddEdge(from, to string) {
	e := [2]string{from, to}
	if b.edges[e] {
		return
	}
	b.edges[e] = true
	b.g.Edges = append(b.g.Edges, e)
}

// Graph returns the graph; a dependency never added as a table is an
// external node.
func (b *Builder) Graph() *Graph {
	g := b.g
	g.Nodes = append([]Node(nil), g.Nodes...)
	for _, e := range g.Edges {
		if _, ok := b.index[e[0]]; !ok {
			b.index[e[0]] = len(g.Nodes)
			g.Nodes = append(g.Nodes, Node{Name: e[0], Layer: ExternalLayer, Status: ExternalLayer})
		}
	}
	g.Edges = append([][2]string(nil), g.Edges...)
	sort.SliceStable(g.Edges, func(i, j int) bool {
		a, c := g.Edges[i], g.Edges[j]
		if a[1] != c[1] {
			return b.index[a[1]] < b.index[c[1]]
		}
		return b.index[a[0]] < b.index[c[0]]
	})
	return &g
}

// FromRun builds the graph of a translation run.
func FromRun(run *result.Run) *Graph {
	b := NewBuilder()
	if run == nil {
		return b.Graph()
	}
	raws := map[string]bool{}
	for _, t := range run.Tables {
		if t == nil {
			continue
		}
		for _, r := range t.Raw {
			raws[r.Name] = true
		}
	}
	for _, t := range run.Tables {
		if t == nil {
			continue
		}
		for _, r := range t.Raw {
			b.AddRaw(r.Name, t.FlinkName)
		}
	}
	for _, t := range run.Tables {
		if t != nil {
			b.AddTable(t.FlinkName, t.Layer, string(t.Status))
		}
	}
	for _, t := range run.Tables {
		if t == nil {
			continue
		}
		for _, d := range t.Deps {
			if raws[d] {
				b.AddRaw(d, t.FlinkName)
				continue
			}
			b.AddEdge(d, t.FlinkName)
		}
	}
	return b.Graph()
}

// layers returns the layers in order of first appearance, raw inputs first
// and external tables last.
func (g *Graph) layers() []string {
	var out []string
	seen := map[string]bool{}
	add := func(l string) {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	for _, n := range g.Nodes {
		if n.Layer == RawLayer {
			add(n.Layer)
		}
	}
	for _, n := range g.Nodes {
		if n.Layer != ExternalLayer {
			add(n.Layer)
		}
	}
	add(ExternalLayer)
	return out
}

func (g *Graph) inLayer(l string) []Node {
	var out []Node
	for _, n := range g.Nodes {
		if n.Layer == l {
			out = append(out, n)
		}
	}
	return out
}

// id makes a Mermaid or dot identifier of a name.
func id(prefix, name string) string {
	var b strings.Builder
	b.WriteString(prefix)
	for _, r := range name {
		if r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "_%x_", r)
		}
	}
	return b.String()
}

func label(n Node) string {
	switch n.Status {
	case "raw", ExternalLayer, "":
		return n.Name
	case "needs-llm", "failed":
		return n.Name + " · " + strings.ToUpper(n.Status)
	}
	return n.Name + " · " + n.Status
}

// mermaidText escapes a label for a quoted Mermaid string.
func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;").Replace(s)
}

// Mermaid renders the graph as a Mermaid flowchart (without the ``` fence).
func Mermaid(g *Graph) string {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	for _, l := range g.layers() {
		nodes := g.inLayer(l)
		if len(nodes) == 0 {
			continue
		}
		fmt.Fprintf(&b, "  subgraph %s[\"%s\"]\n", id("layer_", l), mermaidText(l))
		for _, n := range nodes {
			open, close := "[\"", "\"]"
			if n.Layer == RawLayer {
				open, close = "[(\"", "\")]"
			}
			fmt.Fprintf(&b, "    %s%s%s%s\n", id("t_", n.Name), open, mermaidText(label(n)), close)
		}
		b.WriteString("  end\n")
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "  %s --> %s\n", id("t_", e[0]), id("t_", e[1]))
	}
	classes := map[string][]string{}
	for _, n := range g.Nodes {
		if c := class(n.Status); c != "" {
			classes[c] = append(classes[c], id("t_", n.Name))
		}
	}
	for _, c := range classOrder {
		if len(classes[c.name]) > 0 {
			fmt.Fprintf(&b, "  classDef %s %s\n  class %s %s\n", c.name, c.style, strings.Join(classes[c.name], ","), c.name)
		}
	}
	return b.String()
}

var classOrder = []struct{ name, style string }{
	{"needsllm", "fill:#fff3cd,stroke:#d9822b,stroke-width:3px"},
	{"failed", "fill:#f8d7da,stroke:#c0392b,stroke-width:3px"},
	{"raw", "fill:#eeeeee,stroke:#888888,stroke-dasharray:4 2"},
	{"external", "fill:#ffffff,stroke:#888888,stroke-dasharray:2 2"},
}

func class(status string) string {
	switch status {
	case "needs-llm":
		return "needsllm"
	case "failed", "raw", ExternalLayer:
		return status
	}
	return ""
}

// dotText quotes s as a dot string.
func dotText(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// Dot renders the graph as Graphviz dot, a cluster per layer.
func Dot(g *Graph) string {
	var b strings.Builder
	b.WriteString("digraph pipeline {\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];\n")
	for _, l := range g.layers() {
		nodes := g.inLayer(l)
		if len(nodes) == 0 {
			continue
		}
		fmt.Fprintf(&b, "  subgraph %s {\n    label=%s;\n    style=\"rounded\";\n", id("cluster_", l), dotText(l))
		for _, n := range nodes {
			attrs := "label=" + dotText(label(n))
			switch n.Status {
			case "needs-llm":
				attrs += `, fillcolor="#fff3cd", color="#d9822b", penwidth=3`
			case "failed":
				attrs += `, fillcolor="#f8d7da", color="#c0392b", penwidth=3`
			case "raw":
				attrs += `, shape=cylinder, style="filled,dashed", fillcolor="#eeeeee"`
			case ExternalLayer:
				attrs += `, style="rounded,dashed"`
			}
			fmt.Fprintf(&b, "    %s [%s];\n", dotText(n.Name), attrs)
		}
		b.WriteString("  }\n")
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "  %s -> %s;\n", dotText(e[0]), dotText(e[1]))
	}
	b.WriteString("}\n")
	return b.String()
}
