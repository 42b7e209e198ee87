package db

import (
	"context"

	"switchboard/domain"
)

// AddServiceDesign adds d as CreateServiceDesign does.
func (l *Loader) AddServiceDesign(ctx context.Context, d *domain.ServiceDesign) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return createServiceDesign(ctx, l.tx, d)
}

// AddQuote opens a quote as CreateQuote does, by the user in ctx at Now.
func (l *Loader) AddQuote(ctx context.Context, customerID int64) (*domain.Quote, error) {
	return l.db.createQuote(ctx, l.tx, customerID)
}

// AddOrderService adds a service to a quote as AddOrderService does.
func (l *Loader) AddOrderService(ctx context.Context, quoteID, designID int64) (*domain.OrderService, error) {
	return l.db.addOrderService(ctx, l.tx, quoteID, designID)
}

// AddPortNumbers adds ranges to a service as AddPortNumbers does, with every rule.
func (l *Loader) AddPortNumbers(ctx context.Context, serviceID int64, ins []domain.PortNumberInput) ([]*domain.PortNumber, error) {
	return l.db.addPortNumbers(ctx, l.tx, serviceID, ins)
}

// ConvertQuote makes a quote an order as ConvertQuote does.
func (l *Loader) ConvertQuote(ctx context.Context, id int64) (*domain.Quote, error) {
	return l.db.convertQuote(ctx, l.tx, id)
}
