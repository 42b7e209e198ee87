package domain

import (
	"context"
	"fmt"
)

// A CreateRecord is written by a creating store method (CreateNewOrders,
// CreateOrders, CreateCustomer, CreateInventory) in the same transaction
// as what it creates, so after a crash at any moment either both exist or
// neither does:
//   - Key: the Idempotency-Key of the request, answered with Answer(what
//     was created). The key is taken first in the transaction, so of
//     several requests with one key exactly one creates; the others wait
//     for it (in the database) and get its answer.
//   - DraftID: the wizard draft being submitted, made SUBMITTED with the
//     orders and lines it created. It is taken first likewise, so a draft
//     creates its orders once.
//
// When the key or the draft was used by a request that committed, the
// method creates nothing and returns *AlreadyCreated.
type CreateRecord struct {
	Key     *IdempotencyRequest
	Answer  func(Created) (IdempotentAnswer, error)
	DraftID string

	// Recorded is set once the record was committed with what it created.
	Recorded bool
}

// Created is what a creating store method made, for a CreateRecord.
type Created struct {
	OrderIDs   []int64 // CreateNewOrders, CreateOrders
	LineIDs    []int64 // CreateNewOrders, CreateOrders (new lines)
	CustomerID int64   // CreateCustomer
	Count      int     // CreateInventory: how many items

	QuoteID        int64         // CreateQuote, ConvertQuote
	OrderServiceID int64         // AddOrderService
	PortNumbers    []*PortNumber // AddPortNumbers: the stored ranges

	ReconnectPortID int64 // CreateReconnectPort
}

// Validate checks that the record names something to record.
func (r *CreateRecord) Validate() error {
	if r.Key != nil {
		if err := r.Key.Validate(); err != nil {
			return err
		}
		if r.Answer == nil {
			return fmt.Errorf("create record for Idempotency-Key %q has no answer", r.Key.Key)
		}
	}
	return nil
}

// AlreadyCreated is returned by a creating store method whose record's
// key or draft was used already by a request that committed: this request
// created nothing. Answer is the key's recorded answer (to replay);
// DraftID the draft, now SUBMITTED (to show its result).
type AlreadyCreated struct {
	Answer  *IdempotentAnswer
	DraftID string
}

func (e *AlreadyCreated) Error() string {
	if e.DraftID != "" {
		return "order draft " + e.DraftID + " was submitted already"
	}
	return "Idempotency-Key was answered already"
}

type createRecordKey struct{}

// WithCreateRecord returns ctx carrying rec for the creating store method
// called with it.
func WithCreateRecord(ctx context.Context, rec *CreateRecord) context.Context {
	return context.WithValue(ctx, createRecordKey{}, rec)
}

// CreateRecordFrom returns the record ctx carries, or nil.
func CreateRecordFrom(ctx context.Context) *CreateRecord {
	rec, _ := ctx.Value(createRecordKey{}).(*CreateRecord)
	return rec
}
