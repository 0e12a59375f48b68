package deploy

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/emit"
)

// Roles of a plan row.
const (
	RoleRaw        = "raw-input"  // a raw input the pipeline reads
	RoleAncestor   = "ancestor"   // must exist and run before the target
	RoleTarget     = "target"     // the table asked for
	RoleDescendant = "descendant" // reads the target: restart it after
)

// Actions of a plan row.
const (
	ActionCreate  = "create"  // create the table if missing, start its DML
	ActionRestart = "restart" // stop the DML and start it again on the new upstream
	ActionNone    = "none"    // raw input: no job (deploy only declares its table)
	ActionBlocked = "blocked" // the DML is not complete (needs-llm, failed): not deployable
)

// Options name the statements of a plan.
type Options struct {
	Env    string // default "dev"
	Region string // default "usw2"
}

func (o Options) env() string {
	if o.Env == "" {
		return "dev"
	}
	return o.Env
}

func (o Options) region() string {
	if o.Region == "" {
		return "usw2"
	}
	return o.Region
}

// Plan is the execution plan of a table, or of the whole project.
type Plan struct {
	Dir    string `json:"dir"`
	Target string `json:"target,omitempty"` // "" for the whole project
	Env    string `json:"env"`
	Region string `json:"region"`
	Rows   []*Row `json:"rows"`
}

// Row is one table of a plan.
type Row struct {
	Order        int      `json:"order"`
	Table        string   `json:"table"`
	Layer        string   `json:"layer"`
	Role         string   `json:"role"`
	DDLStatement string   `json:"ddl_statement"`
	DMLStatement string   `json:"dml_statement,omitempty"` // "" for a raw input
	UpgradeMode  string   `json:"upgrade_mode,omitempty"`  // "" for a raw input
	Why          []string `json:"why,omitempty"`           // what keeps state
	Action       string   `json:"action"`
	Status       string   `json:"status,omitempty"`
	Changelog    string   `json:"changelog_mode"`
	DependsOn    []string `json:"depends_on"`
	DDLFile      string   `json:"ddl_file"`
	DMLFile      string   `json:"dml_file,omitempty"`
}

// PlanTable returns the execution plan of table: its raw inputs and
// ancestors in dependency order, the table, then its descendants.
func (p *Project) PlanTable(table string, o Options) (*Plan, error) {
	name, ok := p.Lookup(table)
	if !ok {
		return nil, &UnknownTableError{Name: table, Close: p.closeNames(table)}
	}
	if r := p.raw[name]; r != nil {
		return nil, fmt.Errorf("%s is a raw input (declared in the tests of %s), not a table the pipeline produces: plan %s or one of its readers", name, r.Owner, r.Owner)
	}
	anc, desc := p.ancestors(name), p.descendants(name)
	roles := map[string]string{name: RoleTarget}
	for n := range anc {
		roles[n] = RoleAncestor
	}
	for n := range desc {
		roles[n] = RoleDescendant
	}
	return p.plan(name, roles, o)
}

// PlanAll returns the plan of every table of the project.
func (p *Project) PlanAll(o Options) (*Plan, error) {
	roles := map[string]string{}
	for _, n := range p.order {
		roles[n] = RoleTarget
	}
	return p.plan("", roles, o)
}

