package app

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/review"
	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/translate/manifest"
	"github.com/c360-migrate/c360-migrate/translate/report"
	"github.com/c360-migrate/c360-migrate/translate/result"
)

// prFile is the pull-request description's name on the branch, in --out.
const prFile = "PULL_REQUEST.md"

// branchFlags returns new flags for migrate's review branch.
func branchFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "branch", Usage: "write the output on the new git branch `NAME` of the repository holding --out " +
			"(one commit per table, then the shared files, the reports inside the repository and " + prFile + "), " +
			"leaving the current branch, index and working tree untouched; an existing NAME is refused (exit 2) unless --force"},
		&cli.StringFlag{Name: "pr-description", Usage: "also write the pull-request description (Markdown) to `FILE`, - for standard output"},
	}
}

// openReview checks the flags of the review branch and finds the repository
// for --branch before any work is done, so a wrong --out or branch name
// fails at once; nil without --branch.
func (e *env) openReview(c *cli.Context) (*review.Repo, error) {
	if c.Bool("check") && c.String("pr-description") != "" {
		return nil, usagef("migrate", "--pr-description and --check exclude each other: --check writes nothing")
	}
	name := c.String("branch")
	if name == "" {
		return nil, nil
	}
	if c.Bool("check") {
		return nil, usagef("migrate", "--branch and --check exclude each other: --check writes nothing")
	}
	repo, err := review.Open(c.Context, c.String("out"))
	if err == nil {
		_, err = repo.CheckBranch(c.Context, name, c.Bool("force"))
	}
	if err != nil {
		return nil, e.branchError(err)
	}
	return repo, nil
}

// branchError prints err and maps it to an exit code: the user's choice of
// --out or branch name is a usage error, git missing or failing internal.
func (e *env) branchError(err error) error {
	fmt.Fprintf(e.stderr, "%s: error: --branch: %v\n", Name, err)
	for _, u := range []error{review.ErrNotRepository, review.ErrBranchExists, review.ErrCheckedOut, review.ErrBadBranch, review.ErrBranchClash} {
		if errors.Is(err, u) {
			return exitWith(ExitUsage)
		}
	}
	return exitWith(ExitInternal)
}

