package db

import (
	"context"
	"strconv"
	"strings"

	"switchboard/domain"
)

type customerRow struct {
	domain.Customer
	NameLower string `db:"name_lower"`
	SSNEnc    string `db:"ssn_enc"`
	TaxIDEnc  string `db:"tax_id_enc"`
}

const customerCols = `id, name, name_lower, status, bill_profile_id, service_address_id, ssn_enc, tax_id_enc, created_at`

// FindCustomerByID returns ENOTFOUND if there is no such customer.
func (db *DB) FindCustomerByID(ctx context.Context, id int64) (*domain.Customer, error) {
	return db.findCustomerByID(ctx, db.R, id)
}

func (db *DB) findCustomerByID(ctx context.Context, q queryer, id int64) (*domain.Customer, error) {
	var r customerRow
	if err := get(ctx, q, &r, "Customer not found.", `SELECT `+customerCols+` FROM customers WHERE id = ?`, id); err != nil {
		return nil, err
	}
	c, err := db.customerFromRow(&r)
	if err != nil {
		return nil, err
	}
	a, err := findAddressByID(ctx, q, c.ServiceAddressID)
	if err != nil {
		return nil, err
	}
	c.ServiceAddress = *a
	return c, nil
}

func (db *DB) customerFromRow(r *customerRow) (*domain.Customer, error) {
	c := r.Customer
	var err error
	if c.SSN, err = db.Cipher.Open(r.SSNEnc); err != nil {
		return nil, err
	}
	if c.TaxID, err = db.Cipher.Open(r.TaxIDEnc); err != nil {
		return nil, err
	}
	return &c, nil
}

// FindCustomers returns a page of customers ordered by name. Search matches
// part of the name, the customer id, or the TN of one of its lines.
func (db *DB) FindCustomers(ctx context.Context, f domain.CustomerFilter) ([]*domain.Customer, string, error) {
	var p domain.Problems
	f.Page.Normalize(&p)
	if err := p.Err(); err != nil {
		return nil, "", err
	}
	after, err := decodeCursor(f.After)
	if err != nil {
		return nil, "", err
	}
	where, args := []string{"1 = 1"}, []any{}
	if s := strings.TrimSpace(f.Search); s != "" {
		conds := []string{"name_lower LIKE ? ESCAPE '\\'"}
		args = append(args, "%"+escapeLike(strings.ToLower(s))+"%")
		if id, err := strconv.ParseInt(s, 10, 64); err == nil {
			conds = append(conds, "id = ?")
			args = append(args, id)
		}
		if tn := domain.NormalizeTN(s); len(tn) >= 4 && domain.AllDigits(tn) {
			conds = append(conds, "id IN (SELECT customer_id FROM lines WHERE tn LIKE ?)")
			args = append(args, tn+"%")
		}
		where = append(where, "("+strings.Join(conds, " OR ")+")")
	}
	if len(f.LineStatuses) > 0 {
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(f.LineStatuses)), ", ")
		where = append(where, "id IN (SELECT customer_id FROM lines WHERE status IN ("+marks+"))")
		for _, st := range f.LineStatuses {
			args = append(args, st)
		}
	}
	if after != nil {
		where = append(where, "(name_lower > ? OR (name_lower = ? AND id > ?))")
		args = append(args, after.Text, after.Text, after.ID)
	}
	var rows []*customerRow
	args = append(args, f.Limit+1)
	if err := sel(ctx, db.R, &rows, `SELECT `+customerCols+` FROM customers WHERE `+strings.Join(where, " AND ")+` ORDER BY name_lower, id LIMIT ?`, args...); err != nil {
		return nil, "", err
	}
	rows, next := pageOf(rows, f.Limit, func(r *customerRow) cursor { return cursor{ID: r.ID, Text: r.NameLower} })
	out := make([]*domain.Customer, len(rows))
	ids := make([]int64, len(rows))
	for i, r := range rows {
		if out[i], err = db.customerFromRow(r); err != nil {
			return nil, "", err
		}
		ids[i] = out[i].ServiceAddressID
	}
	addrs, err := findAddressesByID(ctx, db.R, ids)
	if err != nil {
		return nil, "", err
	}
	for _, c := range out {
		if a := addrs[c.ServiceAddressID]; a != nil {
			c.ServiceAddress = *a
		}
	}
	return out, next, nil
}

