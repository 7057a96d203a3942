// Package markdown reads what the docs tests check in the repository's
// Markdown: headings and the anchors GitHub gives them, links, and fenced
// code blocks. It reads only as much Markdown as our pages use.
package markdown

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"unicode"
)

// Block is a fenced code block: its info string (yaml, sh) and its text.
type Block struct {
	Info string
	Text string
}

// line is one line of a document, and whether it lies in a fenced block.
type line struct {
	text    string
	inFence bool
}

// lines splits doc into lines and marks those inside fenced code blocks
// (the fences themselves included).
func lines(doc []byte) []line {
	var out []line
	fence := ""
	for _, text := range strings.Split(string(doc), "\n") {
		trimmed := strings.TrimSpace(text)
		switch {
		case fence == "" && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			fence = trimmed[:3]
			out = append(out, line{text, true})
		case fence != "" && strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, fence[:1]) == "":
			fence = ""
			out = append(out, line{text, true})
		default:
			out = append(out, line{text, fence != ""})
		}
	}
	return out
}

var heading = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)

// Headings are the texts of the ATX headings (# Title) outside code blocks.
func Headings(doc []byte) []string {
	var out []string
	for _, l := range lines(doc) {
		if m := heading.FindStringSubmatch(l.text); m != nil && !l.inFence {
			out = append(out, m[2])
		}
	}
	return out
}

// Anchors are the fragment identifiers GitHub gives the document's
// headings: a second heading of the same text gets -1, a third -2.
func Anchors(doc []byte) map[string]bool {
	anchors := map[string]bool{}
	seen := map[string]int{}
	for _, h := range Headings(doc) {
		a := Anchor(h)
		if n := seen[a]; n > 0 {
			seen[a]++
			a += "-" + strconv.Itoa(n)
		} else {
			seen[a] = 1
		}
		anchors[a] = true
	}
	return anchors
}

var (
	linkText   = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	codeSpan   = regexp.MustCompile("`+([^`]*)`+")
	emphasisOn = regexp.MustCompile(`(\*\*|__|\*)`)
)

// Anchor is GitHub's anchor for a heading: its text as rendered (links as
// their text, no code or emphasis marks), lower-cased, with every
// character but letters, digits, spaces, hyphens and underscores dropped
// and spaces turned into hyphens.
func Anchor(text string) string {
	text = linkText.ReplaceAllString(text, "$1")
	text = codeSpan.ReplaceAllString(text, "$1")
	text = emphasisOn.ReplaceAllString(text, "")
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteRune('-')
		}
	}
	return b.String()
}

var link = regexp.MustCompile(`!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(([^)\s]+)(?:\s+"[^"]*")?\)`)

// Links are the targets of the document's inline links and images outside
// code blocks and code spans, in order.
func Links(doc []byte) []string {
	var out []string
	for _, l := range lines(doc) {
		if l.inFence {
			continue
		}
		for _, m := range link.FindAllStringSubmatch(codeSpan.ReplaceAllString(l.text, ""), -1) {
			out = append(out, m[1])
		}
	}
	return out
}

// CodeBlocks are the document's fenced code blocks, in order.
func CodeBlocks(doc []byte) []Block {
	var out []Block
	var current *Block
	for _, l := range lines(doc) {
		switch {
		case l.inFence && current == nil:
			current = &Block{Info: strings.TrimLeft(strings.TrimSpace(l.text), "`~")}
		case l.inFence && isFence(l.text):
			out = append(out, *current)
			current = nil
		case current != nil:
			current.Text += l.text + "\n"
		}
	}
	return out
}

func isFence(text string) bool {
	trimmed := strings.TrimSpace(text)
	return strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")
}

// CheckTarget fails when file does not exist, or when fragment is given
// and file is not a Markdown page with a heading of that anchor.
func CheckTarget(file, fragment string) error {
	raw, err := os.ReadFile(file)
	switch {
	case err != nil && !errors.Is(err, syscall.EISDIR):
		return err
	case fragment == "":
		return nil
	case filepath.Ext(file) != ".md":
		return fmt.Errorf("an anchor into %s, which is not a Markdown page", file)
	case !Anchors(raw)[fragment]:
		return fmt.Errorf("%s has no heading whose anchor is #%s", file, fragment)
	}
	return nil
}
