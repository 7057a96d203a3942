package web

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"time"
)

// The landing page is rendered once per version of what it shows and
// query, with marks where each request writes its own: the nonce of its
// inline script and style, fresh every time, and how long ago things
// happened, at the time of the request. A stencil is that page cut at the
// marks.

// hole is what a request writes at a mark: its nonce, or the age of at.
type hole struct {
	nonce bool
	at    time.Time
}

// markPrefix starts every mark. It is random, so that no text from the API
// can pass for a mark, and made of letters and digits, which html/template
// writes as they are wherever the page puts them.
var markPrefix = func() []byte {
	b := make([]byte, 12)
	rand.Read(b) // never fails; see crypto/rand.Read
	return []byte("mark" + hex.EncodeToString(b) + "n")
}()

// marks hands out the marks of one rendering, each standing for a hole.
type marks struct{ holes []hole }

func (m *marks) mark(h hole) string {
	m.holes = append(m.holes, h)
	return string(markPrefix) + strconv.Itoa(len(m.holes)-1) + "."
}

// nonce is the mark of the request's nonce.
func (m *marks) nonce() string { return m.mark(hole{nonce: true}) }

// since is the mark of how long ago t was, when the page is asked for.
func (m *marks) since(t time.Time) string { return m.mark(hole{at: t}) }

// stencil is a page cut at its marks: text[i] comes before holes[i].
type stencil struct {
	text  [][]byte // one more than holes
	holes []hole
	bytes int
}

func (s *stencil) size() int { return s.bytes }

// cut cuts a page rendered with m's marks.
func (m *marks) cut(page []byte) (*stencil, error) {
	s := &stencil{bytes: len(page)}
	for {
		i := bytes.Index(page, markPrefix)
		if i < 0 {
			break
		}
		s.text = append(s.text, page[:i])
		page = page[i+len(markPrefix):]
		end := bytes.IndexByte(page, '.')
		n, err := strconv.Atoi(string(page[:max(end, 0)]))
		if end < 0 || err != nil || n >= len(m.holes) {
			return nil, fmt.Errorf("a mark of the page is cut short: %.20q", page)
		}
		s.holes = append(s.holes, m.holes[n])
		page = page[end+1:]
	}
	s.text = append(s.text, page)
	return s, nil
}

// writeTo writes the page with nonce and the ages at now.
func (s *stencil) writeTo(w io.Writer, nonce string, now time.Time) error {
	for i, h := range s.holes {
		if _, err := w.Write(s.text[i]); err != nil {
			return err
		}
		fill := nonce
		if !h.nonce {
			fill = age(now.Sub(h.at))
		}
		if _, err := io.WriteString(w, fill); err != nil {
			return err
		}
	}
	_, err := w.Write(s.text[len(s.text)-1])
	return err
}
