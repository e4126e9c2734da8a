// Package browser opens pages in headless Chromium for the tests of the
// HTML output: it runs axe-core's accessibility rules on a page, reads the
// text a reader sees (innerText), measures its width and takes its
// screenshot. It drives Debian's chromium with chromedp, each run with a
// private profile directory, and injects axe-core from the copy that
// `npm ci` installs beside this file (package.json pins its version).
//
// What a test needs and cannot find (chromium, the axe-core files) is
// skipped on a developer's machine and fails the test in CI (CI set),
// where .ci/run installs it. Only tests import this package.
package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Tags are the axe-core rule tags a page is checked against: WCAG 2.0 and
// 2.1, levels A and AA, what the Swedish accessibility law for public
// websites requires.
var Tags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// flags are Chromium's command-line flags: headless, and quiet, so that a
// test run talks to no server and shares nothing with another run. Hidden
// scrollbars take no width, so that the viewport's width is the page's
// (innerWidth is then clientWidth) and a screenshot shows all of it.
var flags = []string{"headless", "no-sandbox", "disable-gpu", "disable-quic", "no-first-run",
	"disable-background-networking", "disable-component-update", "disable-sync", "hide-scrollbars"}

// budget is how long the browser may take to start, and one page its
// work: the time left before the test binary's deadline (go test
// -timeout), less a margin to report in, so that a hung browser fails
// the test with its own message rather than the whole run, and a busy
// machine (a slow start, a slow axe run) never fails it: there is no
// bound tighter than the run's own. It is not an assertion on speed.
func budget(t testing.TB) time.Duration {
	const margin, least, unbounded = 30 * time.Second, time.Minute, 30 * time.Minute
	dt, ok := t.(interface{ Deadline() (time.Time, bool) })
	if !ok {
		return unbounded
	}
	deadline, ok := dt.Deadline()
	if !ok {
		return unbounded
	}
	return max(time.Until(deadline)-margin, least)
}

// missing skips the test outside CI and fails it in CI.
func missing(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatal(msg + " (.ci/run installs it)")
	}
	t.Skip(msg)
}

// Browser is a headless Chromium with its own profile, closed when the
// test ends.
type Browser struct {
	ctx context.Context
}

// New starts Chromium for t, or skips t (fails it in CI) when Chromium is
// not installed. Under -short it skips the test, as testenv.NeedTool does.
func New(t testing.TB) *Browser {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: opens chromium (make test runs it)")
	}
	exe := ""
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		missing(t, "chromium not installed (Debian: chromium)")
	}
	// A profile of its own, in the test's temporary directory: concurrent
	// runs never share one, and nothing is left behind.
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(exe), chromedp.UserDataDir(t.TempDir()),
		chromedp.WSURLReadTimeout(budget(t))}
	for _, f := range flags {
		opts = append(opts, chromedp.Flag(f, true))
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// Start the browser now, so that a failure to start is reported as
	// such and not as the first page's.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return &Browser{ctx: ctx}
}

// Page is a file opened in the browser at a viewport width.
type Page struct {
	t    testing.TB
	ctx  context.Context
	Path string
}

// Open loads the HTML file at path in a viewport width pixels wide.
func (b *Browser) Open(t testing.TB, path string, width int) *Page {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(b.ctx, budget(t))
	t.Cleanup(cancel)
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), 800), chromedp.Navigate(u.String())); err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	return &Page{t: t, ctx: ctx, Path: path}
}

// eval evaluates a JavaScript expression and decodes its value into T.
func eval[T any](p *Page, expr string, opts ...chromedp.EvaluateOption) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		p.t.Fatalf("%s: evaluate %.60s…: %v", p.Path, expr, err)
	}
	return v
}

// Text is the innerText of the first element selector matches: the text
// as a reader sees it, with the breaks the layout makes between blocks.
func (p *Page) Text(selector string) string {
	p.t.Helper()
	sel, _ := json.Marshal(selector)
	return eval[string](p, `document.querySelector(`+string(sel)+`).innerText`)
}

// Texts is the innerText of every element selector matches, in document
// order.
func (p *Page) Texts(selector string) []string {
	p.t.Helper()
	sel, _ := json.Marshal(selector)
	return eval[[]string](p, `Array.from(document.querySelectorAll(`+string(sel)+`), e => e.innerText)`)
}

// Width is the page's scrolling width and the viewport's width, in CSS
// pixels: the page scrolls sideways when the first is larger.
func (p *Page) Width() (scroll, viewport int) {
	p.t.Helper()
	v := eval[[2]int](p, `[document.scrollingElement.scrollWidth, window.innerWidth]`)
	return v[0], v[1]
}

// Screenshot is a PNG of the whole page.
func (p *Page) Screenshot() []byte {
	p.t.Helper()
	png, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.t.Fatalf("%s: screenshot: %v", p.Path, err)
	}
	return png
}

// Violation is one axe-core rule a page breaks.
type Violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"` // the offending elements' HTML, shortened
}

func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s\n    %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n    "))
}

// AxeScript is the path of the pinned axe-core, installed by `npm ci` in
// this package's directory.
func AxeScript(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("browser: cannot find its own directory")
	}
	p := filepath.Join(filepath.Dir(file), "node_modules", "axe-core", "axe.min.js")
	if _, err := os.Stat(p); err != nil {
		missing(t, "axe-core not installed: run `npm ci` in internal/browser")
	}
	return p
}

// Axe runs axe-core's rules for Tags on the page and returns the
// violations, sorted by rule.
func (p *Page) Axe() []Violation {
	p.t.Helper()
	src, err := os.ReadFile(AxeScript(p.t))
	if err != nil {
		p.t.Fatal(err)
	}
	eval[chromedp.Void](p, string(src))
	tags, _ := json.Marshal(Tags)
	out := eval[[]Violation](p, `axe.run(document, {runOnly: {type: "tag", values: `+string(tags)+`}, resultTypes: ["violations"]})
		.then(r => r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help,
			nodes: v.nodes.map(n => n.html.slice(0, 200))})))`, chromedp.EvalAwaitPromise)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
