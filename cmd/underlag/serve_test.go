package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// `underlag serve` listens on the loopback address, prints its address,
// serves the tree's index and refuses another Host; a file is not a
// folder to serve.
func TestServe(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	require.NoError(t, os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "data"))))
	pr, pw := io.Pipe()
	a := newApp(strings.NewReader(""), pw, io.Discard)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		root := newRootCmd(a)
		root.SetArgs([]string{"serve", dir, "--port", "0"})
		done <- root.ExecuteContext(ctx)
		pw.Close()
	}()
	line := make([]byte, 200)
	n, err := pr.Read(line)
	require.NoError(t, err)
	go io.Copy(io.Discard, pr)
	url := regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+/`).FindString(string(line[:n]))
	require.NotEmpty(t, url, "the address printed: %q", line[:n])

	resp, err := http.Get(url)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(body), "Region Västerbotten")

	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Host = "attacker.example"
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMisdirectedRequest, resp.StatusCode)

	cancel()
	assert.NoError(t, <-done)

	file := filepath.Join(dir, "organisation.yaml")
	root := newRootCmd(newApp(strings.NewReader(""), io.Discard, io.Discard))
	root.SetArgs([]string{"serve", file})
	assert.ErrorContains(t, root.Execute(), "not a folder")
}