func (p *Project) plan(target string, roles map[string]string, o Options) (*Plan, error) {
	pl := &Plan{Dir: p.Dir, Target: target, Env: o.env(), Region: o.region(), Rows: []*Row{}}
	add := func(r *Row) {
		r.Order = len(pl.Rows) + 1
		pl.Rows = append(pl.Rows, r)
	}
	rawDone := map[string]bool{}
	for _, n := range p.order {
		role, ok := roles[n]
		if !ok {
			continue
		}
		e := p.Inv.Tables[n]
		product := e.Product
		if product == "" {
			product = p.Inv.Product
		}
		// The raw inputs this table reads come just before it.
		if role != RoleDescendant {
			for _, r := range p.rawInputs(n) {
				if rawDone[r.Name] {
					continue
				}
				rawDone[r.Name] = true
				add(&Row{Table: r.Name, Layer: "raw", Role: RoleRaw, Action: ActionNone, Changelog: "append",
					DDLStatement: emit.StatementName(o.env(), o.region(), product, "ddl", r.Name),
					DependsOn:    []string{}, DDLFile: r.DDL})
			}
		}
		row := &Row{Table: n, Layer: e.Layer, Role: role, Status: e.Status, Changelog: e.Changelog,
			DDLStatement: emit.StatementName(o.env(), o.region(), product, "ddl", n),
			DMLStatement: emit.StatementName(o.env(), o.region(), product, "dml", n),
			DependsOn:    append([]string{}, e.DependsOn...), DDLFile: e.DDL, DMLFile: e.DML}
		switch {
		case !e.Complete:
			row.Action = ActionBlocked
		case role == RoleDescendant:
			row.Action = ActionRestart
		default:
			row.Action = ActionCreate
		}
		m, err := p.tableMode(n)
		if err != nil {
			return nil, err
		}
		row.UpgradeMode = m.Mode
		if len(m.Why) > 0 {
			row.Why = m.Why
		}
		add(row)
	}
	return pl, nil
}

// rawInputs returns the raw inputs table reads: those its tests declare
// and those its depends_on names.
func (p *Project) rawInputs(table string) []*Raw {
	out := append([]*Raw(nil), p.rawOf[table]...)
	for _, d := range p.Inv.Tables[table].DependsOn {
		if r := p.raw[d]; r != nil && r.Owner != table {
			out = append(out, r)
		}
	}
	return out
}

// WriteJSON prints the plan as indented JSON.
func (pl *Plan) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(pl)
}

// WriteText prints the plan as an aligned table, one row per table.
func (pl *Plan) WriteText(w io.Writer) error {
	var b strings.Builder
	if pl.Target != "" {
		fmt.Fprintf(&b, "Execution plan for %s (%s, env %s, region %s)\n\n", pl.Target, pl.Dir, pl.Env, pl.Region)
	} else {
		fmt.Fprintf(&b, "Execution plan for every table of %s (env %s, region %s)\n\n", pl.Dir, pl.Env, pl.Region)
	}
	rows := [][]string{{"ORDER", "TABLE", "LAYER", "ROLE", "DDL STATEMENT", "DML STATEMENT", "UPGRADE", "ACTION"}}
	for _, r := range pl.Rows {
		rows = append(rows, []string{fmt.Sprint(r.Order), r.Table, r.Layer, r.Role, r.DDLStatement,
			dash(r.DMLStatement), dash(r.UpgradeMode), r.Action})
	}
	b.WriteString(align(rows, map[int]bool{0: true}))
	counts := map[string]int{}
	for _, r := range pl.Rows {
		counts[r.Action]++
	}
	var parts []string
	for _, a := range []string{ActionCreate, ActionRestart, ActionNone, ActionBlocked} {
		if counts[a] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[a], a))
		}
	}
	fmt.Fprintf(&b, "\n%d rows: %s\n", len(pl.Rows), strings.Join(parts, ", "))
	var why []string
	for _, r := range pl.Rows {
		if len(r.Why) > 0 {
			why = append(why, fmt.Sprintf("  %s: %s", r.Table, strings.Join(r.Why, "; ")))
		}
	}
	if len(why) > 0 {
		b.WriteString("Stateful because:\n" + strings.Join(why, "\n") + "\n")
	}
	for _, r := range pl.Rows {
		if r.Action == ActionBlocked {
			fmt.Fprintf(&b, "blocked: %s has status %s: its DML is not complete and cannot be deployed\n", r.Table, r.Status)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// align lays rows out in columns separated by two spaces; the columns in
// right are right-aligned. Widths count runes; trailing spaces are trimmed.
func align(rows [][]string, right map[int]bool) string {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		var line strings.Builder
		for i, c := range r {
			if i > 0 {
				line.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-len([]rune(c)))
			if right[i] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	return b.String()
}
