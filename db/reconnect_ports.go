package db

import (
	"context"
	"crypto/rand"
	"strings"

	"switchboard/domain"
)

var _ domain.ReconnectPortStore = (*DB)(nil)

// portCols and portFrom read ports with their customer's name; secrets
// are read only by portSecretCols, where a step needs them.
const (
	portCols = `p.id, p.customer_id, p.line_id, p.tn, p.new_line_id, p.inventory_identifier, p.inventory_type,
		p.port_mdn, p.account_number, p.authorized_signer, p.remark, p.address_id, p.stage, p.error_message,
		p.created_at, p.status_date, p.stage_date, p.version, p.wake, c.name AS customer_name`
	portSecretCols = `, p.pin_password_enc, p.ssn_enc, p.tax_id_enc`
	portFrom       = `reconnect_ports p JOIN customers c ON c.id = p.customer_id`
	openPort       = `p.stage NOT IN ('completed', 'errored')`
)

// portRow is a port as read with its sealed secrets.
type portRow struct {
	domain.ReconnectPort
	PINEnc   string `db:"pin_password_enc"`
	SSNEnc   string `db:"ssn_enc"`
	TaxIDEnc string `db:"tax_id_enc"`
}

// portLookup is domain.PortLookup on the write transaction.
type portLookup struct{ *orderLookup }

func (lk portLookup) FindAddressByID(ctx context.Context, id int64) (*domain.Address, error) {
	return findAddressByID(ctx, lk.q, id)
}

// CreateReconnectPort performs ReconnectPort_Create for the user in ctx:
// domain.PlanReconnectPort on the write transaction, then the disconnect
// order (as Orders_Create writes one, with its PON, audit and counts), the
// port with its secrets sealed, its audit event, and its first step made
// due — all in one transaction.
//
// Returns EFORBIDDEN for a user below rep, EINVALID with a field error per
// failed rule, ECONFLICT when another open port has the line or the MDN.
func (db *DB) CreateReconnectPort(ctx context.Context, in *domain.ReconnectPortInput) (*domain.ReconnectPort, error) {
	if err := domain.ActorFromContext(ctx).MayCreateOrders(); err != nil {
		return nil, err
	}
	var port *domain.ReconnectPort
	err := db.inCreateTx(ctx, func(tx *Tx) (domain.Created, error) {
		port = nil
		plan, err := domain.PlanReconnectPort(ctx, portLookup{db.lookupTx(tx)}, in)
		if err != nil {
			return domain.Created{}, err
		}
		if err := db.writeReconnectPort(ctx, tx, plan); err != nil {
			return domain.Created{}, err
		}
		port = plan.Port
		return domain.Created{ReconnectPortID: port.ID, OrderIDs: port.DisconnectOrderIDs}, nil
	})
	if err != nil {
		if db.Dialect.IsUniqueViolation(err) {
			return nil, domain.Errorf(domain.ECONFLICT, "Another reconnect port for this line or this number was started at the same moment; reload the board")
		}
		return nil, err
	}
	return port, nil
}

// writeReconnectPort writes a checked port plan in tx: the disconnect
// order, the port, its orders, audit event and first step.
func (db *DB) writeReconnectPort(ctx context.Context, tx *Tx, plan *domain.PortPlan) error {
	port := plan.Port
	if err := checkNoOpenPort(ctx, tx, port); err != nil {
		return err
	}
	if err := db.writePlan(ctx, tx, plan.Disconnects, rand.Reader); err != nil {
		return err
	}
	if err := db.insertReconnectPort(ctx, tx, port); err != nil {
		return err
	}
	var orders []domain.PortOrder
	for _, o := range plan.Disconnects.Orders {
		if err := insertPortOrder(ctx, tx, port.ID, o.ID, domain.PortOrderDisconnect); err != nil {
			return err
		}
		orders = append(orders, domain.PortOrder{ID: o.ID, Kind: domain.PortOrderDisconnect, PON: o.PON, Status: o.Status})
	}
	port.SetOrders(orders)
	ch := changes{}
	ch.add("Stage", nil, port.Stage)
	ch.add("LineID", nil, port.LineID)
	ch.add("PortMDN", nil, port.PortMDN)
	ch.add("Inventory", nil, port.InventoryType+" "+port.InventoryIdentifier)
	ch.add("DisconnectOrderIDs", nil, joinIDs(port.DisconnectOrderIDs))
	if err := insertAudit(ctx, tx, domain.EntityReconnectPort, port.ID, "create", ch); err != nil {
		return err
	}
	return db.portChanged(ctx, tx, port, true)
}

