package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
