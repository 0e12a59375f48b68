// Package localflink starts and stops the local Apache Flink SQL Gateway
// the dry-run deploy uses: flink.sh (next to this file, also embedded in the
// binary) gathers a Flink 2.x distribution's jars from Maven Central into a
// cache outside the repository and runs the gateway in-process against a
// local mini-cluster, bound to 127.0.0.1.
//
// One gateway serves every caller: flink.sh takes a lock while starting and
// reuses a gateway it started earlier (its pid and URL are recorded in the
// run dir), so parallel test packages share one.
package localflink

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

//go:embed flink.sh
var script []byte

//go:embed pom.xml
var pom []byte

// GatewayEnv names the environment variable that points the tests and the
// validate command at a running gateway instead of starting one.
const GatewayEnv = "C360_FLINK_GATEWAY"

// Missing reports the tools the local Flink needs that are not on PATH
// (java, mvn); nil when all are there.
func Missing() []string {
	var out []string
	for _, tool := range []string{"java", "mvn", "curl", "bash"} {
		if _, err := exec.LookPath(tool); err != nil {
			out = append(out, tool)
		}
	}
	return out
}

// scriptPath writes the embedded flink.sh and pom.xml into a folder of the
// user cache named after their content, and returns the script's path. The
// folder is outside the repository, so the binary works from anywhere.
func scriptPath() (string, error) {
	h := sha256.New()
	h.Write(script)
	h.Write(pom)
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	if v := os.Getenv("XDG_CACHE_HOME"); v != "" {
		base = v
	}
	dir := filepath.Join(base, "c360-migrate", "localflink-"+hex.EncodeToString(h.Sum(nil))[:12])
	sh := filepath.Join(dir, "flink.sh")
	if b, err := os.ReadFile(sh); err == nil && bytes.Equal(b, script) {
		if p, err := os.ReadFile(filepath.Join(dir, "pom.xml")); err == nil && bytes.Equal(p, pom) {
			return sh, nil
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if err := writeAtomic(filepath.Join(dir, "pom.xml"), pom, 0o644); err != nil {
		return "", err
	}
	if err := writeAtomic(sh, script, 0o755); err != nil {
		return "", err
	}
	return sh, nil
}

func writeAtomic(name string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// run runs flink.sh with one command; it returns the URL the script prints
// on stdout, and its stderr in the error.
func run(ctx context.Context, command string, logw *bytes.Buffer) (string, error) {
	sh, err := scriptPath()
	if err != nil {
		return "", fmt.Errorf("local Flink: %w", err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "bash", sh, command)
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	// A gateway that kept the script's pipes open must not block us.
	cmd.WaitDelay = 5 * time.Second
	err = cmd.Run()
	if logw != nil {
		logw.Write(stderr.Bytes())
	}
	url := strings.TrimSpace(lastLine(stdout.String()))
	if err != nil {
		var ee *exec.ExitError
		if command == "status" && errors.As(err, &ee) && ee.ExitCode() == 3 {
			return "", errNotRunning
		}
		return "", fmt.Errorf("local Flink: flink.sh %s: %v\n%s", command, err, strings.TrimSpace(stderr.String()))
	}
	return url, nil
}

var errNotRunning = errors.New("no local Flink SQL Gateway is running")

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// Status returns the URL of the local gateway flink.sh started, or ok=false
// when none is running.
func Status(ctx context.Context) (url string, ok bool, err error) {
	url, err = run(ctx, "status", nil)
	if errors.Is(err, errNotRunning) {
		return "", false, nil
	}
	return url, err == nil, err
}

// Up starts the local gateway, or reuses the one running, and returns its
// URL. The first start downloads the jars (about 150 MB) and can take a few
// minutes; later starts take seconds. log receives flink.sh's messages.
func Up(ctx context.Context, log *bytes.Buffer) (string, error) {
	return run(ctx, "up", log)
}

// Down stops the local gateway flink.sh started, if any.
func Down(ctx context.Context) error {
	_, err := run(ctx, "down", nil)
	return err
}
