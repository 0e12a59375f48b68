package confluent

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Secret is a credential: it prints, formats and marshals as [REDACTED],
// so that a Config can be logged or wrapped in an error without leaking
// it. Use Reveal to read the value.
type Secret string

const redacted = "[REDACTED]"

// Reveal returns the secret's value; only the HTTP client calls it.
func (s Secret) Reveal() string { return string(s) }

func (s Secret) String() string   { return redactedIf(s) }
func (s Secret) GoString() string { return redactedIf(s) }

// Format makes every verb (%v, %+v, %#v, %s, %q, %x) print [REDACTED].
func (s Secret) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(redactedIf(s))) }

// MarshalJSON and MarshalYAML keep the secret out of reports and dumps.
func (s Secret) MarshalJSON() ([]byte, error) { return json.Marshal(redactedIf(s)) }
func (s Secret) MarshalYAML() (any, error)    { return redactedIf(s), nil }

func redactedIf(s Secret) string {
	if s == "" {
		return ""
	}
	return redacted
}

// Config is what the client needs to reach the Confluent Cloud for Apache
// Flink statements API of one environment. The YAML keys are those of
// --confluent-config FILE; each field also has an environment variable
// (see Env), which wins over the file.
type Config struct {
	// OrganizationID is the organisation's UUID.
	OrganizationID string `yaml:"organization_id" json:"organization_id"`
	// EnvironmentID is the environment (env-xxxxx) the statements run in.
	EnvironmentID string `yaml:"environment_id" json:"environment_id"`
	// ComputePoolID is the compute pool (lfcp-xxxxx) that runs the
	// statements; empty uses the environment's default pool.
	ComputePoolID string `yaml:"compute_pool_id" json:"compute_pool_id"`
	// Cloud (aws, gcp, azure) and Region (us-east-1, ...) build the
	// regional endpoint https://flink.<region>.<cloud>.confluent.cloud.
	Cloud  string `yaml:"cloud" json:"cloud"`
	Region string `yaml:"region" json:"region"`
	// Endpoint, when set, is used as is instead of Cloud and Region (a
	// private-networking endpoint, or a test server).
	Endpoint string `yaml:"endpoint" json:"endpoint"`
	// Catalog and Database become the statement properties
	// sql.current-catalog (the environment's name) and
	// sql.current-database (the Kafka cluster's name), so that the
	// generated SQL's unqualified table names resolve.
	Catalog  string `yaml:"catalog" json:"catalog"`
	Database string `yaml:"database" json:"database"`
	// Principal, optional, is the user or service account the
	// statements run as (spec.principal).
	Principal string `yaml:"principal" json:"principal,omitempty"`
	// APIKey and APISecret are a Flink API key of the environment and
	// region (HTTP basic auth). Prefer the environment variables to the
	// file for the secret.
	APIKey    string `yaml:"api_key" json:"api_key"`
	APISecret Secret `yaml:"api_secret" json:"api_secret"`
	// StatementPrefix starts every statement name (default "c360").
	StatementPrefix string `yaml:"statement_prefix" json:"statement_prefix,omitempty"`
}

// Environment variables, one per Config field.
const (
	EnvAPIKey        = "CONFLUENT_FLINK_API_KEY"
	EnvAPISecret     = "CONFLUENT_FLINK_API_SECRET"
	EnvOrganization  = "CONFLUENT_ORG_ID"
	EnvEnvironment   = "CONFLUENT_ENV_ID"
	EnvComputePool   = "CONFLUENT_COMPUTE_POOL_ID"
	EnvCloud         = "CONFLUENT_CLOUD_PROVIDER"
	EnvRegion        = "CONFLUENT_CLOUD_REGION"
	EnvEndpoint      = "CONFLUENT_FLINK_REST_ENDPOINT"
	EnvCatalog       = "CONFLUENT_FLINK_CATALOG"
	EnvDatabase      = "CONFLUENT_FLINK_DATABASE"
	EnvPrincipal     = "CONFLUENT_FLINK_PRINCIPAL"
	EnvStatementPref = "CONFLUENT_STATEMENT_PREFIX"
)

