package db

import (
	"context"

	"switchboard/domain"
)

const userCols = `id, name, role, password_hash, disabled, created_at`

// FindUserByID returns ENOTFOUND if there is no such user.
func (db *DB) FindUserByID(ctx context.Context, id int64) (*domain.User, error) {
	var u domain.User
	if err := get(ctx, db.R, &u, "User not found.", `SELECT `+userCols+` FROM users WHERE id = ?`, id); err != nil {
		return nil, err
	}
	return &u, nil
}

// FindUserByName returns ENOTFOUND if there is no such user.
func (db *DB) FindUserByName(ctx context.Context, name string) (*domain.User, error) {
	var u domain.User
	if err := get(ctx, db.R, &u, "User not found.", `SELECT `+userCols+` FROM users WHERE name = ?`, name); err != nil {
		return nil, err
	}
	return &u, nil
}

// FindUsers lists every user by name.
func (db *DB) FindUsers(ctx context.Context) ([]*domain.User, error) {
	var us []*domain.User
	err := sel(ctx, db.R, &us, `SELECT `+userCols+` FROM users ORDER BY name`)
	return us, err
}

// CreateUser returns EINVALID for a bad name or role and ECONFLICT if the name is taken.
func (db *DB) CreateUser(ctx context.Context, u *domain.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	return db.inTx(ctx, func(tx *Tx) error {
		u.CreatedAt = tx.Now
		id, err := insert(ctx, tx, `INSERT INTO users (name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?)`,
			u.Name, u.Role, u.PasswordHash, u.Disabled, u.CreatedAt)
		if err != nil {
			return db.mapErr(err, "A user named "+u.Name+" already exists.")
		}
		u.ID = id
		return insertAudit(ctx, tx, domain.EntityUser, id, "create", map[string]domain.Change{
			"Name": {nil, u.Name}, "Role": {nil, u.Role}, "Disabled": {nil, u.Disabled}})
	})
}

// UpdateUser changes a user's role, disabled flag or password. Any of these
// changes signs the user out everywhere (their sessions are deleted). Returns ENOTFOUND
// if there is no such user.
func (db *DB) UpdateUser(ctx context.Context, id int64, upd domain.UserUpdate) (*domain.User, error) {
	var out *domain.User
	err := db.inTx(ctx, func(tx *Tx) error {
		var u domain.User
		if err := get(ctx, tx, &u, "User not found.", `SELECT `+userCols+` FROM users WHERE id = ?`, id); err != nil {
			return err
		}
		changes := map[string]domain.Change{}
		endSessions := false
		if upd.Role != nil && *upd.Role != u.Role {
			if !upd.Role.Valid() {
				return domain.FieldErrorf("Role", "Role must be one of support, rep, supervisor, admin")
			}
			changes["Role"] = domain.Change{u.Role, *upd.Role}
			u.Role = *upd.Role
			endSessions = true
		}
		if upd.Disabled != nil && *upd.Disabled != u.Disabled {
			changes["Disabled"] = domain.Change{u.Disabled, *upd.Disabled}
			u.Disabled = *upd.Disabled
			endSessions = true
		}
		if upd.PasswordHash != nil {
			changes["Password"] = domain.Change{"(hidden)", "(changed)"}
			u.PasswordHash = *upd.PasswordHash
			endSessions = true
		}
		if len(changes) == 0 {
			out = &u
			return nil
		}
		if _, err := exec(ctx, tx, `UPDATE users SET role = ?, disabled = ?, password_hash = ? WHERE id = ?`,
			u.Role, u.Disabled, u.PasswordHash, id); err != nil {
			return err
		}
		if endSessions {
			if _, err := deleteUserSessions(ctx, tx, id); err != nil {
				return err
			}
		}
		if upd.Disabled != nil && *upd.Disabled {
			// Disabling revokes the user's tokens for good: enabling the user
			// again brings none of them back.
			if err := revokeUserTokens(ctx, tx, id); err != nil {
				return err
			}
		}
		out = &u
		return insertAudit(ctx, tx, domain.EntityUser, id, "update", changes)
	})
	return out, err
}

// CreateAPIToken stores t; its Hash is set by the caller.
func (db *DB) CreateAPIToken(ctx context.Context, t *domain.APIToken) error {
	if t.Name == "" {
		t.Name = "token"
	}
	if len(t.Name) > 60 {
		return domain.FieldErrorf("Name", "Name must be at most 60 characters")
	}
	return db.inTx(ctx, func(tx *Tx) error {
		var u domain.User
		if err := get(ctx, tx, &u, "User not found.", `SELECT `+userCols+` FROM users WHERE id = ?`, t.UserID); err != nil {
			return err
		}
		t.CreatedAt, t.UserName = tx.Now, u.Name
		id, err := insert(ctx, tx, `INSERT INTO api_tokens (user_id, name, hash, created_at) VALUES (?, ?, ?, ?)`, t.UserID, t.Name, t.Hash, t.CreatedAt)
		if err != nil {
			return db.mapErr(err, "That token exists already.")
		}
		t.ID = id
		return insertAudit(ctx, tx, domain.EntityToken, id, "create", map[string]domain.Change{"User": {nil, u.Name}, "Name": {nil, t.Name}})
	})
}

// FindUserByTokenHash returns EUNAUTHORIZED for an unknown or revoked token
// or a disabled user.
func (db *DB) FindUserByTokenHash(ctx context.Context, hash string) (*domain.User, error) {
	var u domain.User
	err := get(ctx, db.R, &u, "", `SELECT u.id, u.name, u.role, u.password_hash, u.disabled, u.created_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = ? AND t.revoked = FALSE AND u.disabled = FALSE`, hash)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return nil, domain.Errorf(domain.EUNAUTHORIZED, "The API token is unknown or revoked.")
	}
	return &u, err
}

// FindAPITokens lists tokens, newest first.
func (db *DB) FindAPITokens(ctx context.Context) ([]*domain.APIToken, error) {
	var ts []*domain.APIToken
	err := sel(ctx, db.R, &ts, `SELECT t.id, t.user_id, u.name AS user_name, t.name, t.hash, t.created_at, t.last_used_at, t.revoked
		FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.id DESC`)
	return ts, err
}

// revokeUserTokens revokes every live token of the user, each with its audit record.
func revokeUserTokens(ctx context.Context, tx *Tx, userID int64) error {
	var ids []int64
	if err := sel(ctx, tx, &ids, `SELECT id FROM api_tokens WHERE user_id = ? AND revoked = FALSE ORDER BY id`, userID); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := exec(ctx, tx, `UPDATE api_tokens SET revoked = TRUE WHERE id = ?`, id); err != nil {
			return err
		}
		if err := insertAudit(ctx, tx, domain.EntityToken, id, "revoke", map[string]domain.Change{"Revoked": {false, true}}); err != nil {
			return err
		}
	}
	return nil
}

// RevokeAPIToken returns ENOTFOUND if there is no such token.
func (db *DB) RevokeAPIToken(ctx context.Context, id int64) error {
	return db.inTx(ctx, func(tx *Tx) error {
		res, err := exec(ctx, tx, `UPDATE api_tokens SET revoked = TRUE WHERE id = ? AND revoked = FALSE`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.Errorf(domain.ENOTFOUND, "Token not found or already revoked.")
		}
		return insertAudit(ctx, tx, domain.EntityToken, id, "revoke", map[string]domain.Change{"Revoked": {false, true}})
	})
}
