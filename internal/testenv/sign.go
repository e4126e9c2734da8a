package testenv

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// ThrowawayCertificate makes an NSS database in dir holding a self-signed
// signing certificate, trusted, named underlag-test, and returns the
// database's name for pdfsig -nssdir. It needs certutil (NeedTool).
// generator/pdf's signature test has its own copy, from before this one.
func ThrowawayCertificate(t testing.TB, dir string) string {
	t.Helper()
	db := filepath.Join(dir, "nss")
	if err := os.Mkdir(db, 0o700); err != nil {
		t.Fatal(err)
	}
	nss := "sql:" + db
	Run(t, "certutil", "-N", "-d", nss, "--empty-password")
	noise := filepath.Join(dir, "noise")
	if err := os.WriteFile(noise, bytes.Repeat([]byte("underlag signerar "), 8), 0o600); err != nil {
		t.Fatal(err)
	}
	Run(t, "certutil", "-S", "-d", nss, "-n", "underlag-test", "-s", "CN=Underlag Test,O=underlag",
		"-x", "-t", "CT,C,C", "-k", "rsa", "-g", "2048", "-v", "1", "-z", noise,
		"--keyUsage", "digitalSignature,nonRepudiation,certSigning")
	return nss
}

// PdfsigReport is pdfsig's report on a file's signatures. pdfsig exits
// with a non-zero status after NSS_Shutdown fails on some systems even
// when the report is complete, so the report, not the status, is judged.
func PdfsigReport(t testing.TB, nss, path string) string {
	t.Helper()
	out, _ := exec.Command("pdfsig", "-nssdir", nss, path).CombinedOutput()
	if !regexp.MustCompile(`Signature #1:`).Match(out) {
		t.Fatalf("pdfsig finds no signature in %s:\n%s", path, out)
	}
	return string(out)
}