// DefaultPrefix starts statement names when no prefix is configured.
const DefaultPrefix = "c360"

// fields lists, for each setting, its config key, its environment
// variable and where it lives in a Config.
func (c *Config) fields() []struct {
	key, env string
	ptr      *string
} {
	secret := string(c.APISecret)
	return []struct {
		key, env string
		ptr      *string
	}{
		{"organization_id", EnvOrganization, &c.OrganizationID},
		{"environment_id", EnvEnvironment, &c.EnvironmentID},
		{"compute_pool_id", EnvComputePool, &c.ComputePoolID},
		{"cloud", EnvCloud, &c.Cloud},
		{"region", EnvRegion, &c.Region},
		{"endpoint", EnvEndpoint, &c.Endpoint},
		{"catalog", EnvCatalog, &c.Catalog},
		{"database", EnvDatabase, &c.Database},
		{"principal", EnvPrincipal, &c.Principal},
		{"api_key", EnvAPIKey, &c.APIKey},
		{"api_secret", EnvAPISecret, &secret},
		{"statement_prefix", EnvStatementPref, &c.StatementPrefix},
	}
}

// LoadConfig reads the YAML file (if file is not empty), then lets every
// environment variable that getenv returns non-empty override it, and
// checks the result. getenv is os.Getenv outside tests.
func LoadConfig(file string, getenv func(string) string) (*Config, error) {
	c := &Config{}
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("--confluent-config: %w", err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("--confluent-config %s: %v", file, redactText(err.Error(), c.APISecret.Reveal()))
		}
	}
	if getenv != nil {
		for _, f := range c.fields() {
			if v := strings.TrimSpace(getenv(f.env)); v != "" {
				if f.key == "api_secret" {
					c.APISecret = Secret(v)
					continue
				}
				*f.ptr = v
			}
		}
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return c, nil
}

// Validate reports every missing setting at once, naming its environment
// variable and config key.
func (c *Config) Validate() error {
	required := map[string]bool{
		"organization_id": true, "environment_id": true, "catalog": true, "database": true,
		"api_key": true, "api_secret": true,
	}
	if c.Endpoint == "" {
		required["cloud"], required["region"] = true, true
	}
	var missing []string
	for _, f := range c.fields() {
		if required[f.key] && strings.TrimSpace(*f.ptr) == "" {
			missing = append(missing, fmt.Sprintf("%s (config key %s)", f.env, f.key))
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return fmt.Errorf("missing Confluent Cloud settings: %s; set the environment variables or pass --confluent-config FILE",
			strings.Join(missing, ", "))
	}
	if c.StatementPrefix != "" && kebab(c.StatementPrefix) != c.StatementPrefix {
		return fmt.Errorf("statement prefix %q: use lower-case letters, digits and hyphens", c.StatementPrefix)
	}
	return nil
}

// BaseURL is the regional Flink endpoint: Endpoint when set, else
// https://flink.<region>.<cloud>.confluent.cloud.
func (c *Config) BaseURL() string {
	if c.Endpoint != "" {
		return strings.TrimRight(c.Endpoint, "/")
	}
	return fmt.Sprintf("https://flink.%s.%s.confluent.cloud", strings.ToLower(c.Region), strings.ToLower(c.Cloud))
}

// Properties are the statement properties every statement carries.
func (c *Config) Properties() map[string]string {
	p := map[string]string{}
	if c.Catalog != "" {
		p["sql.current-catalog"] = c.Catalog
	}
	if c.Database != "" {
		p["sql.current-database"] = c.Database
	}
	return p
}

func (c *Config) prefix() string {
	if c.StatementPrefix == "" {
		return DefaultPrefix
	}
	return c.StatementPrefix
}

// redactText replaces every occurrence of the secret in s.
func redactText(s, secret string) string {
	if secret == "" {
		return s
	}
	return strings.ReplaceAll(s, secret, redacted)
}
