package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCommandLine(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "sb.db")
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx := context.Background()
	runCmd := func(stdin string, args ...string) (string, error) {
		var out bytes.Buffer
		err := run(ctx, args, strings.NewReader(stdin), &out, log)
		return out.String(), err
	}
	t.Run("Migrate", func(t *testing.T) {
		out, err := runCmd("", "migrate", "--db", dbPath)
		if err != nil || !strings.Contains(out, "up to date") {
			t.Fatalf("migrate: %v %q", err, out)
		}
		if _, err := os.Stat(filepath.Join(dir, "sb.keys")); err != nil {
			t.Fatalf("keys file beside the database: %v", err)
		}
	})
	t.Run("UserAdd", func(t *testing.T) {
		out, err := runCmd("s3cret-pass\n", "user", "add", "--db", dbPath, "--name", "ops", "--role", "supervisor")
		if err != nil || !strings.Contains(out, "ops added") {
			t.Fatalf("user add: %v %q", err, out)
		}
	})
	t.Run("ErrUserAddBadRole", func(t *testing.T) {
		if _, err := runCmd("s3cret-pass\n", "user", "add", "--db", dbPath, "--name", "x", "--role", "boss"); err == nil {
			t.Fatal("want an error for an unknown role")
		}
	})
	t.Run("ErrUserAddShortPassword", func(t *testing.T) {
		if _, err := runCmd("abc\n", "user", "add", "--db", dbPath, "--name", "y", "--role", "rep"); err == nil {
			t.Fatal("want an error for a short password")
		}
	})
	t.Run("ErrUserAddWeakPassword", func(t *testing.T) {
		for pw, want := range map[string]string{
			"demo\n":          "at least 8",
			"password1\n":     "most common",
			"iloveyou\n":      "most common",
			"weak-rep-2026\n": "user name",
		} {
			_, err := runCmd(pw, "user", "add", "--db", dbPath, "--name", "weak-rep", "--role", "rep")
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("password %q: %v, want an error saying %q", strings.TrimSpace(pw), err, want)
			}
		}
	})
	t.Run("ErrUserAddTaken", func(t *testing.T) {
		_, err := runCmd("s3cret-pass\n", "user", "add", "--db", dbPath, "--name", "ops", "--role", "rep")
		if err == nil || !strings.Contains(err.Error(), "already exists") {
			t.Fatalf("want a clear conflict, got %v", err)
		}
	})
	t.Run("TokenCreate", func(t *testing.T) {
		out, err := runCmd("", "token", "create", "--db", dbPath, "--user", "ops")
		if err != nil || !strings.HasPrefix(strings.TrimSpace(out), "sbt_") {
			t.Fatalf("token create: %v %q", err, out)
		}
	})
	t.Run("ErrTokenUnknownUser", func(t *testing.T) {
		if _, err := runCmd("", "token", "create", "--db", dbPath, "--user", "nobody"); err == nil {
			t.Fatal("want an error for an unknown user")
		}
	})
	t.Run("EnvironmentFlags", func(t *testing.T) {
		t.Setenv("SWITCHBOARD_DB", dbPath)
		if out, err := runCmd("", "migrate"); err != nil || !strings.Contains(out, "up to date") {
			t.Fatalf("migrate with SWITCHBOARD_DB: %v %q", err, out)
		}
	})
	t.Run("ErrUnknownCommand", func(t *testing.T) {
		if _, err := runCmd("", "frobnicate"); err == nil {
			t.Fatal("want an error")
		}
	})
}

func TestLoadKeys(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "k.keys")
	k1, err := loadKeys("", "", file, "")
	if err != nil {
		t.Fatal(err)
	}
	k2, err := loadKeys("", "", file, "")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(k1.Data, k2.Data) || !bytes.Equal(k1.Session[0], k2.Session[0]) {
		t.Fatal("keys generated once must be read back the same")
	}
	if st, _ := os.Stat(file); st.Mode().Perm() != 0o600 {
		t.Fatalf("keys file mode %v, want 0600", st.Mode().Perm())
	}
	hex := strings.Repeat("ab", 32)
	k3, err := loadKeys(hex+","+strings.Repeat("cd", 32), hex, filepath.Join(dir, "unused.keys"), "")
	if err != nil || len(k3.Session) != 2 || k3.Data[0] != 0xab {
		t.Fatalf("configured keys: %v %+v", err, k3)
	}
	if _, err := os.Stat(filepath.Join(dir, "unused.keys")); err == nil {
		t.Fatal("configured keys must not write a keys file")
	}
	if _, err := loadKeys("short", "", file, ""); err == nil {
		t.Fatal("a short session key must be refused")
	}
}
