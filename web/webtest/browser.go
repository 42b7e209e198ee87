package webtest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// ChromiumPath is where Debian's chromium package puts the browser.
const ChromiumPath = "/usr/bin/chromium"

var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserErr    error
	browserCancel context.CancelFunc
)

// Browser returns a fresh browser tab with its own cookies, on one Chromium
// shared by the package's tests, for a minute. Without Chromium the test is
// skipped, or fails when CI is set (CI must run the browser tests).
func Browser(tb testing.TB) context.Context {
	tb.Helper()
	return BrowserFor(tb, 60*time.Second)
}

// BrowserFor is Browser for a tab that lives up to d (a walk over many pages).
func BrowserFor(tb testing.TB, d time.Duration) context.Context {
	tb.Helper()
	path := ChromiumPath
	if _, err := os.Stat(path); err != nil {
		if p, err := exec.LookPath("chromium"); err == nil {
			path = p
		} else if os.Getenv("CI") != "" {
			tb.Fatalf("chromium is not installed (CI must run the browser tests)")
		} else {
			tb.Skip("chromium is not installed")
		}
	}
	browserOnce.Do(func() {
		dir, err := os.MkdirTemp("", "switchboard-chromium-")
		if err != nil {
			browserErr = err
			return
		}
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(path),
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.UserDataDir(dir),
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.WindowSize(1280, 900),
		)
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(alloc)
		// Start the browser now, so a broken install fails here.
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](`1`)); err != nil {
			browserErr = err
		}
		browserCtx = ctx
		browserCancel = func() { cancel(); cancelAlloc(); os.RemoveAll(dir) }
	})
	if browserErr != nil {
		tb.Fatalf("start chromium: %v", browserErr)
	}
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	ctx, cancelT := context.WithTimeout(ctx, d)
	tb.Cleanup(func() { cancelT(); cancel() })
	return ctx
}

// CloseBrowser stops the shared browser; call it from TestMain.
func CloseBrowser() {
	if browserCancel != nil {
		browserCancel()
	}
}

// Shot saves a full-page screenshot as name.png in $SWITCHBOARD_SCREENSHOTS,
// when that is set, so people can look at the pages the tests walk through.
func Shot(tb testing.TB, ctx context.Context, name string) {
	tb.Helper()
	shot(tb, ctx, name, chromedp.FullScreenshot(100))
}

// ShotView is Shot of what the window shows (the top of a long page).
func ShotView(tb testing.TB, ctx context.Context, name string) {
	tb.Helper()
	shot(tb, ctx, name, chromedp.CaptureScreenshot())
}

func shot(tb testing.TB, ctx context.Context, name string, take chromedp.Action[[]byte]) {
	tb.Helper()
	dir := os.Getenv("SWITCHBOARD_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, take)
	if err != nil {
		tb.Errorf("screenshot %s: %v", name, err)
		return
	}
	os.MkdirAll(dir, 0o755)
	name = strings.NewReplacer("/", "_", " ", "_").Replace(name)
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		tb.Error(err)
	}
}
