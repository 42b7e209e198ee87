package db

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"

	"switchboard/domain"
)

// draftRow is a row of order_drafts.
type draftRow struct {
	ID        string    `db:"id"`
	Wizard    string    `db:"wizard"`
	UserID    int64     `db:"user_id"`
	Data      string    `db:"data"`
	Secrets   string    `db:"secrets"`
	Reached   int       `db:"reached"`
	State     string    `db:"state"`
	OrderIDs  string    `db:"order_ids"`
	LineIDs   string    `db:"line_ids"`
	CreatedAt time.Time `db:"created_at"`
	UpdatedAt time.Time `db:"updated_at"`
	ExpiresAt time.Time `db:"expires_at"`
}

const draftColumns = `id, wizard, user_id, data, secrets, reached, state, order_ids, line_ids,
	created_at, updated_at, expires_at`

// newDraftID is 128 random bits, URL-safe.
func newDraftID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// draftUser is the id of the user in ctx; drafts always belong to one.
func draftUser(ctx context.Context) (int64, error) {
	u := domain.UserFromContext(ctx)
	if u == nil {
		return 0, domain.Errorf(domain.EUNAUTHORIZED, "Sign in to use the order wizards.")
	}
	return u.ID, nil
}

// sealSecrets encrypts the draft's secrets as one JSON object.
func (db *DB) sealSecrets(s map[string]domain.Secret) (string, error) {
	clear := map[string]string{}
	for k, v := range s {
		if !v.IsZero() {
			clear[k] = v.Clear()
		}
	}
	if len(clear) == 0 {
		return "", nil
	}
	b, err := json.Marshal(clear)
	if err != nil {
		return "", err
	}
	return db.Cipher.Seal(domain.NewSecret(string(b))), nil
}

