package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestFileTokenFollowsRotation replaces the token file on disk, as a
// rotation would, and checks which token each request would use.
func TestFileTokenFollowsRotation(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "token")
	write := func(content string) {
		t.Helper()
		// Replace the file the way secret managers do: write aside, rename over.
		aside := filepath.Join(dir, "token.new")
		if err := os.WriteFile(aside, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(aside, path); err != nil {
			t.Fatal(err)
		}
	}
	write(distinctiveToken + "\n")
	var rotations int
	var kept []error
	f, err := NewFileToken(path, TokenEvents{Rotated: func() { rotations++ }, Kept: func(err error) { kept = append(kept, err) }})
	if err != nil {
		t.Fatal(err)
	}
	if f.Token() != distinctiveToken {
		t.Fatal("first token not read")
	}

	write("dop_v1_rotated_token\n")
	if got := f.Token(); got != "dop_v1_rotated_token" || rotations != 1 {
		t.Errorf("after rotation: %q, %d rotations", got, rotations)
	}

	write("  \n") // emptied half-way through a rotation
	if got := f.Token(); got != "dop_v1_rotated_token" || len(kept) != 1 || !strings.Contains(kept[0].Error(), "is empty") {
		t.Errorf("empty file: token %q, kept %v", got, kept)
	}
	os.Remove(path)
	if got := f.Token(); got != "dop_v1_rotated_token" || len(kept) != 2 {
		t.Errorf("missing file: token %q, kept %v", got, kept)
	}
	f.Token()
	if len(kept) != 2 {
		t.Errorf("an unchanged missing file was reported again: %v", kept)
	}

	write("dop_v1_third_token")
	if got := f.Token(); got != "dop_v1_third_token" || rotations != 2 {
		t.Errorf("after recovery: %q, %d rotations", got, rotations)
	}
	for _, err := range kept {
		if strings.Contains(err.Error(), "dop_v1_") {
			t.Errorf("an error shows a token: %v", err)
		}
	}
}

// TestFileTokenTellsItsAgeAndExposure: Loaded is the modification time of
// the file the token in use came from, and a file every user may read is
// told once.
func TestFileTokenTellsItsAgeAndExposure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "token")
	firstWritten := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	write := func(content string, mode os.FileMode, modTime time.Time) {
		t.Helper()
		aside := filepath.Join(dir, "token.new")
		if err := os.WriteFile(aside, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(aside, mode); err != nil { // WriteFile's mode passes through the umask
			t.Fatal(err)
		}
		if err := os.Chtimes(aside, modTime, modTime); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(aside, path); err != nil {
			t.Fatal(err)
		}
	}
	write(distinctiveToken, 0o644, firstWritten)
	exposures := 0
	f, err := NewFileToken(path, TokenEvents{ReadableByOthers: func() { exposures++ }})
	if err != nil {
		t.Fatal(err)
	}
	if !f.Loaded().Equal(firstWritten) || f.Source() != SourceFile || exposures != 1 {
		t.Errorf("first read: loaded %v, source %q, %d exposures; want %v, file, 1", f.Loaded(), f.Source(), exposures, firstWritten)
	}
	f.Token()
	if err := os.Chmod(path, 0o640); err != nil { // group read is fine
		t.Fatal(err)
	}
	f.Token()
	if exposures != 1 {
		t.Errorf("%d exposures after reading the same file again and making it private, want 1", exposures)
	}

	rotatedAt := firstWritten.Add(90 * 24 * time.Hour)
	write("dop_v1_rotated_token", 0o604, rotatedAt)
	if got := f.Loaded(); !got.Equal(rotatedAt) || exposures != 2 {
		t.Errorf("after rotation to a file open to all: loaded %v, %d exposures; want %v, 2", got, exposures, rotatedAt)
	}
	write("", 0o600, rotatedAt.Add(time.Hour))
	if got := f.Loaded(); !got.Equal(rotatedAt) {
		t.Errorf("an emptied file moved the token's time to %v; the token in use is still the one of %v", got, rotatedAt)
	}
}

func TestStaticTokenTellsItsSource(t *testing.T) {
	loaded := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tok := NewStaticToken(Secret(distinctiveToken), SourceEnvironment, loaded)
	if tok.Token() != distinctiveToken || tok.Source() != "environment" || !tok.Loaded().Equal(loaded) {
		t.Errorf("static token: %q %q %v", tok.Token(), tok.Source(), tok.Loaded())
	}
	var _ TokenSource = tok
	var _ TokenSource = (*FileToken)(nil)
}
