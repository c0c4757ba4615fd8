package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestVerifyArchiveNeedsNoDatabase: an auditor checks an exported journal
// archive with the binary alone (no settings, no database): a sound one
// passes, one with an amount changed fails, naming the entry.
func TestVerifyArchiveNeedsNoDatabase(t *testing.T) {
	t.Parallel()
	bin := buildBinary(t)
	good := filepath.Join("testdata", "journal-archive.zip")
	cmd := exec.Command(bin, "verify-archive", good)
	cmd.Env = []string{"DATABASE_URL=postgres://nobody@127.0.0.1:1/none"} // never used
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	require.Contains(t, string(out), "Archive intègre : 55 écritures sur 2 caisse(s), 8 clôtures (8 recalculées)")

	bad := filepath.Join(t.TempDir(), "tampered.zip")
	require.NoError(t, os.WriteFile(bad, changeFirstAmount(t, good), 0o644))
	cmd = exec.Command(bin, "verify-archive", bad)
	out, err = cmd.CombinedOutput()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "%s", out)
	require.Equal(t, 1, exit.ExitCode())
	require.Regexp(t, `ÉCHEC : la caisse [0-9a-f-]{36}, écriture n° 1, ne se vérifie pas`, string(out))
	require.Contains(t, string(out), "FAILED: register ")
}

// changeFirstAmount adds a cent to the first ticket's total, leaving the rest.
func changeFirstAmount(t *testing.T, path string) []byte {
	t.Helper()
	z, err := zip.OpenReader(path)
	require.NoError(t, err)
	defer z.Close()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range z.File {
		r, err := f.Open()
		require.NoError(t, err)
		body, err := io.ReadAll(r)
		require.NoError(t, err)
		if f.Name == "entries.jsonl" {
			done := false
			body = regexp.MustCompile(`"InclCents":[0-9]+`).ReplaceAllFunc(body, func(m []byte) []byte {
				if done {
					return m
				}
				done = true
				return append(bytes.Clone(m), '1')
			})
		}
		fw, err := w.Create(f.Name)
		require.NoError(t, err)
		_, err = fw.Write(body)
		require.NoError(t, err)
	}
	require.NoError(t, w.Close())
	return buf.Bytes()
}
