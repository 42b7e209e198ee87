package db

import (
	"context"

	"switchboard/domain"
)

// inCreateTx runs create in a retrying write transaction together with the
// domain.CreateRecord that ctx carries, if any: the record's key and draft
// are taken first (a request holding them already makes this one wait for
// its commit), then create runs, then the key's answer and the draft's
// result are written from what create made, and all of it commits at once.
// When the key or the draft was used already it returns
// *domain.AlreadyCreated and creates nothing.
func (db *DB) inCreateTx(ctx context.Context, create func(tx *Tx) (domain.Created, error)) error {
	rec := domain.CreateRecordFrom(ctx)
	if rec == nil {
		return db.inTxRetry(ctx, func(tx *Tx) error {
			_, err := create(tx)
			return err
		})
	}
	if err := rec.Validate(); err != nil {
		return err
	}
	err := db.inTxRetry(ctx, func(tx *Tx) error {
		if rec.DraftID != "" {
			if err := db.takeDraft(ctx, tx, rec.DraftID); err != nil {
				return err
			}
		}
		if rec.Key != nil {
			if err := db.takeIdempotencyKey(ctx, tx, *rec.Key); err != nil {
				return err
			}
		}
		made, err := create(tx)
		if err != nil {
			return err
		}
		if rec.DraftID != "" {
			if err := db.recordDraftResult(ctx, tx, rec.DraftID, made); err != nil {
				return err
			}
		}
		if rec.Key != nil {
			ans, err := rec.Answer(made)
			if err != nil {
				return err
			}
			if err := answerIdempotencyKey(ctx, tx, *rec.Key, ans); err != nil {
				return err
			}
		}
		return nil
	})
	rec.Recorded = err == nil
	return err
}
