package main

import (
	"bufio"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"switchboard/db"
)

// keys are the secrets the portal runs with: session keys sign and encrypt
// cookies (the first signs new ones, the rest still read old ones, so keys
// can be rotated), the data key encrypts SSN, TaxID and PINPassword at rest.
type keys struct {
	Session [][]byte
	Data    []byte
}

// loadKeys takes the keys from configuration; what is not configured is
// generated once and kept in the keys file (mode 0600), so restarts do not
// sign everyone out or lose the secrets. Instances sharing a PostgreSQL
// database must share SWITCHBOARD_SESSION_KEY and SWITCHBOARD_DATA_KEY (or the file).
func loadKeys(sessionCfg, dataCfg, keysFile, dsn string) (*keys, error) {
	k := &keys{}
	for _, part := range strings.Split(sessionCfg, ",") {
		if part = strings.TrimSpace(part); part != "" {
			b, err := decodeKey(part, "SWITCHBOARD_SESSION_KEY")
			if err != nil {
				return nil, err
			}
			k.Session = append(k.Session, b)
		}
	}
	if dataCfg != "" {
		b, err := decodeKey(dataCfg, "SWITCHBOARD_DATA_KEY")
		if err != nil {
			return nil, err
		}
		k.Data = b
	}
	if len(k.Session) > 0 && k.Data != nil {
		return k, nil
	}
	if keysFile == "" {
		keysFile = "switchboard.keys"
		if !db.IsPostgresURL(dsn) {
			keysFile = strings.TrimSuffix(dsn, filepath.Ext(dsn)) + ".keys"
		}
	}
	stored, err := readOrCreateKeysFile(keysFile)
	if err != nil {
		return nil, err
	}
	if len(k.Session) == 0 {
		k.Session = stored.Session
	}
	if k.Data == nil {
		k.Data = stored.Data
	}
	return k, nil
}

// decodeKey reads a key given as 64 hex digits or base64 of 32 bytes; any
// other text of at least 32 characters is hashed to 32 bytes.
func decodeKey(s, name string) ([]byte, error) {
	if b, err := hex.DecodeString(s); err == nil && len(b) == 32 {
		return b, nil
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil && len(b) == 32 {
			return b, nil
		}
	}
	if len(s) < 32 {
		return nil, fmt.Errorf("%s must be 32 bytes (64 hex digits or base64) or a passphrase of at least 32 characters", name)
	}
	sum := sha256.Sum256([]byte(s))
	return sum[:], nil
}

func readOrCreateKeysFile(path string) (*keys, error) {
	if k, err := readKeysFile(path); err == nil {
		return k, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	k := &keys{Session: [][]byte{randomKey()}, Data: randomKey()}
	content := "# Switchboard keys, generated once. Keep this file secret and keep it:\n" +
		"# without the data key the encrypted SSN, TaxID and PINPassword values cannot be read.\n" +
		"session=" + base64.StdEncoding.EncodeToString(k.Session[0]) + "\n" +
		"data=" + base64.StdEncoding.EncodeToString(k.Data) + "\n"
	// Write a temporary file, then link it into place: the link fails if
	// another instance got there first, and nobody ever reads half a file.
	tmp, err := os.CreateTemp(filepath.Dir(path), ".switchboard-keys-*")
	if err != nil {
		return nil, fmt.Errorf("create keys file: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return nil, err
	}
	if _, err := tmp.WriteString(content); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Close(); err != nil {
		return nil, err
	}
	if err := os.Link(tmp.Name(), path); errors.Is(err, fs.ErrExist) {
		return readKeysFile(path)
	} else if err != nil {
		return nil, fmt.Errorf("create keys file: %w", err)
	}
	return k, nil
}

func readKeysFile(path string) (*keys, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	k := &keys{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, val, ok := strings.Cut(strings.TrimSpace(sc.Text()), "=")
		if !ok || strings.HasPrefix(name, "#") {
			continue
		}
		b, err := base64.StdEncoding.DecodeString(val)
		if err != nil || len(b) != 32 {
			return nil, fmt.Errorf("keys file %s: bad %s key", path, name)
		}
		switch name {
		case "session":
			k.Session = append(k.Session, b)
		case "data":
			k.Data = b
		}
	}
	if len(k.Session) == 0 || k.Data == nil {
		return nil, fmt.Errorf("keys file %s is incomplete (it is being written, or was cut short)", path)
	}
	return k, sc.Err()
}

func randomKey() []byte {
	b := make([]byte, 32)
	rand.Read(b)
	return b
}
