package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
)

// hub hands each batch of changed files to every open page.
type hub struct {
	mu     sync.Mutex
	subs   map[chan []string]bool
	closed bool
}

func newHub() *hub { return &hub{subs: map[chan []string]bool{}} }

func (h *hub) subscribe() chan []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	c := make(chan []string, 8)
	if h.closed {
		close(c)
		return c
	}
	h.subs[c] = true
	return c
}

func (h *hub) unsubscribe(c chan []string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs[c] {
		delete(h.subs, c)
		close(c)
	}
}

// publish sends a batch to every page; a page too slow to take it misses
// it, and takes the next.
func (h *hub) publish(rels []string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs {
		select {
		case c <- rels:
		default:
		}
	}
}

func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.subs {
		delete(h.subs, c)
		close(c)
	}
}

// stream sends the page an event "lage" with the tree's state (a number
// that changes with every change) when it connects, and an event "andrat"
// with the changed files (paths in the tree, as JSON) on every change:
// Server-Sent Events, which the browser's EventSource reconnects by
// itself.
func (s *Server) stream(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "strömning stöds inte", http.StatusInternalServerError)
		return
	}
	c := s.events.subscribe()
	defer s.events.unsubscribe(c)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	// The state of the tree the page should show: a page made before a
	// change it was not yet connected for reloads itself.
	s.mu.Lock()
	gen := s.gen
	s.mu.Unlock()
	fmt.Fprintf(w, "event: lage\ndata: %d\n\n", gen)
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case rels, ok := <-c:
			if !ok {
				return
			}
			b, _ := json.Marshal(rels)
			fmt.Fprintf(w, "event: andrat\ndata: %s\n\n", b)
			fl.Flush()
		}
	}
}