// CheckReconnectPort checks in with domain.PlanReconnectPort on the read
// pool, writing nothing: nil, or the EINVALID error CreateReconnectPort
// would answer (ECONFLICT for a line or MDN another open port has).
func (db *DB) CheckReconnectPort(ctx context.Context, in *domain.ReconnectPortInput) error {
	plan, err := domain.PlanReconnectPort(ctx, portLookup{db.lookupR()}, in)
	if err != nil {
		return err
	}
	return checkNoOpenPort(ctx, db.R, plan.Port)
}

// checkNoOpenPort refuses a second open port on one line, one MDN or one
// device or SIM.
func checkNoOpenPort(ctx context.Context, tx queryer, p *domain.ReconnectPort) error {
	var ids []int64
	if err := sel(ctx, tx, &ids, `SELECT p.id FROM reconnect_ports p WHERE p.line_id = ? AND `+openPort, p.LineID); err != nil {
		return err
	}
	if len(ids) > 0 {
		return domain.Errorf(domain.ECONFLICT, "Line %d already has an open reconnect port (%d)", p.LineID, ids[0])
	}
	if err := sel(ctx, tx, &ids, `SELECT p.id FROM reconnect_ports p WHERE p.port_mdn = ? AND `+openPort, p.PortMDN); err != nil {
		return err
	}
	if len(ids) > 0 {
		return domain.Errorf(domain.ECONFLICT, "%s is already being ported by reconnect port %d", p.PortMDN, ids[0])
	}
	if err := sel(ctx, tx, &ids, `SELECT p.id FROM reconnect_ports p WHERE p.inventory_identifier = ? AND `+openPort, p.InventoryIdentifier); err != nil {
		return err
	}
	if len(ids) > 0 {
		return domain.FieldErrorf("Inventory.Identifier", "Inventory %s is kept for reconnect port %d", p.InventoryIdentifier, ids[0])
	}
	return nil
}

func (db *DB) insertReconnectPort(ctx context.Context, tx *Tx, p *domain.ReconnectPort) error {
	p.CreatedAt, p.StageDate, p.Version, p.Wake = tx.Now, tx.Now, 1, 1
	var createdBy *int64
	if u := domain.UserFromContext(ctx); u != nil {
		createdBy = &u.ID
	}
	id, err := insert(ctx, tx, `INSERT INTO reconnect_ports (customer_id, line_id, tn, inventory_identifier, inventory_type,
		port_mdn, account_number, authorized_signer, pin_password_enc, remark, ssn_enc, tax_id_enc, address_id, stage,
		created_at, created_by, stage_date, updated_at, version, wake)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1)`,
		p.CustomerID, p.LineID, p.TN, p.InventoryIdentifier, p.InventoryType, p.PortMDN, p.AccountNumber,
		p.AuthorizedSigner, db.Cipher.Seal(p.PINPassword), p.Remark, db.sealOptional(p.SSN), db.sealOptional(p.TaxID),
		p.AddressID, p.Stage, tx.Now, createdBy, tx.Now, tx.Now)
	p.ID = id
	return err
}

// sealOptional seals s, or stores "" for no value.
func (db *DB) sealOptional(s domain.Secret) string {
	if s.IsZero() {
		return ""
	}
	return db.Cipher.Seal(s)
}

func insertPortOrder(ctx context.Context, tx *Tx, portID, orderID int64, kind string) error {
	_, err := exec(ctx, tx, `INSERT INTO reconnect_port_orders (port_id, order_id, kind) VALUES (?, ?, ?)`, portID, orderID, kind)
	return err
}

// FindReconnectPortByID returns the port with its orders (ReconnectPort_Query).
// Returns ENOTFOUND if there is no such port.
func (db *DB) FindReconnectPortByID(ctx context.Context, id int64) (*domain.ReconnectPort, error) {
	var p domain.ReconnectPort
	if err := get(ctx, db.R, &p, "Reconnect port not found.", `SELECT `+portCols+` FROM `+portFrom+` WHERE p.id = ?`, id); err != nil {
		return nil, err
	}
	if err := attachPortOrders(ctx, db.R, []*domain.ReconnectPort{&p}); err != nil {
		return nil, err
	}
	return &p, nil
}

