package verify

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/c360-migrate/c360-migrate/validate/gateway"
	"github.com/c360-migrate/c360-migrate/validate/localflink/flinktest"
)

// repoRoot is the repository's root, two folders up.
func repoRoot(t *testing.T) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func TestVerifyC360(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Spark and Flink")
	}
	url := flinktest.Ensure(t)
	root := repoRoot(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	r, err := Run(ctx, gateway.New(url, nil), filepath.Join(root, "spark_src"), filepath.Join(root, "flink_out"),
		Options{SparkEnv: filepath.Join(root, "validate", "sparkenv"), DataDirs: []string{root}})
	if err != nil {
		t.Fatal(err)
	}
	r.WriteText(os.Stderr)
}
