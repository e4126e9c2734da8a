// Package serve is `underlag serve`: a local web page on which an official
// writes a document in a form generated from the JSON Schema and sees it
// as it will look, updated on every save from the page or any editor.
//
// The server listens on the loopback address only. It answers only
// requests whose Host is that address (a page elsewhere that rebinds its
// name to 127.0.0.1 is refused), and takes no write without the per-run
// token its own pages carry. It reads and writes only inside the data
// tree, through an os.Root, and writes atomically: a write that fails
// leaves the old file. Saving the form writes the YAML back through
// yaml.v3's node API, so that comments, key order and the lines of every
// key that did not change are kept; a file changed on disk since the page
// was opened is not overwritten.
//
// Every document is loaded, checked, composed and rendered by the one
// pipeline (generator/pipeline); the preview is the format of the table
// whose media type is text/html.
package serve

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/underlag/underlag/generator/pipeline"
	"github.com/underlag/underlag/generator/watch"
)

// Config is what a server serves.
type Config struct {
	Dir     string         // the data tree
	Formats pipeline.Table // the table of output formats: the preview and the downloads
	// Pipeline makes a pipeline for the given formats (the command's
	// settings: templates, reference document, --root). Called again
	// after every change in the tree, since a pipeline caches what it read.
	Pipeline func(formats []pipeline.Format) (*pipeline.Pipeline, error)
	// Log receives a line per problem the server meets; nil discards.
	Log io.Writer
}

// Server is a running `underlag serve`.
type Server struct {
	cfg   Config
	tree  *tree
	token string
	port  string // the port it listens on, which the Host header must name

	mu    sync.Mutex
	gen   int                   // bumped on every change in the tree
	pipes map[use]*madePipeline // for gen
	cats  map[bool]*catalog     // for gen: with and without the documents scanned
	cgen  map[bool]int

	events *hub
}

// New prepares a server for the data tree.
func New(cfg Config) (*Server, error) {
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.Pipeline == nil {
		cfg.Pipeline = func(f []pipeline.Format) (*pipeline.Pipeline, error) {
			return pipeline.New(pipeline.Config{Formats: f})
		}
	}
	if cfg.Formats == nil {
		cfg.Formats = pipeline.DefaultTable()
	}
	t, err := openTree(cfg.Dir)
	if err != nil {
		return nil, err
	}
	var tok [24]byte
	if _, err := rand.Read(tok[:]); err != nil {
		return nil, err
	}
	return &Server{cfg: cfg, tree: t, token: hex.EncodeToString(tok[:]), gen: 1, events: newHub(),
		pipes: map[use]*madePipeline{}, cats: map[bool]*catalog{}, cgen: map[bool]int{}}, nil
}

// Token is the run's token, which every write must carry.
func (s *Server) Token() string { return s.token }

// Run listens on 127.0.0.1:port (0 picks a free port), calls ready with
// the page's address once it accepts connections, and serves until ctx is
// done.
func (s *Server) Run(ctx context.Context, port int, ready func(url string)) error {
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return fmt.Errorf("serve: %w (another program may use port %d: choose another with --port, or --port 0 for any free one)", err, port)
	}
	_, s.port, _ = net.SplitHostPort(ln.Addr().String())
	// As the build finds data files: not in out/ (nor hidden folders,
	// which the watcher leaves out itself). A short quiet time: the page
	// should follow a save at once.
	w, err := watch.New(watch.Options{Recursive: []string{s.tree.dir}, Quiet: 50 * time.Millisecond,
		Skip: func(dir string) bool { return filepath.Base(dir) == "out" }})
	if err != nil {
		ln.Close()
		return err
	}
	defer w.Close()
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	errc := make(chan error, 2)
	go func() { errc <- srv.Serve(ln) }()
	go func() { errc <- w.Run(ctx, s.changed) }()
	if ready != nil {
		ready("http://127.0.0.1:" + s.port + "/")
	}
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	s.events.close()
	shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	srv.Shutdown(shut)
	s.tree.Close()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// changed is told of every batch of changed files: the next request
