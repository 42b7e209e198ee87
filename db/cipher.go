package db

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"strings"

	"switchboard/domain"
)

// Cipher encrypts secrets (SSN, TaxID, PINPassword) at rest with AES-256-GCM.
type Cipher struct{ aead cipher.AEAD }

// NewCipher takes a 32-byte key.
func NewCipher(key []byte) (*Cipher, error) {
	if len(key) != 32 {
		return nil, fmt.Errorf("data key must be 32 bytes, got %d", len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Cipher{aead: aead}, nil
}

const cipherPrefix = "v1:"

// Seal encrypts s; an empty secret stays "".
func (c *Cipher) Seal(s domain.Secret) string {
	if s.IsZero() {
		return ""
	}
	nonce := make([]byte, c.aead.NonceSize())
	rand.Read(nonce)
	out := c.aead.Seal(nonce, nonce, []byte(s.Clear()), nil)
	return cipherPrefix + base64.RawStdEncoding.EncodeToString(out)
}

// Open decrypts what Seal made.
func (c *Cipher) Open(enc string) (domain.Secret, error) {
	if enc == "" {
		return domain.Secret{}, nil
	}
	raw, err := base64.RawStdEncoding.DecodeString(strings.TrimPrefix(enc, cipherPrefix))
	if err != nil || !strings.HasPrefix(enc, cipherPrefix) || len(raw) < c.aead.NonceSize() {
		return domain.Secret{}, fmt.Errorf("malformed encrypted value")
	}
	n := c.aead.NonceSize()
	plain, err := c.aead.Open(nil, raw[:n], raw[n:], nil)
	if err != nil {
		return domain.Secret{}, fmt.Errorf("decrypt secret (is SWITCHBOARD_DATA_KEY the key it was written with?): %w", err)
	}
	return domain.NewSecret(string(plain)), nil
}
