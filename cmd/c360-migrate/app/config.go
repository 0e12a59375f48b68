package app

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"
	"go.yaml.in/yaml/v3"

	"github.com/c360-migrate/c360-migrate/translate/migrate"
)

// fileConfig is the optional --config FILE (YAML): the migrate settings a
// team keeps in its repository instead of repeating flags. A flag given on
// the command line wins over the file.
type fileConfig struct {
	Product           string            `yaml:"product"`
	Profile           string            `yaml:"profile"`
	Out               string            `yaml:"out"`
	Report            string            `yaml:"report"`
	Buckets           int               `yaml:"buckets"`
	SchemaContext     string            `yaml:"schema_context"`
	BootstrapServers  string            `yaml:"bootstrap_servers"`
	Format            string            `yaml:"format"`
	SchemaRegistryURL string            `yaml:"schema_registry_url"`
	Env               string            `yaml:"env"`
	Region            string            `yaml:"region"`
	Target            string            `yaml:"target"`
	Vars              map[string]string `yaml:"vars"`
	// Projects lists the Spark projects of one run (instead of SPARK_DIR
	// arguments), each with its own options over the ones above.
	Projects []projectConfig `yaml:"projects"`
}

// projectConfig is one entry of projects: in --config. Dir is relative to
// the config file's folder; Product defaults to Dir's name.
type projectConfig struct {
	Dir               string            `yaml:"dir"`
	Product           string            `yaml:"product"`
	Target            string            `yaml:"target"`
	Vars              map[string]string `yaml:"vars"`
	Exclude           []string          `yaml:"exclude"`
	Buckets           int               `yaml:"buckets"`
	SchemaContext     string            `yaml:"schema_context"`
	BootstrapServers  string            `yaml:"bootstrap_servers"`
	Format            string            `yaml:"format"`
	SchemaRegistryURL string            `yaml:"schema_registry_url"`
}

// apply returns base with the project's own options.
func (p projectConfig) apply(base migrate.Options) (migrate.Options, error) {
	if p.Dir == "" {
		return base, fmt.Errorf("dir: missing")
	}
	o := base
	if p.Product != "" {
		o.Product = strings.ToLower(p.Product)
	} else {
		o.Product = ""
	}
	if p.Target != "" {
		o.Target = p.Target
	}
	if len(p.Vars) > 0 {
		o.Vars = map[string]string{}
		for k, v := range base.Vars {
			o.Vars[k] = v
		}
		for k, v := range p.Vars {
			o.Vars[k] = v
		}
	}
	for _, x := range p.Exclude {
		if _, err := path.Match(x, ""); err != nil {
			return base, fmt.Errorf("exclude %q: %v", x, err)
		}
	}
	o.Exclude = append(append([]string(nil), base.Exclude...), p.Exclude...)
	if p.Buckets > 0 {
		o.DDL.Buckets = p.Buckets
	}
	if p.Format != "" {
		if p.Format != "json" && p.Format != "avro-confluent" {
			return base, fmt.Errorf("format %q: want json or avro-confluent", p.Format)
		}
		o.DDL.Format = p.Format
	}
	for _, f := range []struct {
		dst *string
		v   string
	}{
		{&o.DDL.SchemaContext, p.SchemaContext}, {&o.DDL.BootstrapServers, p.BootstrapServers},
		{&o.DDL.SchemaRegistryURL, p.SchemaRegistryURL},
	} {
		if f.v != "" {
			*f.dst = f.v
		}
	}
	return o, nil
}

// applyConfig reads --config and sets every flag the command line left
// unset from it. It returns the file's settings (nil without --config),
// the projects' folders made relative to the working directory.
func applyConfig(c *cli.Context) (*fileConfig, error) {
	name := c.String("config")
	if name == "" {
		return nil, nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("--config: %w", err)
	}
	var cfg fileConfig
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil {
		return nil, fmt.Errorf("--config %s: %w", name, err)
	}
	for i := range cfg.Projects {
		if d := cfg.Projects[i].Dir; d != "" && !filepath.IsAbs(d) {
			cfg.Projects[i].Dir = filepath.Join(filepath.Dir(name), d)
		}
	}
	return &cfg, cfg.setFlags(c)
}

// setFlags sets every flag the command line left unset from cfg.
func (cfg *fileConfig) setFlags(c *cli.Context) error {
	set := func(flag, value string) error {
		if value == "" || c.IsSet(flag) {
			return nil
		}
		return c.Set(flag, value)
	}
	for flag, value := range map[string]string{
		"product": cfg.Product, "profile": cfg.Profile, "out": cfg.Out, "report": cfg.Report,
		"schema-context": cfg.SchemaContext, "bootstrap-servers": cfg.BootstrapServers, "format": cfg.Format,
		"schema-registry-url": cfg.SchemaRegistryURL, "env": cfg.Env, "region": cfg.Region, "target": cfg.Target,
	} {
		if err := set(flag, value); err != nil {
			return err
		}
	}
	if cfg.Buckets > 0 && !c.IsSet("buckets") {
		if err := c.Set("buckets", fmt.Sprint(cfg.Buckets)); err != nil {
			return err
		}
	}
	if !c.IsSet("var") {
		for k, v := range cfg.Vars {
			if err := c.Set("var", k+"="+v); err != nil {
				return err
			}
		}
	}
	return nil
}
