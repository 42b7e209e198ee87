package domain_test

import (
	"testing"
	"time"

	"switchboard/domain"
)

func TestProviderMove(t *testing.T) {
	port := func(resp, reason string, activated bool) *domain.PortAnswer {
		return &domain.PortAnswer{Response: resp, Reason: reason, Activated: activated}
	}
	for _, tc := range []struct {
		name, from string
		s          domain.GatewayStatus
		to, note   string
	}{
		{"ReceivedMovesNothing", domain.OrderSent, domain.GatewayStatus{Status: domain.GatewayReceived}, "", ""},
		{"Confirmed", domain.OrderSent, domain.GatewayStatus{Status: domain.GatewayConfirmed}, domain.OrderConfirmed, "Provider: Confirmed"},
		{"ConfirmedAgain", domain.OrderConfirmed, domain.GatewayStatus{Status: domain.GatewayConfirmed}, "", ""},
		{"Provisioned", domain.OrderConfirmed, domain.GatewayStatus{Status: domain.GatewayProvisioned}, domain.OrderProvisioned, "Provider: Provisioned"},
		{"CompleteFromSent", domain.OrderSent, domain.GatewayStatus{Status: domain.GatewayComplete}, domain.OrderComplete, "Provider: Complete"},
		{"LateConfirmationAfterProvisioned", domain.OrderProvisioned, domain.GatewayStatus{Status: domain.GatewayConfirmed}, "", ""},
		{"JeopardyToConfirmed", domain.OrderJeopardy, domain.GatewayStatus{Status: domain.GatewayConfirmed}, domain.OrderConfirmed, "Provider: Confirmed"},
		{"ErrorWithWords", domain.OrderSent, domain.GatewayStatus{Status: domain.GatewayError, Message: "TN not on account"}, domain.OrderError, "TN not on account"},
		{"ErrorWithoutWords", domain.OrderConfirmed, domain.GatewayStatus{Status: domain.GatewayError}, domain.OrderError, "The provider refused the order without saying why"},
		{"PortDelayMovesNothing", domain.OrderSent, domain.GatewayStatus{Status: domain.GatewayReceived, Port: port("D", "", false)}, "", ""},
		{"PortConfirmed", domain.OrderSent, domain.GatewayStatus{Status: domain.GatewayConfirmed, Port: port("C", "", false)}, domain.OrderConfirmed, "Provider: Confirmed; port confirmed"},
		{"PortResolutionRequired", domain.OrderSent, domain.GatewayStatus{Status: domain.GatewayError, Message: "PIN or password invalid", Port: port("R", "PIN or password invalid", false)},
			domain.OrderError, "Port needs resolution: PIN or password invalid"},
		{"PortActivated", domain.OrderConfirmed, domain.GatewayStatus{Status: domain.GatewayComplete, Port: port("C", "", true)}, domain.OrderComplete, "Provider: Complete; number activated"},
		{"FinalStaysFinal", domain.OrderCanceled, domain.GatewayStatus{Status: domain.GatewayComplete}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			to, note := domain.ProviderMove(tc.from, &tc.s)
			if to != tc.to || note != tc.note {
				t.Fatalf("ProviderMove(%s)=(%q, %q), want (%q, %q)", tc.from, to, note, tc.to, tc.note)
			}
		})
	}
}

func TestOverdue(t *testing.T) {
	now := time.Date(2026, 1, 2, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name   string
		status string
		due    time.Time
		want   bool
	}{
		{"SentPastDue", domain.OrderSent, now.Add(-time.Minute), true},
		{"ConfirmedPastDue", domain.OrderConfirmed, now.Add(-time.Minute), true},
		{"NotDueYet", domain.OrderSent, now.Add(time.Minute), false},
		{"ProvisionedHasNoJeopardy", domain.OrderProvisioned, now.Add(-time.Minute), false},
		{"AlreadyInJeopardy", domain.OrderJeopardy, now.Add(-time.Minute), false},
		{"NoDueTime", domain.OrderSent, time.Time{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := domain.Overdue(tc.status, tc.due, now); got != tc.want {
				t.Fatalf("Overdue=%v, want %v", got, tc.want)
			}
		})
	}
}

func TestGatewayStatusValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    domain.GatewayStatus
		ok   bool
	}{
		{"OK", domain.GatewayStatus{PON: "P1", Status: domain.GatewayConfirmed}, true},
		{"OtherPON", domain.GatewayStatus{PON: "P2", Status: domain.GatewayConfirmed}, false},
		{"UnknownStatus", domain.GatewayStatus{PON: "P1", Status: "DONE"}, false},
		{"UnknownPortResponse", domain.GatewayStatus{PON: "P1", Status: domain.GatewayReceived, Port: &domain.PortAnswer{Response: "X"}}, false},
		{"RWithoutReason", domain.GatewayStatus{PON: "P1", Status: domain.GatewayError, Port: &domain.PortAnswer{Response: "R"}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.s.Validate("P1"); (err == nil) != tc.ok {
				t.Fatalf("Validate=%v, want ok=%v", err, tc.ok)
			}
		})
	}
}
