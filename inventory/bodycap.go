package inventory

import (
	"errors"
	"fmt"
	"io"
	"net/http"
)

// The most an answer may weigh. A page of 200 objects, or the unpaginated
// list of thousands of databases, is a few megabytes; an error needs only
// its message. An endless or enormous answer ends at the cap with
// errTooLarge, and its refresh fails with reason too_large, rather than the
// exporter reading it into memory.
const (
	maxAnswerBytes = 64 << 20
	maxErrorBytes  = 1 << 20
)

var errTooLarge = errors.New("the answer is larger than the exporter reads")

// cappedTransport caps the body of every answer.
type cappedTransport struct{ next http.RoundTripper }

func (t cappedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err != nil || resp.Body == nil {
		return resp, err
	}
	limit := int64(maxAnswerBytes)
	if resp.StatusCode >= 300 {
		limit = maxErrorBytes
	}
	resp.Body = &cappedBody{body: resp.Body, left: limit, limit: limit}
	return resp, nil
}

// cappedBody reads at most limit bytes, then fails with errTooLarge if
// there is more.
type cappedBody struct {
	body        io.ReadCloser
	left, limit int64
}

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// One more byte tells an answer of exactly the cap from a longer one.
		if n, _ := b.body.Read(make([]byte, 1)); n == 0 {
			return 0, io.EOF
		}
		return 0, fmt.Errorf("more than %d bytes: %w", b.limit, errTooLarge)
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.body.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *cappedBody) Close() error { return b.body.Close() }
