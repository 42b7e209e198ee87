// Package components holds small view pieces shared by pages.
package components

import "switchboard/domain"

// Errors maps a field path to its messages, for showing beside the field.
type Errors map[string][]string

// ErrorsOf collects the field errors of err in the pages' words (Say).
// Messages with no field are under "".
func ErrorsOf(err error) Errors {
	if err == nil {
		return nil
	}
	out := Errors{}
	fs := domain.ErrorFields(err)
	if len(fs) == 0 {
		out[""] = append(out[""], SayError(err))
	}
	for _, f := range fs {
		out[f.Field] = append(out[f.Field], Say(f))
	}
	return out
}

// Has reports whether field has an error.
func (e Errors) Has(field string) bool { return len(e[field]) > 0 }

// Any reports whether there is any error.
func (e Errors) Any() bool { return len(e) > 0 }

// Input describes one labelled input.
type Input struct {
	Name         string // form name and error key
	Label        string
	Type         string // text by default
	Value        string
	Help         string
	Placeholder  string
	Required     bool
	MaxLength    int
	Pattern      string
	InputMode    string
	Autocomplete string
	Autofocus    bool
	Err          []string
}

// Option is one choice of a select.
type Option struct {
	Value    string
	Label    string
	Selected bool
}
