package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/migrate"
	"github.com/c360-migrate/c360-migrate/translate/result"
)

// sparkProject is one Spark project of a migrate run and its options.
type sparkProject struct {
	dir  string
	opts migrate.Options
}

// sparkProjects returns the projects a migrate run translates: the
// SPARK_DIR arguments, or the projects: list of --config, each with the
// command line's options and its own overrides.
func (e *env) sparkProjects(c *cli.Context, bare bool) ([]sparkProject, error) {
	args := c.Args().Slice()
	if bare && len(args) > 0 {
		if _, err := os.Stat(args[0]); errors.Is(err, fs.ErrNotExist) && (len(args) > 1 || !strings.ContainsAny(args[0], `/\.`)) {
			return nil, usagef("", "%q is neither a command nor a folder", args[0])
		}
	}
	cfg, err := applyConfig(c)
	if err != nil {
		return nil, usagef("migrate", "%v", err)
	}
	switch {
	case len(args) == 0 && (cfg == nil || len(cfg.Projects) == 0):
		return nil, usagef("migrate", "no SPARK_DIR given")
	case len(args) > 0 && cfg != nil && len(cfg.Projects) > 0:
		return nil, usagef("migrate", "give the projects as SPARK_DIR arguments or as projects: in --config %s, not both", c.String("config"))
	case cfg != nil && len(cfg.Projects) > 0 && c.String("product") != "":
		return nil, usagef("migrate", "--product (or product: in --config) with projects: in --config: give each project its product there")
	case len(args) > 1 && c.IsSet("product"):
		return nil, usagef("migrate", "--product names one project, got %d SPARK_DIRs (each is named after its folder; name them in --config projects:)", len(args))
	}
	lo, err := loadOptions(c)
	if err != nil {
		return nil, err
	}
	base, err := migrateOptions(c, lo)
	if err != nil {
		return nil, err
	}
	if c.Int("jobs") < 0 {
		return nil, usagef("migrate", "--jobs %d: want a positive number (0 or unset: the number of CPUs)", c.Int("jobs"))
	}
	base.Jobs = c.Int("jobs")
	var out []sparkProject
	if len(args) > 0 {
		for _, dir := range args {
			out = append(out, sparkProject{dir: dir, opts: base})
		}
	} else {
		for i, p := range cfg.Projects {
			o, err := p.apply(base)
			if err != nil {
				return nil, usagef("migrate", "--config %s: projects[%d]: %v", c.String("config"), i, err)
			}
			out = append(out, sparkProject{dir: p.Dir, opts: o})
		}
	}
	seen := map[string]bool{}
	products := map[string]string{}
	for _, p := range out {
		info, err := os.Stat(p.dir)
		switch {
		case err != nil:
			fmt.Fprintf(e.stderr, "%s: error: cannot read SPARK_DIR: %v\n", Name, err)
			return nil, exitWith(ExitInputErrors)
		case !info.IsDir():
			return nil, usagef("migrate", "SPARK_DIR %s is not a folder", p.dir)
		}
		abs, _ := filepath.Abs(p.dir)
		if seen[abs] {
			return nil, usagef("migrate", "SPARK_DIR %s given twice", p.dir)
		}
		seen[abs] = true
		product := p.opts.Product
		if product == "" {
			product = strings.ToLower(filepath.Base(abs))
		}
		if other, ok := products[product]; ok {
			return nil, usagef("migrate", "SPARK_DIRs %s and %s are both product %s: name them apart in --config projects:", other, p.dir, product)
		}
		products[product] = p.dir
	}
	return out, nil
}

// translateProjects translates every project and joins them into one run:
// the tables of all products (each in its dependency order), one list of
// findings, one profile. Findings name files as SPARK_DIR/path, as the
// user wrote them. keys are the tables' incremental keys.
func translateProjects(ps []sparkProject, env, region string) (*result.Run, map[string]*manifestKey, error) {
	all := &result.Run{}
	keys := map[string]*manifestKey{}
	owner := map[string]string{}
	var products []string
	for _, p := range ps {
		run, err := migrate.Run(p.dir, p.opts)
		if err != nil {
			return nil, nil, err
		}
		prefixFindings(run, p.dir)
		for k, v := range tableKeys(run, p.opts, env, region) {
			keys[k] = v
		}
		if all.Profile != "" && all.Profile != run.Profile {
			return nil, nil, fmt.Errorf("%s: profile %s, but %s is %s: one output folder has one profile", p.dir, run.Profile, ps[0].dir, all.Profile)
		}
		all.Profile = run.Profile
		for _, t := range run.Tables {
			if o, dup := owner[t.FlinkName]; dup {
				return nil, nil, fmt.Errorf("table %s is produced by %s and %s", t.FlinkName, o, p.dir)
			}
			owner[t.FlinkName] = p.dir
		}
		all.Tables = append(all.Tables, run.Tables...)
		all.Diags = append(all.Diags, run.Diags...)
		products = append(products, run.Product)
	}
	all.Product = strings.Join(products, ",")
	all.Diags.Sort()
	return all, keys, nil
}

// prefixFindings names the files of a run's findings as dir/path.
func prefixFindings(run *result.Run, dir string) {
	prefix := func(ds []*diag.Diagnostic) {
		for _, d := range ds {
			if d.File != "" && d.File != dir && !strings.HasPrefix(d.File, dir) {
				d.File = filepath.Join(dir, filepath.FromSlash(d.File))
			}
		}
	}
	prefix(run.Diags)
	for _, t := range run.Tables {
		prefix(t.Residue)
		prefix(t.Notes)
	}
}
