package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// TestWizardReviewMoney: the new-service review shows the line's products
// with the monthly amount before → after, and warns about a product asked
// for that the package already brings.
func TestWizardReviewMoney(t *testing.T) {
	app := webtest.OpenDemo(t)
	fx := newWizardFixture(t, app)
	pkgs, err := app.DB.FindPackages(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var pkg *domain.Package
	for _, p := range pkgs {
		if p.ID == fx.PackageID {
			pkg = p
		}
	}
	if pkg == nil || len(pkg.Products) == 0 {
		t.Fatalf("package %d has no products", fx.PackageID)
	}
	// Ask for a product the package brings anyway (twice, at a credit of 5).
	var twice domain.Product
	// A new line gets the plan, included options and one-time charges;
	// one-time charges count once, the rest every month.
	var want, once domain.Money
	var brought int
	for _, p := range pkg.Products {
		switch p.Role {
		case domain.RoleOneTime:
			once += p.Rate
		case domain.RolePlan, domain.RoleIncluded:
			want += p.Rate
		default:
			continue
		}
		brought++
		twice = p
	}
	fx.ProductID = twice.ID
	if twice.Role == domain.RoleOneTime {
		once += -5 * 10000 * 2
	} else {
		want += -5 * 10000 * 2
	}

	rep := app.As(domain.RoleRep)
	var b bodies
	base := walkToReview(t, rep, fx, &b)
	res := rep.Get(base + "/review")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("review: status %d", res.StatusCode)
	}
	doc := res.Doc()
	var warned int
	for _, n := range doc.FindAll(".sb-charges .sb-warn") {
		if strings.Contains(n.Text(), "twice") {
			warned++
		}
	}
	if warned != 2 {
		t.Errorf("%d products warned as added twice, want 2 (%s from the package and asked for)", warned, twice.Description)
	}
	amounts, ok := doc.Find(".sb-amounts")
	if !ok {
		t.Fatal("the review shows no amounts")
	}
	if got := strings.Join(strings.Fields(amounts.Text()), " "); !strings.Contains(got, "every month $0.00 → "+want.Dollars()) ||
		!strings.Contains(got, "once $0.00 → "+once.Dollars()) {
		t.Errorf("amounts %q, want every month $0.00 → %s and once $0.00 → %s", got, want.Dollars(), once.Dollars())
	}
	if n := len(doc.FindAll(".sb-charges tbody tr")); n != brought+1 {
		t.Errorf("%d product rows, want %d (the package's and the one asked for)", n, brought+1)
	}
}