// FindReconnectPorts lists a page of the ports matching f, newest first
// (by id), each with its orders and customer name: at most f.Limit
// (MaxBoardPorts when 0), and the cursor of the next page.
func (db *DB) FindReconnectPorts(ctx context.Context, f domain.ReconnectPortFilter) ([]*domain.ReconnectPort, string, error) {
	where, args := []string{"1=1"}, []any{}
	after, err := decodeCursor(f.After)
	if err != nil {
		return nil, "", err
	}
	if after != nil {
		where = append(where, `p.id < ?`)
		args = append(args, after.ID)
	}
	done := `p.stage IN ('completed', 'errored')`
	if f.Completed != nil {
		where = append(where, map[bool]string{true: done, false: openPort}[*f.Completed])
	}
	if f.Errored != nil {
		where = append(where, map[bool]string{true: `p.stage IN ('errored', 'resolution_required')`,
			false: `p.stage NOT IN ('errored', 'resolution_required')`}[*f.Errored])
	}
	if len(f.Stage) > 0 {
		where = append(where, `p.stage IN (?)`)
		args = append(args, f.Stage)
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		like := "%" + escapeLike(strings.ToLower(s)) + "%"
		digits := domain.NormalizeTN(s)
		where = append(where, `(LOWER(c.name) LIKE ? ESCAPE '\' OR p.port_mdn LIKE ? ESCAPE '\' OR p.tn LIKE ? ESCAPE '\')`)
		dl := "%" + escapeLike(digits) + "%"
		args = append(args, like, dl, dl)
	}
	limit := f.Limit
	if limit <= 0 || limit > domain.MaxBoardPorts {
		limit = domain.MaxBoardPorts
	}
	q, qargs, err := in(db.R, `SELECT `+portCols+` FROM `+portFrom+` WHERE `+strings.Join(where, " AND ")+
		` ORDER BY p.id DESC LIMIT ?`, append(args, limit+1)...)
	if err != nil {
		return nil, "", err
	}
	var ps []*domain.ReconnectPort
	if err := sel(ctx, db.R, &ps, q, qargs...); err != nil {
		return nil, "", err
	}
	ps, next := pageOf(ps, limit, func(p *domain.ReconnectPort) cursor { return cursor{ID: p.ID} })
	return ps, next, attachPortOrders(ctx, db.R, ps)
}

// CountReconnectPorts counts the ports in each stage.
func (db *DB) CountReconnectPorts(ctx context.Context) (map[string]int, error) {
	var rows []struct {
		Stage string `db:"stage"`
		N     int    `db:"n"`
	}
	if err := sel(ctx, db.R, &rows, `SELECT stage, COUNT(*) AS n FROM reconnect_ports GROUP BY stage`); err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, r := range rows {
		out[r.Stage] = r.N
	}
	return out, nil
}

// attachPortOrders loads the orders of every port in ps, oldest first,
// with their status and the losing carrier's answer.
func attachPortOrders(ctx context.Context, q queryer, ps []*domain.ReconnectPort) error {
	if len(ps) == 0 {
		return nil
	}
	byID := map[int64]*domain.ReconnectPort{}
	ids := make([]int64, len(ps))
	for i, p := range ps {
		byID[p.ID], ids[i] = p, p.ID
	}
	query, args, err := in(q, `SELECT po.port_id, po.order_id, po.kind, o.pon, o.status, o.status_note,
		COALESCE(pr.port_response, '') AS port_response, COALESCE(pr.port_reason, '') AS port_reason,
		COALESCE(pr.port_activated, FALSE) AS port_activated
		FROM reconnect_port_orders po JOIN orders o ON o.id = po.order_id
		LEFT JOIN order_provider pr ON pr.order_id = po.order_id
		WHERE po.port_id IN (?) ORDER BY po.order_id`, ids)
	if err != nil {
		return err
	}
	var rows []struct {
		PortID int64 `db:"port_id"`
		domain.PortOrder
	}
	if err := sel(ctx, q, &rows, query, args...); err != nil {
		return err
	}
	orders := map[int64][]domain.PortOrder{}
	for _, r := range rows {
		orders[r.PortID] = append(orders[r.PortID], r.PortOrder)
	}
	for _, p := range ps {
		p.SetOrders(orders[p.ID])
	}
	return nil
}

// joinIDs writes ids as "1, 2" for the audit history.
func joinIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = formatID(id)
	}
	return strings.Join(parts, ", ")
}
