package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Secret is an API token. It prints as a placeholder, so that a token
// formatted into a log line or an error by mistake does not leak.
type Secret string

const redacted = "<redacted>"

func (Secret) String() string               { return redacted }
func (Secret) GoString() string             { return redacted }
func (Secret) MarshalText() ([]byte, error) { return []byte(redacted), nil }
func (s Secret) Reveal() string             { return string(s) }

// ErrNoToken says that neither way of giving a token was used.
var ErrNoToken = errors.New("no DigitalOcean API token: set the " + TokenEnvironmentVariable +
	" environment variable, pass --digitalocean.token-file=FILE, or give systemd's LoadCredential=" + CredentialName +
	":FILE (or try --demo)")

// Where a token came from: the source label of
// digitalocean_token_loaded_timestamp_seconds.
const (
	SourceFile        = "file"
	SourceEnvironment = "environment"
)

// TokenSource is where an account's requests get their token, and what the
// exporter can tell of the token's age.
type TokenSource interface {
	Token() string     // the token to send now
	Loaded() time.Time // when the token in use was read; for a file, the file's modification time
	Source() string    // SourceFile, SourceEnvironment, or another word for where it came from
}

// StaticToken is a token read once: from the environment, at start or at
// the reload that (re)started its account.
type StaticToken struct {
	secret Secret
	loaded time.Time
	source string
}

// NewStaticToken keeps a token read from source at loaded.
func NewStaticToken(s Secret, source string, loaded time.Time) StaticToken {
	return StaticToken{secret: s, loaded: loaded, source: source}
}

func (t StaticToken) Token() string     { return t.secret.Reveal() }
func (t StaticToken) Loaded() time.Time { return t.loaded }
func (t StaticToken) Source() string    { return t.source }

// LoadToken reads the account's token from its file or environment
// variable, trimming surrounding whitespace. Errors name the file or
// variable, never the content.
func LoadToken(a Account, getenv func(string) string) (Secret, error) {
	if a.TokenFile != "" {
		file, err := readTokenFile(a.TokenFile)
		return file.token, err
	}
	if a.TokenEnv == "" {
		return "", ErrNoToken
	}
	token := strings.TrimSpace(getenv(a.TokenEnv))
	if token == "" {
		if a.TokenEnv == TokenEnvironmentVariable {
			return "", ErrNoToken
		}
		return "", fmt.Errorf("account %s: environment variable %s is empty or unset", Quote(a.Name), Quote(a.TokenEnv))
	}
	return Secret(token), nil
}

// maxTokenFileSize bounds what is read of a token file. A token is under a
// hundred bytes; a file much larger is the wrong file.
const maxTokenFileSize = 4096

// tokenFile is one read of a token file.
type tokenFile struct {
	token   Secret
	modTime time.Time
	// readableByOthers: every user of the machine may read the file (o+r).
	// Group read is not counted: a group of its own is the usual way to
	// share a secret with a service.
	readableByOthers bool
}

func readTokenFile(path string) (tokenFile, error) {
	// O_NONBLOCK: opening a FIFO would otherwise wait for a writer. It
	// changes nothing for a regular file.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return tokenFile{}, fmt.Errorf("token file %s: %w", Quote(path), unwrapPath(err)) // names the path once
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return tokenFile{}, fmt.Errorf("token file %s: %w", Quote(path), unwrapPath(err))
	}
	if !info.Mode().IsRegular() {
		return tokenFile{}, fmt.Errorf("token file %s is %s, not a regular file", Quote(path), fileKind(info.Mode()))
	}
	content, err := io.ReadAll(io.LimitReader(f, maxTokenFileSize+1))
	switch {
	case err != nil:
		return tokenFile{}, fmt.Errorf("token file %s: %w", Quote(path), unwrapPath(err))
	case len(content) > maxTokenFileSize:
		return tokenFile{}, fmt.Errorf("token file %s is larger than %d bytes, far more than a token; is it the right file?",
			Quote(path), maxTokenFileSize)
	}
	token := strings.TrimSpace(string(content))
	if token == "" {
		return tokenFile{}, fmt.Errorf("token file %s is empty", Quote(path))
	}
	return tokenFile{token: Secret(token), modTime: info.ModTime(), readableByOthers: info.Mode().Perm()&0o004 != 0}, nil
}

func fileKind(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "a directory"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeDevice != 0:
		return "a device"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	default:
		return "something other than a file"
	}
}

// CredentialName is the name of the credential systemd's LoadCredential=
// hands the exporter: $CREDENTIALS_DIRECTORY/digitalocean-token.
const CredentialName = "digitalocean-token"

// CredentialFile is the token file systemd passes the exporter through
// LoadCredential=, if it does: without --config.file, it stands for
// --digitalocean.token-file when that is not given, before
// DIGITALOCEAN_TOKEN, and is read again when it changes as any token file.
func CredentialFile(getenv func(string) string) (string, bool) {
	dir := getenv("CREDENTIALS_DIRECTORY")
	if dir == "" {
		return "", false
	}
	path := filepath.Join(dir, CredentialName)
	if _, err := os.Stat(path); err != nil {
		return "", false
	}
	return path, true
}
