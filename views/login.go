package views

// LoginVM is the sign-in form.
type LoginVM struct {
	Name  string
	Next  string
	Error string
}
