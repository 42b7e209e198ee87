package domain_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"switchboard/domain"
)

func TestNextPortStep(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	ord := func(id int64, status string) domain.PortOrder {
		return domain.PortOrder{ID: id, PON: "PON" + string(rune('A'+id)), Status: status}
	}
	answered := func(o domain.PortOrder, resp, reason string) domain.PortOrder {
		o.PortResponse, o.PortReason = resp, reason
		return o
	}
	for _, tc := range []struct {
		name        string
		stage       string
		stageAge    time.Duration
		disconnects []domain.PortOrder
		reconnects  []domain.PortOrder
		kind        string
		msg         string
	}{
		{"DisconnectNew", domain.StageDisconnecting, 0, []domain.PortOrder{ord(1, domain.OrderNew)}, nil, domain.StepWait, ""},
		{"DisconnectSent", domain.StageDisconnecting, 0, []domain.PortOrder{ord(1, domain.OrderSent)}, nil, domain.StepWait, ""},
		{"DisconnectError", domain.StageDisconnecting, 0, []domain.PortOrder{ord(1, domain.OrderError)}, nil, domain.StepWait, ""},
		{"DisconnectComplete", domain.StageDisconnecting, 0, []domain.PortOrder{ord(1, domain.OrderComplete)}, nil, domain.StepReconnect, ""},
		{"OneOfTwoComplete", domain.StageDisconnecting, 0, []domain.PortOrder{ord(1, domain.OrderComplete), ord(2, domain.OrderConfirmed)}, nil, domain.StepWait, ""},
		{"AllComplete", domain.StageDisconnecting, 0, []domain.PortOrder{ord(1, domain.OrderComplete), ord(2, domain.OrderComplete)}, nil, domain.StepReconnect, ""},
		{"DisconnectCanceled", domain.StageDisconnecting, 0, []domain.PortOrder{ord(1, domain.OrderComplete), ord(2, domain.OrderCanceled)}, nil, domain.StepFail, "Disconnect order 2 (PON PONC) was canceled"},
		{"NoDisconnect", domain.StageDisconnecting, 0, nil, nil, domain.StepFail, "no disconnect order"},
		{"ReconnectSent", domain.StagePorting, 0, nil, []domain.PortOrder{ord(3, domain.OrderSent)}, domain.StepWait, ""},
		{"PortDelayed", domain.StagePorting, 0, nil, []domain.PortOrder{answered(ord(3, domain.OrderSent), "D", "")}, domain.StepWait, ""},
		{"PortConfirmed", domain.StagePorting, 0, nil, []domain.PortOrder{answered(ord(3, domain.OrderConfirmed), "C", "")}, domain.StepWait, ""},
		{"PortActivated", domain.StagePorting, 0, nil, []domain.PortOrder{answered(ord(3, domain.OrderComplete), "C", "")}, domain.StepComplete, ""},
		{"PortR", domain.StagePorting, 0, nil, []domain.PortOrder{answered(ord(3, domain.OrderError), "R", "PIN or password invalid")}, domain.StepResolution, "The losing carrier needs a correction: PIN or password invalid. Correct the"},
		{"PortRWithoutReason", domain.StagePorting, 0, nil, []domain.PortOrder{answered(ord(3, domain.OrderError), "R", " ")}, domain.StepResolution, "no reason given"},
		{"ReconnectCanceled", domain.StagePorting, 0, nil, []domain.PortOrder{ord(3, domain.OrderCanceled)}, domain.StepFail, "Reconnect order 3 (PON POND) was canceled"},
		{"NoReconnect", domain.StagePorting, 0, nil, nil, domain.StepFail, "no reconnect order"},
		{"ResubmittedFollowsTheNewest", domain.StagePorting, 0, nil, []domain.PortOrder{ord(3, domain.OrderCanceled), ord(4, domain.OrderSent)}, domain.StepWait, ""},
		{"ResubmittedCompletes", domain.StagePorting, 0, nil, []domain.PortOrder{ord(3, domain.OrderCanceled), ord(4, domain.OrderComplete)}, domain.StepComplete, ""},
		{"ResolutionWaits", domain.StageResolution, 29 * 24 * time.Hour, nil, []domain.PortOrder{answered(ord(3, domain.OrderError), "R", "x")}, domain.StepWait, ""},
		{"ResolutionAbandoned", domain.StageResolution, 30 * 24 * time.Hour, nil, []domain.PortOrder{answered(ord(3, domain.OrderError), "R", "x")}, domain.StepFail, "Given up: no resubmission within 30 days of the losing carrier's answer (PIN or password invalid)"},
		{"ResolutionCompletedByHand", domain.StageResolution, time.Hour, nil, []domain.PortOrder{ord(3, domain.OrderComplete)}, domain.StepComplete, ""},
		{"ResolutionOrderCanceled", domain.StageResolution, time.Hour, nil, []domain.PortOrder{ord(3, domain.OrderCanceled)}, domain.StepFail, "was canceled"},
		{"Completed", domain.StageCompleted, 0, nil, []domain.PortOrder{ord(3, domain.OrderComplete)}, domain.StepNone, ""},
		{"Errored", domain.StageErrored, 0, []domain.PortOrder{ord(1, domain.OrderCanceled)}, nil, domain.StepNone, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &domain.ReconnectPort{ID: 7, TN: "3125550101", PortMDN: "7735550199", Stage: tc.stage, StageDate: now.Add(-tc.stageAge)}
			if tc.stage == domain.StageResolution {
				p.ErrorMessage = domain.ResolutionMessage("PIN or password invalid")
			}
			got := domain.NextPortStep(p, tc.disconnects, tc.reconnects, now)
			if got.Kind != tc.kind {
				t.Fatalf("Kind=%q, want %q (message %q)", got.Kind, tc.kind, got.Message)
			}
			if !strings.Contains(got.Message, tc.msg) || (tc.msg == "") != (got.Message == "") {
				t.Fatalf("Message=%q, want it to contain %q", got.Message, tc.msg)
			}
		})
	}
}

