package inventory

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestAnEndlessAnswerEndsAtTheCap: an answer that never ends is read up to
// the cap and fails with reason too_large; a failed answer's endless body
// does not keep the refresh reading either.
func TestAnEndlessAnswerEndsAtTheCap(t *testing.T) {
	for _, status := range []int{http.StatusOK, http.StatusInternalServerError} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(status)
			w.Write([]byte(`{"account":{"uuid":"`))
			chunk := []byte(strings.Repeat("a", 64<<10))
			for r.Context().Err() == nil {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}))
		client, err := newClient(ClientOptions{BaseURL: srv.URL, Token: func() string { return testToken }, Timeout: 30 * time.Second,
			Retry: RetryPolicy{Attempts: 1}}, newAPIRecorder())
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_, _, err = client.Account.Get(ctx)
		cancel()
		srv.Close()
		want := map[int]Reason{http.StatusOK: ReasonTooLarge, http.StatusInternalServerError: ReasonServerError}[status]
		if ReasonOf(err) != want {
			t.Errorf("%d with an endless body: %v (reason %s), want reason %s", status, err, ReasonOf(err), want)
		}
	}
}

func TestCappedBodyReadsUpToItsLimit(t *testing.T) {
	for _, tc := range []struct {
		body  string
		limit int64
		fails bool
	}{
		{"12345", 5, false},
		{"123456", 5, true},
		{"", 5, false},
	} {
		b := &cappedBody{body: readCloser{strings.NewReader(tc.body)}, left: tc.limit, limit: tc.limit}
		var got []byte
		buf := make([]byte, 2)
		var err error
		for err == nil {
			var n int
			n, err = b.Read(buf)
			got = append(got, buf[:n]...)
		}
		if tooLarge := ReasonOf(err) == ReasonTooLarge; tooLarge != tc.fails || len(got) > int(tc.limit) {
			t.Errorf("%q capped at %d: read %q, error %v", tc.body, tc.limit, got, err)
		}
	}
}

type readCloser struct{ *strings.Reader }

func (readCloser) Close() error { return nil }
