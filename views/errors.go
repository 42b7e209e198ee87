package views

import "switchboard/domain"

// ErrorVM is an error page's data.
type ErrorVM struct {
	Status  int
	Title   string
	Message string
	Fields  []domain.FieldError
}