func TestApplyPortStep(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name               string
		from               string
		step               domain.PortStep
		stage              string
		completed, errored bool
		msg                string
		changes            bool
	}{
		{"Complete", domain.StagePorting, domain.PortStep{Kind: domain.StepComplete}, domain.StageCompleted, true, false, "", true},
		{"Fail", domain.StageDisconnecting, domain.PortStep{Kind: domain.StepFail, Message: "boom"}, domain.StageErrored, true, true, "boom", true},
		{"Resolution", domain.StagePorting, domain.PortStep{Kind: domain.StepResolution, Message: "fix"}, domain.StageResolution, false, true, "fix", true},
		{"Wait", domain.StagePorting, domain.PortStep{Kind: domain.StepWait}, domain.StagePorting, false, false, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &domain.ReconnectPort{Stage: tc.from, StageDate: now.Add(-time.Hour)}
			ch := domain.ApplyPortStep(p, tc.step, now)
			if p.Stage != tc.stage || p.Completed() != tc.completed || p.Errored() != tc.errored || p.ErrorMessage != tc.msg {
				t.Fatalf("stage %s completed %v errored %v message %q; want %s %v %v %q",
					p.Stage, p.Completed(), p.Errored(), p.ErrorMessage, tc.stage, tc.completed, tc.errored, tc.msg)
			}
			if (len(ch) > 0) != tc.changes {
				t.Fatalf("changes %v, want some: %v", ch, tc.changes)
			}
			if tc.changes && !p.StageDate.Equal(now) {
				t.Fatalf("StageDate=%v, want %v", p.StageDate, now)
			}
		})
	}
	t.Run("StartPortingAfterResolution", func(t *testing.T) {
		p := &domain.ReconnectPort{Stage: domain.StageResolution, ErrorMessage: "fix", ReconnectOrderIDs: []int64{3}, NewLineID: i64(8)}
		ch := domain.StartPorting(p, 4, 9, now)
		if p.Stage != domain.StagePorting || p.Errored() || p.ErrorMessage != "" || p.CurrentReconnectOrderID() != 4 || *p.NewLineID != 9 {
			t.Fatalf("port = %+v", p)
		}
		if ch["Stage"] != (domain.Change{domain.StageResolution, domain.StagePorting}) || ch["ReconnectOrderIDs"][1] != int64(4) {
			t.Fatalf("changes %v", ch)
		}
	})
}

