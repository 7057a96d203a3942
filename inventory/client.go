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
	Timeout   time.Duration // deadline of one request, answer body included
	UserAgent string
}

// newClient builds a godo client whose requests are GET-only, authenticated,
// counted and bounded in time. It does not use godo's retries: a failed
// refresh is retried by the refresher on its own schedule.
func newClient(opts ClientOptions, recorder *apiRecorder) (*godo.Client, error) {
	base := http.DefaultTransport.(*http.Transport).Clone()
	httpClient := &http.Client{
		Timeout: opts.Timeout,
		Transport: readOnlyTransport{
			next: bearerTransport{token: opts.Token, next: recordingTransport{recorder: recorder, next: base}},
		},
		// The token is added by our transport on every hop, so following a
		// redirect could hand it to another host.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return godo.New(httpClient, godo.SetBaseURL(opts.BaseURL), godo.SetUserAgent(opts.UserAgent))
}
