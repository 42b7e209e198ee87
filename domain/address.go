package domain

import "strings"

// Address is a postal address (the seed's Address object).
type Address struct {
	ID        int64  `db:"id"`
	FirstName string `db:"first_name"`
	LastName  string `db:"last_name"`
	Address1  string `db:"address1"`
	Address2  string `db:"address2"`
	City      string `db:"city"`
	State     string `db:"state"`
	Zip       string `db:"zip"`
	Zip4      string `db:"zip4"`
	Country   string `db:"country"`
}

// Normalize trims every field, upper-cases State and Country and fills the
// seed's default Country (USA).
func (a *Address) Normalize() {
	for _, p := range []*string{&a.FirstName, &a.LastName, &a.Address1, &a.Address2, &a.City, &a.State, &a.Zip, &a.Zip4, &a.Country} {
		*p = strings.TrimSpace(*p)
	}
	a.State = strings.ToUpper(a.State)
	a.Country = strings.ToUpper(a.Country)
	if a.Country == "" {
		a.Country = "USA"
	}
}

// Validate checks the seed's rules, naming fields under prefix
// ("WirelessPort.Address"). idGiven reports whether the caller sent an ID,
// which the seed prohibits on input.
func (a *Address) Validate(p *Problems, prefix string, idGiven bool) {
	f := func(name string) string {
		if prefix == "" {
			return name
		}
		return prefix + "." + name
	}
	p.Check(!idGiven, f("ID"), "ID is prohibited: a new address is created from these fields")
	p.CheckRule(a.FirstName != "", f("FirstName"), RuleRequired, nil, "FirstName is required")
	p.CheckRule(a.LastName != "", f("LastName"), RuleRequired, nil, "LastName is required")
	p.CheckRule(a.Address1 != "", f("Address1"), RuleRequired, nil, "Address1 is required")
	p.CheckRule(a.City != "", f("City"), RuleRequired, nil, "City is required")
	switch {
	case a.State == "":
		p.AddRule(f("State"), RuleRequired, nil, "State is required")
	case len(a.State) != 2 || !isLetters(a.State):
		p.AddRule(f("State"), RuleLetters, kv("Count", "2"), "State must be 2 letters")
	}
	switch {
	case a.Zip == "":
		p.AddRule(f("Zip"), RuleRequired, nil, "Zip is required")
	case len(a.Zip) != 5 || !AllDigits(a.Zip):
		p.AddRule(f("Zip"), RuleDigits, kv("Count", "5"), "Zip must be 5 digits")
	case a.Country == "USA":
		a.checkUSZip(p, f("Zip"), !p.Has(f("State")))
	}
	p.CheckRule(a.Zip4 == "" || (len(a.Zip4) == 4 && AllDigits(a.Zip4)), f("Zip4"), RuleDigits, kv("Count", "4"), "Zip4 must be 4 digits if specified")
	switch {
	case len(a.Country) != 3 || !isLetters(a.Country):
		p.AddRule(f("Country"), RuleLetters, kv("Count", "3"), "Country must be a 3 character ISO code")
	case !ValidCountry(a.Country):
		p.AddRule(f("Country"), RuleCountryCode, kv("Country", a.Country), "Country %s is not an ISO 3166-1 alpha-3 country code (USA, CAN, MEX, …)", a.Country)
	}
	for _, s := range []struct{ name, v string }{{"FirstName", a.FirstName}, {"LastName", a.LastName}, {"Address1", a.Address1}, {"Address2", a.Address2}, {"City", a.City}} {
		p.CheckRule(len(s.v) <= 100, f(s.name), RuleTooLong, kv("Max", "100"), "%s must be at most 100 characters", s.name)
		CheckChars(p, f(s.name), s.name, s.v)
	}
}

// checkUSZip checks a US address's Zip against the ZIP codes that exist
// and, when stateOK, that it lies in State. Other countries' postal codes
// are not checked beyond their form.
func (a *Address) checkUSZip(p *Problems, field string, stateOK bool) {
	st, ok := ZipState(a.Zip)
	switch {
	case !ok:
		p.AddRule(field, RuleZipUnknown, kv("Zip", a.Zip), "Zip must be a valid zip code: no US ZIP code is %s", a.Zip)
	case stateOK && st != a.State:
		p.AddRule(field, RuleZipOtherState, kv("Zip", a.Zip, "State", a.State, "ZipState", st), "Zip %s is in %s, not in %s: check the Zip and the State", a.Zip, st, a.State)
	}
}

// OneLine is the address as one line of text.
func (a Address) OneLine() string {
	parts := []string{a.Address1}
	if a.Address2 != "" {
		parts = append(parts, a.Address2)
	}
	zip := a.Zip
	if a.Zip4 != "" {
		zip += "-" + a.Zip4
	}
	parts = append(parts, a.City, a.State+" "+zip)
	return strings.Join(parts, ", ")
}

func isLetters(s string) bool {
	for _, c := range s {
		if (c < 'A' || c > 'Z') && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}
