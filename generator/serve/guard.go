package serve

import (
	"crypto/subtle"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// tokenHeader carries the per-run token on the page's own requests.
const tokenHeader = "X-Underlag-Token"

// guard refuses what does not come from the server's own page:
//
//   - a Host header that is not the loopback address the server listens
//     on (a DNS-rebinding page at evil.example resolving to 127.0.0.1
//     sends its own name);
//   - any request that changes something (not GET or HEAD) without the
//     per-run token that only the server's pages carry, or from another
//     origin (CSRF).
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.hostAllowed(r.Host) {
			http.Error(w, "Fel värdnamn: underlag serve svarar bara på 127.0.0.1 och localhost.", http.StatusMisdirectedRequest)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			r.Body = http.MaxBytesReader(w, r.Body, maxFile)
			if !s.tokenOK(r) {
				http.Error(w, "Förfrågan saknar giltig nyckel (token). Ladda om sidan och försök igen.", http.StatusForbidden)
				return
			}
			if o := r.Header.Get("Origin"); o != "" && o != "null" {
				if u, err := url.Parse(o); err != nil || !s.hostAllowed(u.Host) {
					http.Error(w, "Förfrågan kommer från en annan webbplats och nekas.", http.StatusForbidden)
					return
				}
			}
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		w.Header().Set("X-Frame-Options", "SAMEORIGIN")
		next.ServeHTTP(w, r)
	})
}

// hostAllowed accepts 127.0.0.1, localhost and [::1], on the server's port
// (on any port when the handler is used without Run, as in tests).
func (s *Server) hostAllowed(host string) bool {
	h, port, err := net.SplitHostPort(host)
	if err != nil {
		return false
	}
	if s.port != "" && port != s.port {
		return false
	}
	switch strings.ToLower(h) {
	case "127.0.0.1", "localhost", "::1":
		return true
	}
	return false
}

// tokenOK reports whether the request carries the run's token, in the
// header (the page's scripts) or in the form (a form posted without them).
func (s *Server) tokenOK(r *http.Request) bool {
	got := r.Header.Get(tokenHeader)
	if got == "" {
		if err := r.ParseMultipartForm(maxFile); err != nil && err != http.ErrNotMultipart {
			return false
		}
		got = r.PostFormValue("token")
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(s.token)) == 1
}
