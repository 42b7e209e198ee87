// Package auth hashes passwords and makes API tokens.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"

	"golang.org/x/crypto/bcrypt"
)

// Bcrypt hashes passwords with bcrypt.
type Bcrypt struct{ Cost int }

// Hash returns the bcrypt hash of pw.
func (b Bcrypt) Hash(pw string) (string, error) {
	cost := b.Cost
	if cost == 0 {
		cost = bcrypt.DefaultCost
	}
	h, err := bcrypt.GenerateFromPassword([]byte(pw), cost)
	return string(h), err
}

// Check reports whether pw matches hash.
func (Bcrypt) Check(hash, pw string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) == nil
}

// dummyHash is compared against when a user does not exist, so a wrong
// name takes as long as a wrong password.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("no such user"), bcrypt.DefaultCost)

// DummyCheck spends the time of one password check.
func DummyCheck(pw string) { bcrypt.CompareHashAndPassword(dummyHash, []byte(pw)) }

// TokenPrefix starts every API token, so leaked tokens are easy to spot.
const TokenPrefix = "sbt_"

// NewToken returns a new API token and the hash that is stored for it.
func NewToken() (token, hash string) {
	b := make([]byte, 32)
	rand.Read(b)
	token = TokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken is the stored form of a token: tokens are random and long, so a
// plain SHA-256 is enough (no salt or stretching needed).
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(token)))
	return hex.EncodeToString(sum[:])
}
