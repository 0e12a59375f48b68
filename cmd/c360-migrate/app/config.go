package app

import (
	"bytes"
	"fmt"
	"os"

	"github.com/urfave/cli/v2"
	"go.yaml.in/yaml/v3"
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
}

// applyConfig reads --config and sets every flag the command line left
// unset from it.
func applyConfig(c *cli.Context) error {
	path := c.String("config")
	if path == "" {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("--config: %w", err)
	}
	var cfg fileConfig
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil {
		return fmt.Errorf("--config %s: %w", path, err)
	}
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