// reads everything anew, and the open pages are told which files changed.
func (s *Server) changed(paths []string) {
	s.mu.Lock()
	s.gen++
	s.mu.Unlock()
	var rels []string
	for _, p := range paths {
		if r, ok := s.tree.rel(p); ok {
			rels = append(rels, r)
		}
	}
	s.events.publish(rels)
}

// use is what a pipeline is for. Each is made for what it needs, since a
// pipeline is made again after every change and preparing the PDF and
// DOCX renderers takes most of a second on a busy machine, while checking
// and the preview take a few milliseconds.
type use int

const (
	forCheck   use = iota // load, check, compose: no renderer, the glyph checks of the default formats, as a build
	forPreview            // and render the preview format
	forOutput             // and render every format of the table
)

type madePipeline struct {
	p   *pipeline.Pipeline
	gen int
}

// pipeline is the pipeline for a use in the current state of the tree,
// made once per change.
func (s *Server) pipeline(u use) (*pipeline.Pipeline, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m := s.pipes[u]; m != nil && m.gen == s.gen {
		return m.p, nil
	}
	formats := []pipeline.Format{}
	switch u {
	case forPreview:
		if f, ok := s.previewFormat(); ok {
			formats = append(formats, f)
		}
	case forOutput:
		formats = s.cfg.Formats
	}
	p, err := s.cfg.Pipeline(formats)
	if err != nil {
		return nil, err
	}
	s.pipes[u] = &madePipeline{p, s.gen}
	return p, nil
}

// catalog is the tree as it is now, read once per change: its
// organisations, and with docs every document checked (the index); the
// checking pipeline comes with it.
func (s *Server) catalog(docs bool) (*catalog, *pipeline.Pipeline, error) {
	p, err := s.pipeline(forCheck)
	if err != nil {
		return nil, nil, err
	}
	s.mu.Lock()
	if c := s.cats[docs]; c != nil && s.cgen[docs] == s.gen {
		s.mu.Unlock()
		return c, p, nil
	}
	gen := s.gen
	s.mu.Unlock()
	c, err := s.scan(p, docs)
	if err != nil {
		return nil, nil, err
	}
	s.mu.Lock()
	if gen == s.gen {
		s.cats[docs], s.cgen[docs] = c, gen
	}
	s.mu.Unlock()
	return c, p, nil
}

// invalidate makes the next request read the tree anew, after the server
// itself wrote a file (the watcher tells it too, a moment later).
func (s *Server) invalidate() {
	s.mu.Lock()
	s.gen++
	s.mu.Unlock()
}

// previewFormat is the table's format whose media type is HTML, which
// the page shows the document in; ok is false when the table has none.
func (s *Server) previewFormat() (pipeline.Format, bool) {
	for _, f := range s.cfg.Formats {
		if f.MediaType == "text/html" {
			return f, true
		}
	}
	return pipeline.Format{}, false
}

// Handler is the server's routes behind its guard.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("GET /dokument/{path...}", s.page)
	mux.HandleFunc("GET /forhandsvisning/{path...}", s.preview)
	mux.HandleFunc("GET /fel/{path...}", s.problems)
	mux.HandleFunc("GET /utdata/{format}/{path...}", s.output)
	mux.HandleFunc("GET /handelser", s.stream)
	mux.HandleFunc("POST /spara/{path...}", s.saveForm)
	mux.HandleFunc("POST /spara-yaml/{path...}", s.saveYAML)
	mux.HandleFunc("GET /ny", s.newForm)
	mux.HandleFunc("POST /ny", s.create)
	mux.Handle("GET /resurser/", http.StripPrefix("/resurser/", http.FileServerFS(assetFS())))
	return s.guard(mux)
}
