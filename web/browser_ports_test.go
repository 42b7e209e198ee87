package web_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// portWorld finds a free ACTIVE Verizon Wireless line and an AVAILABLE SIM of the demo.
func portMaterial(t *testing.T, app *webtest.App, skip int) (lineID int64, tn, sim string) {
	t.Helper()
	ctx := context.Background()
	var lines []struct {
		ID int64  `db:"id"`
		TN string `db:"tn"`
	}
	if err := app.DB.R.SelectContext(ctx, &lines, app.DB.R.Rebind(`SELECT l.id, l.tn FROM lines l JOIN carriers c ON c.id = l.carrier_id
		WHERE c.code = 'VZW' AND l.status = 'ACTIVE' AND l.tn <> '' AND NOT EXISTS (SELECT 1 FROM order_items i JOIN orders o ON o.id = i.order_id
		WHERE i.line_id = l.id AND o.status NOT IN ('COMPLETE', 'CANCELED')) ORDER BY l.id LIMIT 1 OFFSET ?`), skip); err != nil || len(lines) == 0 {
		t.Fatalf("no free VZW line: %v", err)
	}
	var sims []string
	if err := app.DB.R.SelectContext(ctx, &sims, app.DB.R.Rebind(`SELECT identifier FROM inventory WHERE status = 'AVAILABLE'
		AND type = 'SIM_Card' ORDER BY id LIMIT 1 OFFSET ?`), skip); err != nil || len(sims) == 0 {
		t.Fatalf("no AVAILABLE SIM: %v", err)
	}
	return lines[0].ID, lines[0].TN, sims[0]
}

