package webtest

import (
	"context"
	_ "embed"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeSource is axe-core, vendored for the tests by scripts/vendor.sh
// (pinned version and checksum); it is never served by the portal.
//
//go:embed vendor/axe-core-4.10.3.min.js
var axeSource string

// axeRun checks the document against WCAG 2.0 and 2.1, levels A and AA,
// and answers the violations found, one line each.
const axeRun = `(async function(){
	const r = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a","wcag2aa","wcag21a","wcag21aa"]}, resultTypes: ["violations"]});
	return JSON.stringify(r.violations.map(v => v.id + " (" + v.impact + "): " + v.help + " — " +
		v.nodes.slice(0, 5).map(n => n.target.join(" ") + (n.failureSummary ? " [" + n.failureSummary.replace(/\s+/g, " ") + "]" : "")).join("; ")));
})()`

// Axe injects axe-core into the page ctx shows and fails the test for
// every WCAG 2.1 AA violation it finds there; what names the page in the
// message.
func Axe(tb testing.TB, ctx context.Context, what string) {
	tb.Helper()
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof axe !== "undefined"`))
	if err != nil {
		tb.Fatalf("axe on %s: %v", what, err)
	}
	if !loaded {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axeSource+";true")); err != nil {
			tb.Fatalf("inject axe on %s: %v", what, err)
		}
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.Fatalf("axe on %s: %v", what, err)
	}
	var violations []string
	if err := json.Unmarshal([]byte(out), &violations); err != nil {
		tb.Fatalf("axe on %s answered %q: %v", what, out, err)
	}
	if len(violations) > 0 {
		tb.Errorf("accessibility (WCAG 2.1 AA) on %s:\n  %s", what, strings.Join(violations, "\n  "))
	}
}