func TestPortOverdue(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		stage string
		age   time.Duration
		want  bool
	}{
		{domain.StagePorting, 149 * time.Minute, false},
		{domain.StagePorting, 151 * time.Minute, true},
		{domain.StageDisconnecting, 3 * time.Hour, true},
		{domain.StageResolution, 3 * time.Hour, true},
		{domain.StageCompleted, 3 * time.Hour, false},
		{domain.StageErrored, 3 * time.Hour, false},
	} {
		p := &domain.ReconnectPort{Stage: tc.stage, CreatedAt: now.Add(-tc.age)}
		if got := p.Overdue(now); got != tc.want {
			t.Errorf("%s after %v: Overdue=%v, want %v", tc.stage, tc.age, got, tc.want)
		}
	}
}

func TestPlanReconnectOrders(t *testing.T) {
	ctx := context.Background()
	port := func() *domain.ReconnectPort {
		return &domain.ReconnectPort{ID: 7, CustomerID: 1, LineID: 1, TN: "3125550101", InventoryIdentifier: "ESN-MINE",
			InventoryType: domain.InventoryDevice, PortMDN: "7735550199", AccountNumber: "A-1", AuthorizedSigner: "Ann",
			PINPassword: domain.NewSecret("4321"), Remark: "r", AddressID: 2, Stage: domain.StageDisconnecting}
	}
	t.Run("OK", func(t *testing.T) {
		f := newPortFake()
		f.lines[1].Status = domain.LineDisconnected
		plan, msg, err := domain.PlanReconnectOrders(ctx, f, port())
		if err != nil || msg != "" {
			t.Fatalf("err %v, message %q", err, msg)
		}
		o := plan.Orders[0]
		if o.Type != domain.TypeNew || !o.Reconnect || !o.FlowThrough || o.CarrierID != 1 || o.CarrierAccountID != 10 {
			t.Fatalf("order = %s reconnect %v flow %v carrier %d account %d", o.Type, o.Reconnect, o.FlowThrough, o.CarrierID, o.CarrierAccountID)
		}
		it := o.Items[0]
		if it.TN != "7735550199" || it.Action != domain.ItemAdd || it.PackageID != 1 || len(it.Products) != 2 || it.InventoryIdentifiers[0] != "ESN-MINE" {
			t.Fatalf("item = %+v", it)
		}
		wp := o.WirelessPort
		if wp.MDN != "7735550199" || wp.AccountNumber != "A-1" || wp.PINPassword.Clear() != "4321" || wp.Address.Address1 != "2 Side St" || wp.Address.ID != 0 {
			t.Fatalf("port request = %+v", wp)
		}
		if a := plan.Assignments[0]; a.Identifier != "ESN-MINE" || a.Line != plan.Lines[0] || plan.Lines[0].Status != domain.LinePending {
			t.Fatalf("assignment = %+v", a)
		}
	})
	for _, tc := range []struct {
		name string
		edit func(f *portFake, p *domain.ReconnectPort)
		want string
	}{
		{"ErrInventoryTaken", func(f *portFake, _ *domain.ReconnectPort) { f.inventory["ESN-MINE"].CustomerID = i64(2) },
			"The inventory cannot be reassigned to the new service: Inventory ESN-MINE is ASSIGNED to another customer"},
		{"ErrInventoryUnavailable", func(f *portFake, _ *domain.ReconnectPort) {
			f.inventory["ESN-MINE"].Status, f.inventory["ESN-MINE"].CustomerID = domain.InventoryUnavailable, nil
		}, "is UNAVAILABLE"},
		{"ErrInventoryGone", func(f *portFake, _ *domain.ReconnectPort) { delete(f.inventory, "ESN-MINE") }, "no longer in inventory"},
		{"ErrNumberTaken", func(_ *portFake, p *domain.ReconnectPort) { p.PortMDN = "3125550107" }, "3125550107 was taken meanwhile: PortMDN 3125550107 is already in use on line 7"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, p := newPortFake(), port()
			tc.edit(f, p)
			plan, msg, err := domain.PlanReconnectOrders(ctx, f, p)
			if err != nil || plan != nil || !strings.Contains(msg, tc.want) {
				t.Fatalf("plan %v err %v message %q, want %q", plan, err, msg, tc.want)
			}
		})
	}
	t.Run("ErrStore", func(t *testing.T) {
		f := newPortFake()
		f.fail = errBoom
		if _, _, err := domain.PlanReconnectOrders(ctx, f, port()); err != errBoom {
			t.Fatalf("err=%v, want the store's", err)
		}
	})
}

