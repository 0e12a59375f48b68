package app

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/translate/graph"
)

func (e *env) graphCommand() *cli.Command {
	return &cli.Command{
		Name:      "graph",
		Usage:     "draw the table graph of a Flink project, grouped by layer, with each table's status",
		UsageText: Name + " graph [--format mermaid|dot] FLINK_DIR",
		Description: "Reads FLINK_DIR/pipelines/inventory.json and prints the table graph: one\n" +
			"node per table labelled with its name and status (needs-llm and failed\n" +
			"tables stand out), raw inputs in their own group, an arrow from each table\n" +
			"to the tables that read it, grouped by layer. --format mermaid (default)\n" +
			"prints a Mermaid flowchart (paste it into a ```mermaid block); dot prints\n" +
			"Graphviz (dot -Tsvg). Exit code 1 when the inventory cannot be read.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "mermaid", Usage: "`FORMAT`: mermaid or dot"},
		},
		OnUsageError: onUsageError("graph"),
		Action:       e.graph,
	}
}

func (e *env) graph(c *cli.Context) error {
	if c.NArg() != 1 {
		return usagef("graph", "want one FLINK_DIR, got %d arguments", c.NArg())
	}
	format := c.String("format")
	if format != "mermaid" && format != "dot" {
		return usagef("graph", "--format %q: want mermaid or dot", format)
	}
	dir := c.Args().First()
	g, err := inventoryGraph(dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: error: %v\n", Name, err)
		return exitWith(ExitInputErrors)
	}
	if format == "dot" {
		fmt.Fprint(e.stdout, graph.Dot(g))
	} else {
		fmt.Fprint(e.stdout, graph.Mermaid(g))
	}
	return nil
}

// inventoryGraph builds the graph of the project written in dir.
func inventoryGraph(dir string) (*graph.Graph, error) {
	name := filepath.Join(dir, emit.Pipelines, "inventory.json")
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read the inventory: %w", err)
	}
	var inv emit.Inventory
	if err := json.Unmarshal(data, &inv); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	// Tables in deploy order, then any the order does not list.
	order := append([]string(nil), inv.Order...)
	listed := map[string]bool{}
	for _, t := range order {
		listed[t] = true
	}
	var rest []string
	for t := range inv.Tables {
		if !listed[t] {
			rest = append(rest, t)
		}
	}
	sort.Strings(rest)
	order = append(order, rest...)

	b := graph.NewBuilder()
	for _, t := range order {
		if en := inv.Tables[t]; en != nil {
			for _, test := range en.Tests {
				// tests/ddl.<raw>.sql creates the raw input the table reads.
				base := path.Base(test)
				if raw, ok := strings.CutPrefix(base, "ddl."); ok {
					b.AddRaw(strings.TrimSuffix(raw, ".sql"), t)
				}
			}
		}
	}
	for _, t := range order {
		if en := inv.Tables[t]; en != nil {
			b.AddTable(t, en.Layer, en.Status)
		}
	}
	for _, t := range order {
		if en := inv.Tables[t]; en != nil {
			for _, d := range en.DependsOn {
				b.AddEdge(d, t)
			}
		}
	}
	return b.Graph(), nil
}
