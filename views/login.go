package views

// LoginVM is the sign-in form.
type LoginVM struct {
	Name  string
	Next  string
	Error string

	SignedOut bool // the browser has just signed out
}
