package db

import (
	"context"
	"fmt"

	"switchboard/domain"
)

const quoteCols = `q.id, q.customer_id, c.name AS customer_name, q.is_quote, q.created_at, q.converted_at`

// CreateQuote opens a quote for customer customerID. Returns EINVALID
// (field CustomerID) if there is no such customer.
func (db *DB) CreateQuote(ctx context.Context, customerID int64) (*domain.Quote, error) {
	var q *domain.Quote
	err := db.inCreateTx(ctx, func(tx *Tx) (_ domain.Created, err error) {
		q, err = db.createQuote(ctx, tx, customerID)
		if err != nil {
			return domain.Created{}, err
		}
		return domain.Created{QuoteID: q.ID}, nil
	})
	return q, err
}

func (db *DB) createQuote(ctx context.Context, tx *Tx, customerID int64) (*domain.Quote, error) {
	if _, err := db.findCustomerByID(ctx, tx, customerID); domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil, domain.FieldErrorf("CustomerID", "Customer %d not found", customerID)
	} else if err != nil {
		return nil, err
	}
	var createdBy *int64
	if u := domain.UserFromContext(ctx); u != nil {
		createdBy = &u.ID
	}
	id, err := insert(ctx, tx, `INSERT INTO quotes (customer_id, is_quote, created_at, created_by) VALUES (?, ?, ?, ?)`, customerID, true, tx.Now, createdBy)
	if err != nil {
		return nil, err
	}
	if err := insertAudit(ctx, tx, domain.EntityQuote, id, "quote started", map[string]domain.Change{"Customer": {nil, customerID}}); err != nil {
		return nil, err
	}
	return findQuote(ctx, tx, id)
}

// FindQuoteByID returns the quote with its order services, their designs
// and port numbers. Returns ENOTFOUND if there is no such quote.
func (db *DB) FindQuoteByID(ctx context.Context, id int64) (*domain.Quote, error) {
	q, err := findQuote(ctx, db.R, id)
	if err != nil {
		return nil, err
	}
	var ids []int64
	if err := sel(ctx, db.R, &ids, `SELECT id FROM order_services WHERE quote_id = ? ORDER BY id`, id); err != nil {
		return nil, err
	}
	q.OrderServices = []*domain.OrderService{}
	for _, sid := range ids {
		s, err := findOrderService(ctx, db.R, sid, "")
		if err != nil {
			return nil, err
		}
		q.OrderServices = append(q.OrderServices, s)
	}
	return q, nil
}

func findQuote(ctx context.Context, q queryer, id int64) (*domain.Quote, error) {
	var out domain.Quote
	if err := get(ctx, q, &out, "Quote not found.", `SELECT `+quoteCols+` FROM quotes q JOIN customers c ON c.id = q.customer_id WHERE q.id = ?`, id); err != nil {
		return nil, err
	}
	return &out, nil
}

// FindQuotesByCustomer lists a customer's quotes, newest first, without services.
func (db *DB) FindQuotesByCustomer(ctx context.Context, customerID int64) ([]*domain.Quote, error) {
	var out []*domain.Quote
	err := sel(ctx, db.R, &out, `SELECT `+quoteCols+` FROM quotes q JOIN customers c ON c.id = q.customer_id WHERE q.customer_id = ? ORDER BY q.id DESC LIMIT 100`, customerID)
	return out, err
}

// lockQuote reads quote id for a write, locking its row until the
// transaction ends (SQLite's single writer already holds everything).
func (db *DB) lockQuote(ctx context.Context, tx *Tx, id int64) (*domain.Quote, error) {
	var out domain.Quote
	if err := get(ctx, tx, &out, "Quote not found.", `SELECT id, customer_id, is_quote, created_at, converted_at FROM quotes WHERE id = ?`+db.Dialect.ForUpdate(), id); err != nil {
		return nil, err
	}
	return &out, nil
}

// AddOrderService adds a service made from design designID to quote
// quoteID. Returns ENOTFOUND for an unknown quote, EINVALID (field
// ServiceDesignID) for an unknown design, EFORBIDDEN once converted.
func (db *DB) AddOrderService(ctx context.Context, quoteID, designID int64) (*domain.OrderService, error) {
	var out *domain.OrderService
	err := db.inCreateTx(ctx, func(tx *Tx) (_ domain.Created, err error) {
		out, err = db.addOrderService(ctx, tx, quoteID, designID)
		if err != nil {
			return domain.Created{}, err
		}
		return domain.Created{OrderServiceID: out.ID}, nil
	})
	return out, err
}