// CreateCustomer stores c and its service address, with the
// domain.CreateRecord in ctx if any (see CreateNewOrders). Returns
// EINVALID for bad input.
func (db *DB) CreateCustomer(ctx context.Context, c *domain.Customer) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return db.inCreateTx(ctx, func(tx *Tx) (domain.Created, error) {
		if err := db.createCustomer(ctx, tx, c); err != nil {
			return domain.Created{}, err
		}
		return domain.Created{CustomerID: c.ID}, nil
	})
}

func (db *DB) createCustomer(ctx context.Context, tx *Tx, c *domain.Customer) error {
	var n int
	if err := get(ctx, tx, &n, "", `SELECT COUNT(*) FROM bill_profiles WHERE id = ?`, c.BillProfileID); err != nil {
		return err
	} else if n == 0 {
		return domain.FieldErrorf("BillProfileID", "BillProfileID %d does not exist", c.BillProfileID)
	}
	aid, err := createAddress(ctx, tx, &c.ServiceAddress)
	if err != nil {
		return err
	}
	c.ServiceAddressID, c.CreatedAt = aid, tx.Now
	c.ID, err = insert(ctx, tx, `INSERT INTO customers (name, name_lower, status, bill_profile_id, service_address_id, ssn_enc, tax_id_enc, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.Name, strings.ToLower(c.Name), c.Status, c.BillProfileID, aid,
		db.Cipher.Seal(c.SSN), db.Cipher.Seal(c.TaxID), c.CreatedAt)
	if err != nil {
		return err
	}
	changes := map[string]domain.Change{"Name": {nil, c.Name}, "Status": {nil, c.Status}, "BillProfileID": {nil, c.BillProfileID},
		"ServiceAddress": {nil, c.ServiceAddress.OneLine()}}
	if !c.SSN.IsZero() {
		changes["SSN"] = domain.Change{nil, c.SSN.Masked()}
	}
	if !c.TaxID.IsZero() {
		changes["TaxID"] = domain.Change{nil, c.TaxID.Masked()}
	}
	return insertAudit(ctx, tx, domain.EntityCustomer, c.ID, "create", changes)
}

// FindAddressByID returns ENOTFOUND if there is no such address.
func (db *DB) FindAddressByID(ctx context.Context, id int64) (*domain.Address, error) {
	return findAddressByID(ctx, db.R, id)
}

const addressCols = `id, first_name, last_name, address1, address2, city, state, zip, zip4, country`

func findAddressByID(ctx context.Context, q queryer, id int64) (*domain.Address, error) {
	var a domain.Address
	if err := get(ctx, q, &a, "Address not found.", `SELECT `+addressCols+` FROM addresses WHERE id = ?`, id); err != nil {
		return nil, err
	}
	return &a, nil
}

func findAddressesByID(ctx context.Context, q queryer, ids []int64) (map[int64]*domain.Address, error) {
	out := map[int64]*domain.Address{}
	if len(ids) == 0 {
		return out, nil
	}
	query, args, err := in(q, `SELECT `+addressCols+` FROM addresses WHERE id IN (?)`, ids)
	if err != nil {
		return nil, err
	}
	var as []*domain.Address
	if err := sel(ctx, q, &as, query, args...); err != nil {
		return nil, err
	}
	for _, a := range as {
		out[a.ID] = a
	}
	return out, nil
}

// createAddress stores a (already validated) and returns its id.
func createAddress(ctx context.Context, tx *Tx, a *domain.Address) (int64, error) {
	id, err := insert(ctx, tx, `INSERT INTO addresses (first_name, last_name, address1, address2, city, state, zip, zip4, country)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, a.FirstName, a.LastName, a.Address1, a.Address2, a.City, a.State, a.Zip, a.Zip4, a.Country)
	a.ID = id
	return id, err
}

// FindBillProfiles lists every bill profile by name.
func (db *DB) FindBillProfiles(ctx context.Context) ([]*domain.BillProfile, error) {
	var out []*domain.BillProfile
	err := sel(ctx, db.R, &out, `SELECT id, name FROM bill_profiles ORDER BY name`)
	return out, err
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
