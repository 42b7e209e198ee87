package domain

// ReferenceIDs are the reference rows a page names: carriers, carrier
// accounts, packages and service types, by id (0 and repeats allowed).
type ReferenceIDs struct {
	Carriers, Accounts, Packages, ServiceTypes []int64
}

// ReferenceNames are the names of ReferenceIDs; an id that names no row
// is absent.
type ReferenceNames struct {
	Carriers, Accounts, Packages, ServiceTypes map[int64]string
}
