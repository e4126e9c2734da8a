package browser

import (
	"context"
	"testing"
)

// Context is the browser's chromedp context, for a test that drives a
// page itself: navigates to a server, fills in forms, presses keys and
// waits for the page to change (underlag serve's tests).
func (b *Browser) Context() context.Context { return b.ctx }

// Current is the page the browser shows now, reached through Context,
// to read and check (Text, Axe, Screenshot) as an opened file is; name
// names it in messages.
func (b *Browser) Current(t testing.TB, name string) *Page {
	return &Page{t: t, ctx: b.ctx, Path: name}
}
