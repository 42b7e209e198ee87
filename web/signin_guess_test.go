package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"switchboard/domain"
	"switchboard/web/webtest"
)

// TestSignInGuessesAtOnce sends 60 wrong passwords at once, then the right
// one while they are still being checked: the limits (5 per name, 20 per
// address) hold as if the guesses had come one by one, and the right
// password is refused.
func TestSignInGuessesAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("checks 60 passwords at bcrypt's default cost")
	}
	for _, tt := range []struct {
		name     string
		guessAs  func(i int) string // the name each wrong guess signs in as
		wantLet  int                // wrong guesses whose password is checked and answered 401
		lockedBy string
	}{
		{"PerName", func(int) string { return "guessed" }, domain.SignInUserLimit - 1, "name"},
		{"PerAddress", func(i int) string { return fmt.Sprintf("nobody-%d", i) }, domain.SignInClientLimit - 1, "address"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			app := webtest.Open(t, nil)
			// The default cost, as a real password has: each check takes a while.
			hash, _ := bcrypt.GenerateFromPassword([]byte("right-horse-battery"), bcrypt.DefaultCost)
			if err := app.DB.CreateUser(t.Context(), &domain.User{Name: "guessed", Role: domain.RoleRep, PasswordHash: string(hash)}); err != nil {
				t.Fatal(err)
			}
			const guesses = 60
			var wg sync.WaitGroup
			statuses := make(chan int, guesses)
			for i := range guesses {
				wg.Add(1)
				go func() {
					defer wg.Done()
					res := app.Anonymous().PostForm("/login", url.Values{"name": {tt.guessAs(i)}, "password": {fmt.Sprintf("wrong-%d", i)}})
					statuses <- res.StatusCode
				}()
			}
			time.Sleep(300 * time.Millisecond) // the guesses are in, their passwords still being checked
			res := app.Anonymous().PostForm("/login", url.Values{"name": {"guessed"}, "password": {"right-horse-battery"}})
			wg.Wait()
			close(statuses)
			if res.StatusCode != http.StatusTooManyRequests {
				t.Fatalf("right password after %d guesses at once: status %d, want 429 (locked by %s)", guesses, res.StatusCode, tt.lockedBy)
			}
			let := 0
			for s := range statuses {
				switch s {
				case http.StatusUnauthorized:
					let++
				case http.StatusTooManyRequests:
				default:
					t.Errorf("a wrong guess answered %d", s)
				}
			}
			if let != tt.wantLet {
				t.Errorf("%d wrong guesses answered 401, want %d (the rest 429)", let, tt.wantLet)
			}
		})
	}
}
