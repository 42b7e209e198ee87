package webtest

import (
	"strings"

	"golang.org/x/net/html"
)

// Node is an element of a parsed page, for checking answers by selector.
type Node struct{ *html.Node }

// Doc parses the answer's body as HTML (a whole page or a fragment).
func (r *Response) Doc() Node {
	doc, err := html.Parse(strings.NewReader(r.Text))
	if err != nil {
		panic("webtest: html.Parse never fails on a string: " + err.Error())
	}
	return Node{doc}
}

// Find returns the first element matching sel, and whether there is one.
// sel is a small CSS subset: compounds of tag, #id, .class, [attr],
// [attr=value], [attr^=value], [attr*=value], joined by spaces (descendant).
func (n Node) Find(sel string) (Node, bool) {
	all := n.findAll(sel, true)
	if len(all) == 0 {
		return Node{}, false
	}
	return all[0], true
}

// FindAll returns every element matching sel, in document order.
func (n Node) FindAll(sel string) []Node { return n.findAll(sel, false) }

// Has reports whether an element matches sel.
func (n Node) Has(sel string) bool { _, ok := n.Find(sel); return ok }

// Attr returns an attribute's value ("" when absent).
func (n Node) Attr(name string) string {
	if n.Node == nil {
		return ""
	}
	for _, a := range n.Node.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// HasAttr reports whether the element has the attribute.
func (n Node) HasAttr(name string) bool {
	if n.Node == nil {
		return false
	}
	for _, a := range n.Node.Attr {
		if a.Key == name {
			return true
		}
	}
	return false
}

// Text is the element's text with runs of white space made one space.
func (n Node) Text() string {
	if n.Node == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
			b.WriteByte(' ')
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n.Node)
	return strings.Join(strings.Fields(b.String()), " ")
}

// HTML renders the element back to markup (for failure messages).
func (n Node) HTML() string {
	if n.Node == nil {
		return ""
	}
	var b strings.Builder
	html.Render(&b, n.Node)
	return b.String()
}

func (n Node) findAll(sel string, first bool) []Node {
	if n.Node == nil {
		return nil
	}
	steps := strings.Fields(sel)
	var out []Node
	var walk func(x *html.Node) bool
	walk = func(x *html.Node) bool {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && matchPath(c, n.Node, steps) {
				out = append(out, Node{c})
				if first {
					return true
				}
			}
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(n.Node)
	return out
}

// matchPath reports whether x matches the last step and its ancestors
// (below root) match the earlier steps in order.
func matchPath(x, root *html.Node, steps []string) bool {
	if len(steps) == 0 || !matchCompound(x, steps[len(steps)-1]) {
		return false
	}
	rest := steps[:len(steps)-1]
	for p := x.Parent; len(rest) > 0 && p != nil && p != root; p = p.Parent {
		if p.Type == html.ElementNode && matchCompound(p, rest[len(rest)-1]) {
			rest = rest[:len(rest)-1]
		}
	}
	return len(rest) == 0
}

// matchCompound matches one compound selector such as a.sb-badge[href^='/x'].
func matchCompound(x *html.Node, s string) bool {
	for s != "" {
		switch s[0] {
		case '#', '.':
			end := 1
			for end < len(s) && !strings.ContainsRune("#.[", rune(s[end])) {
				end++
			}
			name := s[1:end]
			if s[0] == '#' && attr(x, "id") != name {
				return false
			}
			if s[0] == '.' && !hasClass(x, name) {
				return false
			}
			s = s[end:]
		case '[':
			end := strings.IndexByte(s, ']')
			if end < 0 {
				panic("webtest: bad selector " + s)
			}
			if !matchAttr(x, s[1:end]) {
				return false
			}
			s = s[end+1:]
		default:
			end := 0
			for end < len(s) && !strings.ContainsRune("#.[", rune(s[end])) {
				end++
			}
			if tag := s[:end]; tag != "*" && !strings.EqualFold(x.Data, tag) {
				return false
			}
			s = s[end:]
		}
	}
	return true
}

func matchAttr(x *html.Node, expr string) bool {
	for _, op := range []string{"^=", "*=", "$=", "="} {
		if i := strings.Index(expr, op); i >= 0 {
			name, want := expr[:i], strings.Trim(expr[i+len(op):], `'"`)
			if !hasAttr(x, name) {
				return false
			}
			got := attr(x, name)
			switch op {
			case "^=":
				return strings.HasPrefix(got, want)
			case "*=":
				return strings.Contains(got, want)
			case "$=":
				return strings.HasSuffix(got, want)
			}
			return got == want
		}
	}
	return hasAttr(x, expr)
}

func attr(x *html.Node, name string) string { return Node{x}.Attr(name) }

func hasAttr(x *html.Node, name string) bool { return Node{x}.HasAttr(name) }

func hasClass(x *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(x, "class")) {
		if c == class {
			return true
		}
	}
	return false
}
