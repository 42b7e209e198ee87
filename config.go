package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

// flagSet is a FlagSet whose every flag also reads SWITCHBOARD_<NAME> from
// the environment (a flag given on the command line wins).
type flagSet struct {
	*flag.FlagSet
	apply []func() error
}

func newFlagSet(name string) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	return &flagSet{FlagSet: fs}
}

func envName(flagName string) string {
	return "SWITCHBOARD_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

func (f *flagSet) String(name, def, usage string) *string {
	p := f.FlagSet.String(name, def, usage+" (env "+envName(name)+")")
	f.fromEnv(name, func(v string) error { *p = v; return nil })
	return p
}

func (f *flagSet) Bool(name string, def bool, usage string) *bool {
	p := f.FlagSet.Bool(name, def, usage+" (env "+envName(name)+")")
	f.fromEnv(name, func(v string) error {
		switch strings.ToLower(v) {
		case "1", "true", "yes", "on":
			*p = true
		case "0", "false", "no", "off", "":
			*p = false
		default:
			return fmt.Errorf("%s must be true or false", envName(name))
		}
		return nil
	})
	return p
}

// fromEnv applies the variable before flags are parsed, so the command line wins.
func (f *flagSet) fromEnv(name string, set func(string) error) {
	f.apply = append(f.apply, func() error {
		if v, ok := os.LookupEnv(envName(name)); ok {
			return set(v)
		}
		return nil
	})
}

// Parse applies the environment, then the command line.
func (f *flagSet) Parse(args []string) error {
	for _, a := range f.apply {
		if err := a(); err != nil {
			return err
		}
	}
	return f.FlagSet.Parse(args)
}

// dbFlags are the flags every command that opens the database takes.
type dbFlags struct {
	DSN      *string
	KeysFile *string
}

func addDBFlags(f *flagSet) dbFlags {
	return dbFlags{
		DSN:      f.String("db", "switchboard.db", "SQLite file path or postgres:// URL"),
		KeysFile: f.String("keys-file", "", "where generated session and data keys are kept when SWITCHBOARD_SESSION_KEY/SWITCHBOARD_DATA_KEY are not set (default: beside the SQLite file, or ./switchboard.keys)"),
	}
}
