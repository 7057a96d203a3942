package inventory

import (
	"net/http"
	"time"

	"github.com/digitalocean/godo"
)

// ClientOptions say how to reach the API.
type ClientOptions struct {
	BaseURL   string
	Token     func() string // asked on every request, so a rotated token is used at once
	Timeout   time.Duration // deadline of one request, answer body and retries included
	UserAgent string
	Retry     RetryPolicy // DefaultRetryPolicy when zero
}

// newClient builds a godo client whose requests are GET-only, authenticated,
// retried a few times, counted and bounded in time. It does not use godo's
// retries, which know neither our budget nor a deadline: a request that
// keeps failing fails its refresh, which the refresher retries later on its
// own schedule.
func newClient(opts ClientOptions, recorder *apiRecorder) (*godo.Client, error) {
	base := http.DefaultTransport.(*http.Transport).Clone()
	if opts.Retry.Attempts == 0 {
		opts.Retry = DefaultRetryPolicy
	}
	counted := recordingTransport{recorder: recorder, next: cappedTransport{next: base}}
	httpClient := &http.Client{
		Timeout: opts.Timeout,
		Transport: readOnlyTransport{
			next: bearerTransport{token: opts.Token, next: retryTransport{policy: opts.Retry, next: counted, wait: sleep}},
		},
		// The token is added by our transport on every hop, so following a
		// redirect could hand it to another host.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return godo.New(httpClient, godo.SetBaseURL(opts.BaseURL), godo.SetUserAgent(opts.UserAgent))
}