func (db *DB) draftFromRow(r *draftRow) (*domain.Draft, error) {
	d := &domain.Draft{ID: r.ID, Wizard: r.Wizard, UserID: r.UserID, Data: []byte(r.Data), Reached: r.Reached,
		State: r.State, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(), ExpiresAt: r.ExpiresAt.UTC(), Secrets: map[string]domain.Secret{}}
	if err := json.Unmarshal([]byte(r.OrderIDs), &d.OrderIDs); err != nil {
		return nil, fmt.Errorf("draft %s order ids: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(r.LineIDs), &d.LineIDs); err != nil {
		return nil, fmt.Errorf("draft %s line ids: %w", r.ID, err)
	}
	if r.Secrets != "" {
		sec, err := db.Cipher.Open(r.Secrets)
		if err != nil {
			return nil, err
		}
		clear := map[string]string{}
		if err := json.Unmarshal([]byte(sec.Clear()), &clear); err != nil {
			return nil, fmt.Errorf("draft %s secrets: %w", r.ID, err)
		}
		for k, v := range clear {
			d.Secrets[k] = domain.NewSecret(v)
		}
	}
	return d, nil
}

// CreateDraft stores a new draft of the user in ctx.
func (db *DB) CreateDraft(ctx context.Context, d *domain.Draft) error {
	uid, err := draftUser(ctx)
	if err != nil {
		return err
	}
	sealed, err := db.sealSecrets(d.Secrets)
	if err != nil {
		return err
	}
	if d.Data == nil {
		d.Data = []byte("{}")
	}
	now := db.Now()
	d.ID, d.UserID, d.State = newDraftID(), uid, domain.DraftOpen
	d.CreatedAt, d.UpdatedAt, d.ExpiresAt = now, now, now.Add(domain.DraftTTL)
	_, err = exec(ctx, db.W, `INSERT INTO order_drafts (id, wizard, user_id, data, secrets, reached, state, created_at, updated_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ID, d.Wizard, uid, string(d.Data), sealed, d.Reached, d.State, now, now, d.ExpiresAt)
	return err
}

// FindDraft returns the draft id of the user in ctx.
func (db *DB) FindDraft(ctx context.Context, id string) (*domain.Draft, error) {
	return db.findDraft(ctx, db.R, id)
}

func (db *DB) findDraft(ctx context.Context, q queryer, id string) (*domain.Draft, error) {
	uid, err := draftUser(ctx)
	if err != nil {
		return nil, err
	}
	notFound := "This order draft does not exist or has expired."
	var r draftRow
	if err := get(ctx, q, &r, notFound, `SELECT `+draftColumns+` FROM order_drafts WHERE id = ? AND user_id = ?`, id, uid); err != nil {
		return nil, err
	}
	if !r.ExpiresAt.After(db.Now()) {
		return nil, domain.Errorf(domain.ENOTFOUND, "%s", notFound)
	}
	return db.draftFromRow(&r)
}

// UpdateDraft saves an OPEN draft's values and extends its life.
func (db *DB) UpdateDraft(ctx context.Context, d *domain.Draft) error {
	uid, err := draftUser(ctx)
	if err != nil {
		return err
	}
	sealed, err := db.sealSecrets(d.Secrets)
	if err != nil {
		return err
	}
	return db.inTx(ctx, func(tx *Tx) error {
		cur, err := db.findDraft(ctx, tx, d.ID)
		if err != nil {
			return err
		}
		if cur.State != domain.DraftOpen {
			return &domain.AlreadyCreated{DraftID: d.ID}
		}
		d.UpdatedAt, d.ExpiresAt = tx.Now, tx.Now.Add(domain.DraftTTL)
		_, err = exec(ctx, tx, `UPDATE order_drafts SET data = ?, secrets = ?, reached = ?, updated_at = ?, expires_at = ?
			WHERE id = ? AND user_id = ? AND state = ?`,
			string(d.Data), sealed, d.Reached, d.UpdatedAt, d.ExpiresAt, d.ID, uid, domain.DraftOpen)
		return err
	})
}

// takeDraft makes the OPEN draft id of the user in ctx SUBMITTED in tx,
// first in the transaction that creates its orders. The UPDATE's state
// condition lets one of several submits at once through; on PostgreSQL
// the others wait for its row lock and then find the draft SUBMITTED. A
// draft not OPEN any more is *domain.AlreadyCreated; an unknown or
// expired one ENOTFOUND.
func (db *DB) takeDraft(ctx context.Context, tx *Tx, id string) error {
	uid, err := draftUser(ctx)
	if err != nil {
		return err
	}
	// A submitted draft is kept as long as a fresh one, to show its result.
	res, err := exec(ctx, tx, `UPDATE order_drafts SET state = ?, updated_at = ?, expires_at = ?
		WHERE id = ? AND user_id = ? AND state = ? AND expires_at > ?`,
		domain.DraftSubmitted, tx.Now, tx.Now.Add(domain.DraftTTL), id, uid, domain.DraftOpen, tx.Now)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 1 {
		return nil
	}
	if _, err := db.findDraft(ctx, tx, id); err != nil {
		return err
	}
	return &domain.AlreadyCreated{DraftID: id}
}

// recordDraftResult keeps the orders and lines a draft created, in the
// transaction that created them.
func (db *DB) recordDraftResult(ctx context.Context, tx *Tx, id string, made domain.Created) error {
	o, err := json.Marshal(nonNilIDs(made.OrderIDs))
	if err != nil {
		return err
	}
	l, err := json.Marshal(nonNilIDs(made.LineIDs))
	if err != nil {
		return err
	}
	_, err = exec(ctx, tx, `UPDATE order_drafts SET order_ids = ?, line_ids = ? WHERE id = ?`, string(o), string(l), id)
	return err
}

func nonNilIDs(ids []int64) []int64 {
	if ids == nil {
		return []int64{}
	}
	return ids
}

// FindOpenDrafts lists the OPEN drafts of the user in ctx that have not
// expired, the one saved last first.
func (db *DB) FindOpenDrafts(ctx context.Context, limit int) ([]*domain.Draft, error) {
	uid, err := draftUser(ctx)
	if err != nil {
		return nil, err
	}
	var rows []draftRow
	if err := sel(ctx, db.R, &rows, `SELECT `+draftColumns+` FROM order_drafts
		WHERE user_id = ? AND state = ? AND expires_at > ? ORDER BY updated_at DESC, id LIMIT ?`, uid, domain.DraftOpen, db.Now(), limit); err != nil {
		return nil, err
	}
	out := make([]*domain.Draft, 0, len(rows))
	for i := range rows {
		d, err := db.draftFromRow(&rows[i])
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// DeleteDraft forgets an OPEN draft of the user in ctx.
func (db *DB) DeleteDraft(ctx context.Context, id string) error {
	uid, err := draftUser(ctx)
	if err != nil {
		return err
	}
	return db.inTx(ctx, func(tx *Tx) error {
		cur, err := db.findDraft(ctx, tx, id)
		if err != nil {
			return err
		}
		if cur.State != domain.DraftOpen {
			return &domain.AlreadyCreated{DraftID: id}
		}
		_, err = exec(ctx, tx, `DELETE FROM order_drafts WHERE id = ? AND user_id = ? AND state = ?`, id, uid, domain.DraftOpen)
		return err
	})
}

// DeleteExpiredDrafts forgets drafts whose time ran out.
func (db *DB) DeleteExpiredDrafts(ctx context.Context) (int64, error) {
	res, err := exec(ctx, db.W, `DELETE FROM order_drafts WHERE expires_at <= ?`, db.Now())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