func (db *DB) addOrderService(ctx context.Context, tx *Tx, quoteID, designID int64) (*domain.OrderService, error) {
	q, err := db.lockQuote(ctx, tx, quoteID)
	if err != nil {
		return nil, err
	}
	if err := domain.CheckQuoteOpen(q); err != nil {
		return nil, err
	}
	d, err := findServiceDesign(ctx, tx, designID)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil, domain.FieldErrorf("ServiceDesignID", "Service design %d not found", designID)
	} else if err != nil {
		return nil, err
	}
	id, err := insert(ctx, tx, `INSERT INTO order_services (quote_id, service_design_id, created_at) VALUES (?, ?, ?)`, quoteID, designID, tx.Now)
	if err != nil {
		return nil, err
	}
	if err := insertAudit(ctx, tx, domain.EntityQuote, quoteID, "service added", map[string]domain.Change{
		"Service": {nil, id}, "Design": {nil, d.Name}}); err != nil {
		return nil, err
	}
	return findOrderService(ctx, tx, id, "")
}

// ConvertQuote makes quote id an order. Returns ENOTFOUND, and EFORBIDDEN
// if it is already one. It waits for any port-number write on the quote's
// services (they lock the quote's row), and every later one sees it closed.
func (db *DB) ConvertQuote(ctx context.Context, id int64) (*domain.Quote, error) {
	var out *domain.Quote
	err := db.inCreateTx(ctx, func(tx *Tx) (_ domain.Created, err error) {
		out, err = db.convertQuote(ctx, tx, id)
		if err != nil {
			return domain.Created{}, err
		}
		return domain.Created{QuoteID: id}, nil
	})
	return out, err
}

func (db *DB) convertQuote(ctx context.Context, tx *Tx, id int64) (*domain.Quote, error) {
	q, err := db.lockQuote(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if !q.IsQuote {
		return nil, domain.Errorf(domain.EFORBIDDEN, "Quote %d is already an order", id)
	}
	if _, err := exec(ctx, tx, `UPDATE quotes SET is_quote = ?, converted_at = ? WHERE id = ?`, false, tx.Now, id); err != nil {
		return nil, err
	}
	if err := insertAudit(ctx, tx, domain.EntityQuote, id, "converted to order", map[string]domain.Change{"Quote": {"open quote", "order"}}); err != nil {
		return nil, err
	}
	return findQuote(ctx, tx, id)
}

// FindOrderService returns the service with its design and port numbers.
// Returns the seed's ENOTFOUND (field OrderServices.OrderServiceID) if
// there is no such service.
func (db *DB) FindOrderService(ctx context.Context, id int64) (*domain.OrderService, error) {
	return findOrderService(ctx, db.R, id, "")
}

// findOrderService reads service id with its design and ranges; lock is
// the dialect's FOR UPDATE when the caller writes (it locks the service's
// and its quote's rows).
func findOrderService(ctx context.Context, q queryer, id int64, lock string) (*domain.OrderService, error) {
	var s domain.OrderService
	err := get(ctx, q, &s, "", `SELECT os.id, os.quote_id, os.service_design_id, qu.is_quote, qu.customer_id
		FROM order_services os JOIN quotes qu ON qu.id = os.quote_id WHERE os.id = ?`+lock, id)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil, domain.ErrOrderServiceNotFound(id)
	} else if err != nil {
		return nil, err
	}
	d, err := findServiceDesign(ctx, q, s.ServiceDesignID)
	if err != nil {
		return nil, fmt.Errorf("design of order service %d: %w", id, err)
	}
	s.Design = *d
	if err := sel(ctx, q, &s.PortNumbers, `SELECT `+portNumberCols+` FROM port_numbers WHERE order_service_id = ? ORDER BY length(first_number), first_number, id`, id); err != nil {
		return nil, err
	}
	if s.PortNumbers == nil {
		s.PortNumbers = []*domain.PortNumber{}
	}
	return &s, nil
}