func TestPlanResubmit(t *testing.T) {
	ctx := context.Background()
	port := func(stage string) *domain.ReconnectPort {
		return &domain.ReconnectPort{ID: 7, AccountNumber: "999-1", AuthorizedSigner: "Ann", PINPassword: domain.NewSecret("0000"), AddressID: 1, Stage: stage}
	}
	t.Run("OK", func(t *testing.T) {
		n, ch, err := domain.PlanResubmit(ctx, newPortFake(), port(domain.StageResolution),
			&domain.ResubmitInput{AccountNumber: " 123-1 ", PINPassword: domain.NewSecret("4321"), AddressID: 2}, domain.RoleRep)
		if err != nil {
			t.Fatal(err)
		}
		if n.AccountNumber != "123-1" || n.PINPassword.Clear() != "4321" || n.AuthorizedSigner != "Ann" || n.AddressID != 2 {
			t.Fatalf("port = %+v", n)
		}
		if _, ok := ch["AuthorizedSigner"]; ok || ch["AccountNumber"] != (domain.Change{"999-1", "123-1"}) {
			t.Fatalf("changes %v", ch)
		}
		if strings.Contains(strings.Join([]string{ch["PINPassword"][0].(string), ch["PINPassword"][1].(string)}, " "), "4321") {
			t.Fatalf("the audit shows the PIN: %v", ch["PINPassword"])
		}
	})
	t.Run("SameDetailsAgain", func(t *testing.T) {
		if _, ch, err := domain.PlanResubmit(ctx, newPortFake(), port(domain.StageResolution), &domain.ResubmitInput{}, domain.RoleRep); err != nil || len(ch) != 0 {
			t.Fatalf("err %v changes %v", err, ch)
		}
	})
	for _, tc := range []struct {
		name  string
		stage string
		in    *domain.ResubmitInput
		role  domain.Role
		code  string
		field string
	}{
		{"ErrNotInResolution", domain.StagePorting, &domain.ResubmitInput{}, domain.RoleRep, domain.ECONFLICT, ""},
		{"ErrCompleted", domain.StageCompleted, &domain.ResubmitInput{}, domain.RoleRep, domain.ECONFLICT, ""},
		{"ErrSupport", domain.StageResolution, &domain.ResubmitInput{}, domain.RoleSupport, domain.EFORBIDDEN, ""},
		{"ErrAddress", domain.StageResolution, &domain.ResubmitInput{AddressID: 9}, domain.RoleRep, domain.EINVALID, "AddressID"},
		{"ErrAccountLong", domain.StageResolution, &domain.ResubmitInput{AccountNumber: strings.Repeat("1", 41)}, domain.RoleRep, domain.EINVALID, "AccountNumber"},
		{"ErrPINNul", domain.StageResolution, &domain.ResubmitInput{PINPassword: domain.NewSecret("1\x00")}, domain.RoleRep, domain.EINVALID, "PINPassword"},
		{"ErrNil", domain.StageResolution, nil, domain.RoleRep, domain.EINVALID, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := domain.PlanResubmit(ctx, newPortFake(), port(tc.stage), tc.in, tc.role)
			if got := domain.ErrorCode(err); got != tc.code {
				t.Fatalf("code %q, want %q (%v)", got, tc.code, err)
			}
			if tc.field != "" {
				if _, ok := fieldErrors(err)[tc.field]; !ok {
					t.Fatalf("no error on %s: %v", tc.field, err)
				}
			}
		})
	}
}
