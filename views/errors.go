package views

import (
	"net/http"

	"switchboard/domain"
)

// ErrorVM is an error page's data.
type ErrorVM struct {
	Status  int
	Title   string
	Message string
	Fields  []domain.FieldError

	// Link is the way on from here (LinkText says where), or "".
	Link     string
	LinkText string
}

// Heading says in words what went wrong, for the error page's h1.
func (vm ErrorVM) Heading() string {
	switch vm.Status {
	case http.StatusForbidden:
		return "You do not have access to this page"
	case http.StatusNotFound:
		return "Page not found"
	case http.StatusConflict:
		return "Someone else changed this first"
	case http.StatusTooManyRequests:
		return "Too many attempts"
	case http.StatusBadRequest, http.StatusUnprocessableEntity:
		return "Please check what was entered"
	case http.StatusUnauthorized:
		return "Please sign in"
	}
	if vm.Status >= 500 {
		return "Something went wrong on our side"
	}
	return vm.Title
}