// startPortInForm fills the form as a rep does and submits it; it returns
// the new port's id, read off the board's flash.
func startPortInForm(t *testing.T, app *webtest.App, ctx context.Context, lineID int64, tn, sim, mdn, pin string) int64 {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Navigate(app.HTTP.URL+"/reconnect-ports/new"),
		chromedp.WaitVisible(chromedp.CSS("#f-LineSearch")),
		chromedp.SendKeys(chromedp.CSS("#f-LineSearch"), tn[:7]),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf("input[name=LineID][value='%d']", lineID))),
		chromedp.Click(chromedp.CSS(fmt.Sprintf("input[name=LineID][value='%d']", lineID))),
	)
	if err != nil {
		t.Fatalf("find the line by TN: %v", err)
	}
	fill(t, ctx, "Inventory.Identifier", sim, "PortMDN", mdn, "AccountNumber", "5550001", "AuthorizedSigner", "Pat Doe", "PINPassword", pin)
	// The checks as you type find nothing wrong.
	if !eventually(ctx, `(document.querySelector("#m-form")||{}).textContent.includes("Everything checks out")`) {
		txt, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("form").innerText`))
		t.Fatalf("the checks did not pass: %s", txt)
	}
	webtest.Shot(t, ctx, "reconnect-port-new")
	if os.Getenv("SWITCHBOARD_SCREENSHOTS") != "" {
		chromedp.Do(ctx, chromedp.EmulateViewport(375, 800))
		webtest.Shot(t, ctx, "reconnect-port-new-phone")
		chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900))
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("button[value=create]")),
		chromedp.WaitVisible(chromedp.CSS(".sb-flash-ok"))); err != nil {
		t.Fatalf("submit: %v", err)
	}
	flash, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".sb-flash-ok")))
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	if _, err := fmt.Sscanf(flash, "Reconnect port %d started", &id); err != nil {
		t.Fatalf("flash %q: %v", flash, err)
	}
	return id
}

// waitCard waits until port id's card is in stage's column of the board.
func waitCard(t *testing.T, ctx context.Context, id int64, stage string, within time.Duration) {
	t.Helper()
	cond := fmt.Sprintf(`!!document.querySelector("#stage-%s > #port-%d")`, stage, id)
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond)); err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	where, _ := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`(function(){var c=document.querySelector("#port-%d"); return c ? c.getAttribute("data-stage")+": "+c.innerText : "no card"})()`, id)))
	t.Fatalf("port %d did not reach %s on the board within %s; it shows %q", id, stage, within, where)
}

// openBoard opens the board as support and waits for its stream; a mark
// set on the page tells later whether it was ever reloaded.
func openBoard(t *testing.T, app *webtest.App) context.Context {
	t.Helper()
	board := webtest.Browser(t)
	signIn(t, app, board, "support", "demo")
	if err := chromedp.Do(board, chromedp.Navigate(app.HTTP.URL+"/reconnect-ports"),
		chromedp.WaitVisible(chromedp.CSS("#board"))); err != nil {
		t.Fatal(err)
	}
	if !eventually(board, `document.querySelector("[data-live-status]").textContent === "Live"`) {
		t.Fatal("the board's stream did not connect")
	}
	js(t, board, `(window.sbMark = 1) === 1`)
	return board
}

// TestBrowserReconnectPortCompletes: a rep starts a port in the form while
// support watches the board: the card appears in Disconnecting and moves
// by itself, through Porting, to Completed, without the page reloading.
func TestBrowserReconnectPortCompletes(t *testing.T) {
	app := webtest.OpenDemo(t)
	app.StartWork(t, 300*time.Millisecond, 100*time.Millisecond)
	board := openBoard(t, app)

	rep := webtest.Browser(t)
	signIn(t, app, rep, "rep", "demo")
	lineID, tn, sim := portMaterial(t, app, 0)
	id := startPortInForm(t, app, rep, lineID, tn, sim, "7735553001", "4321")

	waitCard(t, board, id, domain.StageCompleted, 30*time.Second)
	js(t, board, `window.sbMark === 1`)
	card, err := chromedp.Run(board, chromedp.Text(chromedp.CSS("#port-"+strconv.FormatInt(id, 10))))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"(773) 555-3001", "Completed", "Disconnect", "Reconnect", "Complete", "number activated"} {
		if !strings.Contains(card, want) {
			t.Errorf("card %q lacks %q", card, want)
		}
	}
	// The counts follow.
	js(t, board, `document.querySelector("#board-counts").innerText.includes("1\nCompleted") || document.querySelector("#board-counts").innerText.includes("1 Completed")`)
	webtest.Shot(t, board, "reconnect-board")
	if err := chromedp.Do(board, chromedp.EmulateViewport(375, 800)); err == nil {
		webtest.Shot(t, board, "reconnect-board-phone")
	}
}

// TestBrowserReconnectPortResubmitted: the losing carrier refuses a port
// (PIN 0000): its card moves to Resolution required with the reason; the
// rep corrects the PIN and resubmits; the card goes back to Porting and on
// to Completed.
func TestBrowserReconnectPortResubmitted(t *testing.T) {
	app := webtest.OpenDemo(t)
	app.StartWork(t, 300*time.Millisecond, 100*time.Millisecond)
	board := openBoard(t, app)

	rep := webtest.Browser(t)
	signIn(t, app, rep, "rep", "demo")
	lineID, tn, sim := portMaterial(t, app, 1)
	id := startPortInForm(t, app, rep, lineID, tn, sim, "7735553002", "0000")

	waitCard(t, board, id, domain.StageResolution, 30*time.Second)
	card, _ := chromedp.Run(board, chromedp.Text(chromedp.CSS("#port-"+strconv.FormatInt(id, 10))))
	if !strings.Contains(card, "PIN or password invalid") {
		t.Fatalf("card %q does not say why", card)
	}
	webtest.Shot(t, board, "reconnect-board-resolution")
	webtest.Axe(t, board, "the board with a port awaiting a correction")

	// The rep's board offers the correction.
	err := chromedp.Do(rep,
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf("#port-%d a[href$='/resubmit']", id))),
		chromedp.Click(chromedp.CSS(fmt.Sprintf("#port-%d a[href$='/resubmit']", id))),
		chromedp.WaitVisible(chromedp.CSS("#f-PINPassword")),
	)
	if err != nil {
		t.Fatalf("open the resubmit form: %v", err)
	}
	webtest.Shot(t, rep, "reconnect-port-resubmit")
	webtest.Axe(t, rep, "the reconnect port's resubmit form at 1280 px")
	if err := chromedp.Do(rep, chromedp.EmulateViewport(375, 812)); err != nil {
		t.Fatal(err)
	}
	webtest.Axe(t, rep, "the reconnect port's resubmit form at 375 px")
	if err := chromedp.Do(rep, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	fill(t, rep, "PINPassword", "2468")
	if err := chromedp.Do(rep, chromedp.Click(chromedp.CSS("form.sb-port-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".sb-flash-ok"))); err != nil {
		t.Fatalf("resubmit: %v", err)
	}
	waitCard(t, board, id, domain.StageCompleted, 30*time.Second)
	js(t, board, `window.sbMark === 1`)
}
