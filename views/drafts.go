package views

// DraftsVM is My drafts: the signed-in rep's unfinished order wizards.
type DraftsVM struct {
	Drafts []DraftEntry
	// More: there are more open drafts than the page lists.
	More bool
}

// DraftEntry is one unfinished wizard on My drafts.
type DraftEntry struct {
	ID       string
	Wizard   string // "New service", "Change service"
	What     string // what the change does, "Suspend a line"; "" when not chosen or a new service
	Customer string // "" before one is chosen
	Step     string // "Step 4 of 7: Device and SIM", the step it resumes at
	Resume   string // the step's address (the wizard's start for an older draft)
	Discard  string // the confirmation's address
	Saved    string // when it was saved last
	SavedAgo string
	SavedISO string
	Expires  string // when it is forgotten unless saved again
	// Older: kept by an older form of the wizard; it cannot be resumed,
	// only started again.
	Older bool
}

// Title is the draft's heading: the wizard and what it does.
func (d DraftEntry) Title() string {
	if d.What != "" {
		return d.Wizard + ": " + d.What
	}
	return d.Wizard
}

// For is whom the draft is for, in words.
func (d DraftEntry) For() string {
	if d.Customer == "" {
		return "No customer chosen yet"
	}
	return "For " + d.Customer
}
