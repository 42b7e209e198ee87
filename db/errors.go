package db

import "switchboard/domain"

// mapErr turns driver errors that mean a conflict into ECONFLICT with msg;
// anything else passes through.
func (db *DB) mapErr(err error, msg string) error {
	switch {
	case err == nil:
		return nil
	case db.Dialect.IsUniqueViolation(err):
		return domain.Errorf(domain.ECONFLICT, "%s", msg)
	case db.Dialect.IsForeignKeyViolation(err):
		return domain.Errorf(domain.EINVALID, "%s", "A referenced record does not exist.")
	}
	return err
}
