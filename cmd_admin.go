package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"switchboard/domain"
	"switchboard/web/auth"
)

func cmdMigrate(ctx context.Context, args []string, stdout io.Writer, log *slog.Logger) error {
	f := newFlagSet("migrate")
	dbf := addDBFlags(f)
	dataKey := f.String("data-key", "", "key that encrypts secrets at rest")
	if err := f.Parse(args); err != nil {
		return err
	}
	d, _, err := openDB(ctx, *dbf.DSN, *dbf.KeysFile, "", *dataKey, log)
	if err != nil {
		return err
	}
	defer d.Close()
	fmt.Fprintln(stdout, "database is up to date")
	return nil
}

func cmdUserAdd(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer, log *slog.Logger) error {
	f := newFlagSet("user add")
	dbf := addDBFlags(f)
	dataKey := f.String("data-key", "", "key that encrypts secrets at rest")
	name := f.String("name", "", "user name")
	role := f.String("role", "", "support, rep, supervisor or admin")
	if err := f.Parse(args); err != nil {
		return err
	}
	r, err := domain.ParseRole(*role)
	if err != nil {
		return fmt.Errorf("--role must be support, rep, supervisor or admin")
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && err != io.EOF {
		return err
	}
	pw := strings.TrimRight(line, "\r\n")
	if err := domain.ValidatePassword(*name, pw); err != nil {
		return fmt.Errorf("password (read from stdin): %s", domain.ErrorMessage(err))
	}
	hash, err := auth.Bcrypt{}.Hash(pw)
	if err != nil {
		return err
	}
	d, _, err := openDB(ctx, *dbf.DSN, *dbf.KeysFile, "", *dataKey, log)
	if err != nil {
		return err
	}
	defer d.Close()
	u := &domain.User{Name: *name, Role: r, PasswordHash: hash}
	if err := d.CreateUser(ctx, u); err != nil {
		return fmt.Errorf("%s", domain.ErrorMessage(err))
	}
	fmt.Fprintf(stdout, "user %s added with role %s\n", u.Name, u.Role)
	return nil
}

func cmdTokenCreate(ctx context.Context, args []string, stdout io.Writer, log *slog.Logger) error {
	f := newFlagSet("token create")
	dbf := addDBFlags(f)
	dataKey := f.String("data-key", "", "key that encrypts secrets at rest")
	user := f.String("user", "", "the user the token acts as")
	name := f.String("name", "cli", "a label for the token")
	if err := f.Parse(args); err != nil {
		return err
	}
	if *user == "" {
		return fmt.Errorf("--user is required")
	}
	d, _, err := openDB(ctx, *dbf.DSN, *dbf.KeysFile, "", *dataKey, log)
	if err != nil {
		return err
	}
	defer d.Close()
	u, err := d.FindUserByName(ctx, *user)
	if err != nil {
		return fmt.Errorf("user %q: %s", *user, domain.ErrorMessage(err))
	}
	token, hash := auth.NewToken()
	if err := d.CreateAPIToken(ctx, &domain.APIToken{UserID: u.ID, Name: *name, Hash: hash}); err != nil {
		return fmt.Errorf("%s", domain.ErrorMessage(err))
	}
	fmt.Fprintln(stdout, token)
	return nil
}
