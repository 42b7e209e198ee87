package domain_test

import (
	"slices"
	"strings"
	"testing"

	"switchboard/domain"
)

// lifecycle is DESIGN.md's table, written out again so the test checks the
// code against the document rather than against itself.
var lifecycle = map[string]string{
	"NEW":           "SENT COMPLETE HOLD PAYMENT_HOLD LIFELINE_HOLD CANCELED",
	"SENT":          "CONFIRMED PROVISIONED COMPLETE ERROR FLOW_ERROR JEOPARDY HOLD CANCELED",
	"CONFIRMED":     "PROVISIONED COMPLETE ERROR JEOPARDY CANCELED",
	"PROVISIONED":   "COMPLETE ERROR",
	"ERROR":         "NEW SENT COMPLETE CANCELED",
	"FLOW_ERROR":    "NEW SENT COMPLETE CANCELED",
	"JEOPARDY":      "SENT CONFIRMED COMPLETE ERROR CANCELED",
	"HOLD":          "NEW CANCELED",
	"PAYMENT_HOLD":  "NEW CANCELED",
	"LIFELINE_HOLD": "NEW CANCELED",
	"COMPLETE":      "",
	"CANCELED":      "",
}

func TestCanMove_EveryPair(t *testing.T) {
	if got, want := len(domain.OrderStatuses), 12; got != want {
		t.Fatalf("statuses=%d, want %d", got, want)
	}
	for _, from := range domain.OrderStatuses {
		allowed := strings.Fields(lifecycle[from])
		if got := domain.AllowedMoves(from); !slices.Equal(got, allowed) {
			t.Errorf("AllowedMoves(%s)=%v, want %v", from, got, allowed)
		}
		for _, to := range domain.OrderStatuses {
			want := slices.Contains(allowed, to)
			t.Run(from+"->"+to, func(t *testing.T) {
				if got := domain.CanMove(from, to); got != want {
					t.Fatalf("CanMove=%v, want %v", got, want)
				}
				err := domain.CheckMove(from, to, domain.RoleSupervisor)
				if want && err != nil {
					t.Fatalf("supervisor: %v, want no error", err)
				}
				if !want {
					if got := domain.ErrorCode(err); got != domain.EINVALID {
						t.Fatalf("supervisor: code=%q, want invalid", got)
					}
					if got := domain.ErrorFields(err); len(got) != 1 || got[0].Field != "Status" {
						t.Fatalf("fields=%v, want one on Status", got)
					}
				}
				repErr := domain.CheckMove(from, to, domain.RoleRep)
				switch {
				case want && to == domain.OrderCanceled:
					if got := domain.ErrorCode(repErr); got != domain.EFORBIDDEN {
						t.Fatalf("rep cancel: code=%q, want forbidden", got)
					}
				case want && repErr != nil:
					t.Fatalf("rep: %v, want no error", repErr)
				}
			})
		}
	}
}

func TestCheckMove(t *testing.T) {
	for _, tt := range []struct {
		name, from, to string
		role           domain.Role
		code, message  string
	}{
		{"OK", "NEW", "SENT", domain.RoleRep, "", ""},
		{"ErrNotAllowed", "SENT", "NEW", domain.RoleRep, domain.EINVALID,
			"Cannot move an order from SENT to NEW; allowed: CONFIRMED, PROVISIONED, COMPLETE, ERROR, FLOW_ERROR, JEOPARDY, HOLD, CANCELED"},
		{"ErrFinalComplete", "COMPLETE", "NEW", domain.RoleAdmin, domain.EINVALID, "The order is COMPLETE, which is final: its status cannot change"},
		{"ErrFinalCanceled", "CANCELED", "SENT", domain.RoleAdmin, domain.EINVALID, "The order is CANCELED, which is final: its status cannot change"},
		{"ErrUnknownStatus", "NEW", "DONE", domain.RoleRep, domain.EINVALID, "Status must be one of NEW, SENT"},
		{"ErrNotSpecified", "NEW", "NOT_SPECIFIED", domain.RoleRep, domain.EINVALID, "Status must be one of"},
		{"ErrSame", "SENT", "SENT", domain.RoleRep, domain.EINVALID, "The order is already SENT"},
		{"ErrRepCancels", "NEW", "CANCELED", domain.RoleRep, domain.EFORBIDDEN, "Only a supervisor can cancel an order"},
		{"SupervisorCancels", "NEW", "CANCELED", domain.RoleSupervisor, "", ""},
		{"AdminCancels", "SENT", "CANCELED", domain.RoleAdmin, "", ""},
		{"ErrSupport", "NEW", "SENT", domain.RoleSupport, domain.EFORBIDDEN, "Your role (support) may not change the status of an order"},
		{"ErrNoRole", "NEW", "SENT", "", domain.EFORBIDDEN, "Your role (none)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := domain.CheckMove(tt.from, tt.to, tt.role)
			if got, want := domain.ErrorCode(err), tt.code; got != want {
				t.Fatalf("code=%q, want %q (%v)", got, want, err)
			}
			if got := domain.ErrorMessage(err); !strings.Contains(got, tt.message) {
				t.Fatalf("message=%q, want it to contain %q", got, tt.message)
			}
		})
	}
}

func TestNotYetSent(t *testing.T) {
	for _, s := range domain.OrderStatuses {
		want := slices.Contains([]string{"NEW", "HOLD", "PAYMENT_HOLD", "LIFELINE_HOLD", "FLOW_ERROR"}, s)
		if got := domain.NotYetSent(s); got != want {
			t.Errorf("NotYetSent(%s)=%v, want %v", s, got, want)
		}
		if got, want := domain.IsFinalStatus(s), s == "COMPLETE" || s == "CANCELED"; got != want {
			t.Errorf("IsFinalStatus(%s)=%v, want %v", s, got, want)
		}
	}
}
