package domain

import "strings"

// orderMoves is DESIGN.md's order lifecycle: the statuses an order may move
// to from each status. COMPLETE and CANCELED are final.
var orderMoves = map[string][]string{
	OrderNew:          {OrderSent, OrderComplete, OrderHold, OrderPaymentHold, OrderLifelineHold, OrderCanceled},
	OrderSent:         {OrderConfirmed, OrderProvisioned, OrderComplete, OrderError, OrderFlowError, OrderJeopardy, OrderHold, OrderCanceled},
	OrderConfirmed:    {OrderProvisioned, OrderComplete, OrderError, OrderJeopardy, OrderCanceled},
	OrderProvisioned:  {OrderComplete, OrderError},
	OrderError:        {OrderNew, OrderSent, OrderComplete, OrderCanceled},
	OrderFlowError:    {OrderNew, OrderSent, OrderComplete, OrderCanceled},
	OrderJeopardy:     {OrderSent, OrderConfirmed, OrderComplete, OrderError, OrderCanceled},
	OrderHold:         {OrderNew, OrderCanceled},
	OrderPaymentHold:  {OrderNew, OrderCanceled},
	OrderLifelineHold: {OrderNew, OrderCanceled},
	OrderComplete:     nil,
	OrderCanceled:     nil,
}

// CanMove reports whether the lifecycle lets an order move from one status
// to another. Staying in the same status is not a move.
func CanMove(from, to string) bool { return OneOf(to, orderMoves[from]) }

// AllowedMoves lists the statuses an order in status from may move to, in
// the lifecycle table's order; nil for a final or unknown status.
func AllowedMoves(from string) []string {
	return append([]string(nil), orderMoves[from]...)
}

// IsFinalStatus reports whether status is COMPLETE or CANCELED.
func IsFinalStatus(status string) bool { return status == OrderComplete || status == OrderCanceled }

// NotYetSent reports whether an order in status has not reached the
// provider, so its lines and products may still be changed: NEW, the holds,
// and FLOW_ERROR (it could not be transmitted).
func NotYetSent(status string) bool {
	switch status {
	case OrderNew, OrderHold, OrderPaymentHold, OrderLifelineHold, OrderFlowError:
		return true
	}
	return false
}

// CheckMove checks a person's move of an order from one status to another.
// It returns an EINVALID error on "Status" naming the allowed moves when the
// lifecycle forbids the move, and EFORBIDDEN when the role may not make it:
// changing a status needs a rep, cancelling needs a supervisor. The system
// moves orders along its own part of the lifecycle (PlanSystemMove).
func CheckMove(from, to string, role Role) error {
	switch {
	case !OneOf(to, OrderStatuses):
		return FieldErrorRule("Status", RuleOneOf, nil, "Status must be one of %s", strings.Join(OrderStatuses, ", "))
	case from == to:
		return FieldErrorRule("Status", RuleAlreadyStatus, kv("Status", to), "The order is already %s", to)
	case IsFinalStatus(from):
		return FieldErrorRule("Status", RuleFinalStatus, kv("Status", from), "The order is %s, which is final: its status cannot change", from)
	case !CanMove(from, to):
		allowed := strings.Join(orderMoves[from], ", ")
		return FieldErrorRule("Status", RuleMoveNotAllowed, kv("From", from, "To", to, "Allowed", allowed), "Cannot move an order from %s to %s; allowed: %s", from, to, allowed)
	case !role.AtLeast(RoleRep):
		return ErrorRule(EFORBIDDEN, RuleRoleMayNot, kv("Role", string(role), "Action", "change an order's status"), "Your role (%s) may not change the status of an order", roleName(role))
	case to == OrderCanceled && !role.AtLeast(RoleSupervisor):
		return ErrorRule(EFORBIDDEN, RuleSupervisorOnly, kv("Action", "cancel an order"), "Only a supervisor can cancel an order")
	}
	return nil
}

func roleName(r Role) string {
	if r == "" {
		return "none"
	}
	return string(r)
}

// IsConfirmedMove reports whether a move to status is final and so is
// made only on its own, after the person has been told what it does:
// completing (which applies the order to its lines) and canceling.
func IsConfirmedMove(to string) bool { return IsFinalStatus(to) }

// CheckCancelReason checks the reason a person gives for canceling an
// order, which becomes its StatusNote: one is required.
func CheckCancelReason(reason string) error {
	if strings.TrimSpace(reason) == "" {
		return FieldErrorRule("StatusNote", RuleCancelReason, nil, "Give the reason for canceling: it becomes the order's status note")
	}
	return nil
}