// publish is migrate --branch: the output, the reports that belong to the
// repository and the pull-request description are committed on the new
// branch; nothing is written into the working tree. Reports asked for
// outside the repository are written there as usual.
//
// The branch gets the manifest too, so a checkout of it re-runs
// incrementally; hand-edit detection does not apply (the branch starts
// from HEAD's committed output, and edits show in its diff).
func (e *env) publish(c *cli.Context, run *result.Run, repo *review.Repo, inc *incremental, dryRun string) error {
	pr := report.PullRequest(run, report.PROptions{Command: e.command(), Out: repo.Out})
	extra := map[string][]byte{repo.Path(prFile): []byte(pr)}
	if rdir := c.String("report"); rdir != "" {
		if rel, inside := repo.Rel(rdir); inside {
			files, err := reportFiles(run)
			if err != nil {
				fmt.Fprintf(e.stderr, "%s: error: computing the report: %v\n", Name, err)
				return exitWith(ExitInternal)
			}
			for name, data := range files {
				extra[path.Join(rel, name)] = data
			}
		} else if err := writeReports(run, rdir); err != nil {
			fmt.Fprintf(e.stderr, "%s: error: writing the report: %v\n", Name, err)
			return exitWith(ExitInternal)
		}
	}
	pub, err := repo.Publish(c.Context, review.Request{
		Branch: c.String("branch"), Force: c.Bool("force"), Run: run, Extra: extra,
		Emit: emit.Options{Env: c.String("env"), Region: c.String("region")},
		Record: func(w *emit.Written) (map[string][]byte, error) {
			data, err := inc.manifest(run, w.Files, dryRun)
			return map[string][]byte{manifest.FileName: data}, err
		},
	})
	if err != nil {
		if c.Context.Err() != nil {
			return c.Context.Err()
		}
		return e.branchError(err)
	}
	if err := e.writePR(c, run, pr); err != nil {
		return err
	}
	if name := c.String("sarif"); name != "" {
		if err := writeSARIF(run, c.String("out"), name); err != nil {
			fmt.Fprintf(e.stderr, "%s: error: writing SARIF: %v\n", Name, err)
			return exitWith(ExitInternal)
		}
	}
	fmt.Fprint(e.stdout, report.Summary(run))
	for _, cm := range pub.Commits {
		fmt.Fprintf(e.stdout, "  %s %s\n", short(cm.SHA), cm.Subject)
	}
	from := "an empty history"
	if pub.Base != "" {
		from = short(pub.Base) + " (HEAD)"
	}
	verb := "created"
	if pub.Replaced != "" {
		verb = "replaced (was " + short(pub.Replaced) + ")"
	}
	fmt.Fprintf(e.stdout, "branch %s %s: %d %s on %s in %s; your branch, index and working tree are untouched\n",
		pub.Branch, verb, len(pub.Commits), pluralWord(len(pub.Commits), "commit", "commits"), from, repo.Root)
	if n := len(pub.Unchanged); n > 0 {
		fmt.Fprintf(e.stdout, "%d %s already up to date in HEAD, no commit\n", n, pluralWord(n, "table", "tables"))
	}
	if pub.FallbackIdentity {
		fmt.Fprintf(e.stdout, "note: git has no user identity here; committed as %s <%s> (set user.name and user.email to commit as yourself)\n",
			review.FallbackName, review.FallbackEmail)
	}
	revs := pub.Branch
	if pub.Base != "" {
		revs = short(pub.Base) + ".." + pub.Branch
	}
	fmt.Fprintf(e.stdout, "review: git log --stat %s; the pull-request description is %s on the branch\n", revs, repo.Path(prFile))
	return migrateExit(run)
}

// writePR writes the pull-request description to --pr-description.
func (e *env) writePR(c *cli.Context, run *result.Run, pr string) error {
	name := c.String("pr-description")
	switch name {
	case "":
		return nil
	case "-":
		fmt.Fprint(e.stdout, pr)
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		fmt.Fprintf(e.stderr, "%s: error: writing the pull-request description: %v\n", Name, err)
		return exitWith(ExitInternal)
	}
	if _, err := emit.WriteFileAtomic(emit.OS, name, []byte(pr)); err != nil {
		fmt.Fprintf(e.stderr, "%s: error: writing the pull-request description: %v\n", Name, err)
		return exitWith(ExitInternal)
	}
	return nil
}

// llmOut is the folder whose .llm-cache the LLM loop uses unless
// --llm-cache says otherwise: --out, but with --branch, which writes nothing
// into the working tree, a folder of the user's cache for this repository
// and --out.
func llmOut(c *cli.Context, repo *review.Repo) string {
	if repo == nil {
		return c.String("out")
	}
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	sum := sha256.Sum256([]byte(repo.Root + "\x00" + repo.Out))
	return filepath.Join(base, "c360-migrate", "branch-"+hex.EncodeToString(sum[:6]))
}

// reportFiles returns report.md, report.json and junit.xml by name.
func reportFiles(run *result.Run) (map[string][]byte, error) {
	js, err := report.JSON(run)
	if err != nil {
		return nil, err
	}
	junit, err := report.JUnit(run)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{"report.md": []byte(report.Markdown(run)), "report.json": js, junitFile: junit}, nil
}

// command is the command line of this run, quoted for a POSIX shell.
func (e *env) command() string {
	parts := []string{Name}
	for _, a := range e.args {
		parts = append(parts, shellQuote(a))
	}
	return strings.Join(parts, " ")
}

func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./=:,+@%-") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func short(sha string) string {
	if len(sha) > 10 {
		return sha[:10]
	}
	return sha
}
