package db

import (
	"context"
	"strings"

	"switchboard/domain"
)

// lineCols reads a line; a line without a package (AddLine's PackageID 0)
// has PackageID 0.
const lineCols = `id, customer_id, tn, COALESCE(package_id, 0) AS package_id, carrier_id, carrier_account_id, line_type_id, description, alt_btn_id, pbx_make, pbx_model, status, suspend_type, created_at`

// FindLineByID returns ENOTFOUND if there is no such line. The line's products come with it.
func (db *DB) FindLineByID(ctx context.Context, id int64) (*domain.Line, error) {
	return findLineByID(ctx, db.R, id)
}

func findLineByID(ctx context.Context, q queryer, id int64) (*domain.Line, error) {
	var l domain.Line
	if err := get(ctx, q, &l, "Line not found.", `SELECT `+lineCols+` FROM lines WHERE id = ?`, id); err != nil {
		return nil, err
	}
	if err := attachProducts(ctx, q, []*domain.Line{&l}); err != nil {
		return nil, err
	}
	return &l, nil
}

// FindLines returns a page of lines by id, with their products, and the
// cursor of the next page.
func (db *DB) FindLines(ctx context.Context, f domain.LineFilter) ([]*domain.Line, string, error) {
	var p domain.Problems
	f.Page.Normalize(&p)
	if f.Status != nil {
		p.Check(domain.OneOf(*f.Status, domain.LineStatuses), "Status", "Status must be one of %s", strings.Join(domain.LineStatuses, ", "))
	}
	if err := p.Err(); err != nil {
		return nil, "", err
	}
	after, err := decodeCursor(f.After)
	if err != nil {
		return nil, "", err
	}
	where, args := []string{"1 = 1"}, []any{}
	if f.CustomerID != nil {
		where, args = append(where, "customer_id = ?"), append(args, *f.CustomerID)
	}
	if f.TN != nil {
		where, args = append(where, "tn = ?"), append(args, domain.NormalizeTN(*f.TN))
	}
	if f.TNPrefix != nil {
		// a range, so the TN index serves it on both engines (':' follows '9')
		pre := domain.NormalizeTN(*f.TNPrefix)
		where, args = append(where, "tn >= ? AND tn < ?"), append(args, pre, pre+":")
	}
	if f.LineID != nil {
		where, args = append(where, "id = ?"), append(args, *f.LineID)
	}
	if f.Status != nil {
		where, args = append(where, "status = ?"), append(args, *f.Status)
	}
	if after != nil {
		where, args = append(where, "id > ?"), append(args, after.ID)
	}
	var ls []*domain.Line
	args = append(args, f.Limit+1)
	if err := sel(ctx, db.R, &ls, `SELECT `+lineCols+` FROM lines WHERE `+strings.Join(where, " AND ")+` ORDER BY id LIMIT ?`, args...); err != nil {
		return nil, "", err
	}
	ls, next := pageOf(ls, f.Limit, func(l *domain.Line) cursor { return cursor{ID: l.ID} })
	return ls, next, attachProducts(ctx, db.R, ls)
}

// attachProducts loads the customer products of every line in ls.
func attachProducts(ctx context.Context, q queryer, ls []*domain.Line) error {
	if len(ls) == 0 {
		return nil
	}
	byID := make(map[int64]*domain.Line, len(ls))
	ids := make([]int64, len(ls))
	for i, l := range ls {
		byID[l.ID], ids[i] = l, l.ID
		l.Products = []*domain.CustomerProduct{}
	}
	query, args, err := in(q, `SELECT id, line_id, product_id, description, rate, quantity FROM customer_products WHERE line_id IN (?) ORDER BY id`, ids)
	if err != nil {
		return err
	}
	var ps []*domain.CustomerProduct
	if err := sel(ctx, q, &ps, query, args...); err != nil {
		return err
	}
	for _, p := range ps {
		byID[p.LineID].Products = append(byID[p.LineID].Products, p)
	}
	return nil
}
