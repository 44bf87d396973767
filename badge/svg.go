package badge

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

const (
	// SVGNamespace is the XML namespace of the Open Badges 3.0 credential
	// element in a baked SVG.
	SVGNamespace = "https://purl.imsglobal.org/ob/v3p0"
	// SVGNamespaceOB2 is the namespace Open Badges 2.0 used for its
	// <openbadges:assertion> element.
	SVGNamespaceOB2 = "http://openbadges.org"

	svgPrefix  = "openbadges"
	svgElement = "credential"
	svgOB2Elem = "assertion"
	svgXMLNS   = "http://www.w3.org/2000/svg"
)

// isSVGRoot reports whether name is that of an SVG root element. A
// document without the SVG namespace declaration is accepted, as browsers
// do for standalone files.
func isSVGRoot(name xml.Name) bool {
	return name.Local == "svg" && (name.Space == svgXMLNS || name.Space == "")
}

// isCredentialElement reports whether name is a baked-credential element:
// <credential> in the Open Badges 3.0 namespace (or with the prefix
// openbadges left undeclared) or an Open Badges 2.0 <assertion>.
func isCredentialElement(name xml.Name) bool {
	switch name.Local {
	case svgElement:
		return name.Space == SVGNamespace || name.Space == svgPrefix
	case svgOB2Elem:
		return name.Space == SVGNamespaceOB2
	}
	return false
}

// checkRootAttrs rejects a root element with a repeated attribute, which
// makes the document not well-formed (encoding/xml does not check).
func checkRootAttrs(se xml.StartElement) error {
	seen := make(map[xml.Name]bool, len(se.Attr))
	for _, a := range se.Attr {
		if seen[a.Name] {
			return fmt.Errorf("%w: duplicate attribute %s:%s on the root element", ErrNotSVG, a.Name.Space, a.Name.Local)
		}
		seen[a.Name] = true
	}
	return nil
}

// newSVGDecoder returns a strict XML decoder. encoding/xml never fetches
// external entities and does not expand entities declared in a DTD, so
// "billion laughs" and XXE payloads fail as unknown entities.
func newSVGDecoder(svg []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charsetReader
	return d
}

// ExtractSVG returns the credential baked into an SVG image: from the
// first <openbadges:credential> element (namespace SVGNamespace), the
// value of its verify attribute (a compact JWS) or, without that
// attribute, its text or CDATA content (a JSON credential), trimmed of
// surrounding white space. An Open Badges 2.0 <openbadges:assertion>
// element is read the same way.
//
// It returns an error wrapping ErrNotSVG if svg is not well-formed XML up
// to that element or its root is not <svg>, and ErrNoCredential if there is
// no such element or it is empty.
func ExtractSVG(svg []byte) (string, error) {
	d := newSVGDecoder(svg)
	rootSeen := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if !rootSeen {
				return "", fmt.Errorf("%w: no root element", ErrNotSVG)
			}
			return "", ErrNoCredential
		}
		if err != nil {
			return "", fmt.Errorf("%w: %w", ErrNotSVG, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !rootSeen {
			if !isSVGRoot(se.Name) {
				return "", fmt.Errorf("%w: root element is <%s>", ErrNotSVG, se.Name.Local)
			}
			if err := checkRootAttrs(se); err != nil {
				return "", err
			}
			rootSeen = true
			continue
		}
		if !isCredentialElement(se.Name) {
			continue
		}
		for _, a := range se.Attr {
			if a.Name.Space == "" && a.Name.Local == "verify" {
				if v := strings.TrimSpace(a.Value); v != "" {
					return v, nil
				}
			}
		}
		body, err := elementText(d)
		if err != nil {
			return "", err
		}
		if body == "" {
			return "", fmt.Errorf("%w: empty <%s> element", ErrNoCredential, se.Name.Local)
		}
		return body, nil
	}
}

// elementText collects the character data (including CDATA sections) of
// the element whose start tag was just read, up to its end tag.
func elementText(d *xml.Decoder) (string, error) {
	var sb strings.Builder
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return "", fmt.Errorf("%w: %w", ErrNotSVG, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 1 {
				sb.Write(t)
			}
		}
	}
	return strings.TrimSpace(sb.String()), nil
}

// BakeSVG returns a copy of svg with jws baked in, as
// <openbadges:credential verify="JWS"></openbadges:credential> directly
// after the opening <svg> tag, with xmlns:openbadges bound to SVGNamespace
// on the root element. Existing credential elements (Open Badges 3.0 under
// any prefix, and 2.0 assertions) are removed, so re-baking replaces the
// credential. If the root binds the prefix openbadges to another namespace
// (as Open Badges 2.0 did), the binding is changed to SVGNamespace. The rest
// of the document is kept byte for byte.
//
// svg must be a well-formed XML document with an <svg> root; jws must be a
// compact JWS.
func BakeSVG(svg []byte, jws string) ([]byte, error) {
	if err := checkCompactJWS(jws); err != nil {
		return nil, err
	}
	d := newSVGDecoder(svg)
	var (
		rootStart, rootEnd = -1, -1
		rootSelfClosing    bool
		nsDecl             attrSpan // xmlns:openbadges on the root, if any
		nsOK               bool     // ...and already bound to SVGNamespace
		drop               [][2]int
	)
	for {
		before := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrNotSVG, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if rootStart < 0 {
			if !isSVGRoot(se.Name) {
				return nil, fmt.Errorf("%w: root element is <%s>", ErrNotSVG, se.Name.Local)
			}
			rootStart, rootEnd = before, int(d.InputOffset())
			if rootEnd-rootStart < 2 || svg[rootStart] != '<' || svg[rootEnd-1] != '>' {
				return nil, fmt.Errorf("%w: cannot locate the root start tag", ErrNotSVG)
			}
			rootSelfClosing = svg[rootEnd-2] == '/'
			if err := checkRootAttrs(se); err != nil {
				return nil, err
			}
			for _, a := range se.Attr {
				if a.Name.Space == "xmlns" && a.Name.Local == svgPrefix {
					nsOK = a.Value == SVGNamespace
				}
			}
			if nsDecl, err = findAttr(svg[rootStart:rootEnd], "xmlns:"+svgPrefix); err != nil {
				return nil, err
			}
			continue
		}
		if isCredentialElement(se.Name) || hasCredentialTag(svg[before:]) {
			if err := d.Skip(); err != nil {
				return nil, fmt.Errorf("%w: %w", ErrNotSVG, err)
			}
			drop = append(drop, [2]int{before, int(d.InputOffset())})
		}
	}
	if rootStart < 0 {
		return nil, fmt.Errorf("%w: no root element", ErrNotSVG)
	}

	tag := svg[rootStart:rootEnd]
	nameEnd := 1
	for nameEnd < len(tag) && !isXMLSpace(tag[nameEnd]) && tag[nameEnd] != '/' && tag[nameEnd] != '>' {
		nameEnd++
	}
	rootName := tag[1:nameEnd]

	var out bytes.Buffer
	out.Grow(len(svg) + len(jws) + 128)
	out.Write(svg[:rootStart])
	// The root start tag, with the namespace declared or re-bound.
	switch {
	case nsDecl.found && nsOK:
		out.Write(tag)
	case nsDecl.found:
		out.Write(tag[:nsDecl.valStart])
		xml.EscapeText(&out, []byte(SVGNamespace))
		out.Write(tag[nsDecl.valEnd:])
	default:
		out.Write(tag[:nameEnd])
		out.WriteString(` xmlns:` + svgPrefix + `="` + SVGNamespace + `"`)
		out.Write(tag[nameEnd:])
	}
	if rootSelfClosing {
		// <svg .../> becomes <svg ...>credential</svg>.
		out.Truncate(out.Len() - 2)
		out.WriteByte('>')
	}
	writeCredentialElement(&out, jws)
	if rootSelfClosing {
		out.WriteString("</")
		out.Write(rootName)
		out.WriteByte('>')
	}
	prev := rootEnd
	for _, r := range drop {
		out.Write(svg[prev:r[0]])
		prev = r[1]
	}
	out.Write(svg[prev:])
	return out.Bytes(), nil
}

// hasCredentialTag reports whether b starts with an openbadges:credential
// or openbadges:assertion start tag, by its literal prefix. After baking,
// the root binds openbadges to SVGNamespace, so such an element would be
// read as a credential whatever its prefix meant before.
func hasCredentialTag(b []byte) bool {
	for _, name := range []string{"<" + svgPrefix + ":" + svgElement, "<" + svgPrefix + ":" + svgOB2Elem} {
		if rest, ok := bytes.CutPrefix(b, []byte(name)); ok && len(rest) > 0 &&
			(isXMLSpace(rest[0]) || rest[0] == '/' || rest[0] == '>') {
			return true
		}
	}
	return false
}

// writeCredentialElement writes the credential element with jws as its
// verify attribute, XML-escaped.
func writeCredentialElement(w *bytes.Buffer, jws string) {
	w.WriteString("<" + svgPrefix + ":" + svgElement + ` verify="`)
	xml.EscapeText(w, []byte(jws)) // escapes & < > " ' and white space controls
	w.WriteString(`"></` + svgPrefix + ":" + svgElement + ">")
}

// attrSpan locates an attribute's value inside a start tag (between the
// quotes).
type attrSpan struct {
	found            bool
	valStart, valEnd int
}

// findAttr scans a well-formed start tag (already accepted by
// encoding/xml) for the attribute with the given qualified name.
func findAttr(tag []byte, qname string) (attrSpan, error) {
	errTag := fmt.Errorf("%w: malformed root start tag", ErrNotSVG)
	i := 1
	for i < len(tag) && !isXMLSpace(tag[i]) && tag[i] != '/' && tag[i] != '>' {
		i++
	}
	for {
		for i < len(tag) && isXMLSpace(tag[i]) {
			i++
		}
		if i >= len(tag) {
			return attrSpan{}, errTag
		}
		if tag[i] == '/' || tag[i] == '>' {
			return attrSpan{}, nil
		}
		nameStart := i
		for i < len(tag) && !isXMLSpace(tag[i]) && tag[i] != '=' {
			i++
		}
		name := string(tag[nameStart:i])
		for i < len(tag) && isXMLSpace(tag[i]) {
			i++
		}
		if i >= len(tag) || tag[i] != '=' {
			return attrSpan{}, errTag
		}
		i++
		for i < len(tag) && isXMLSpace(tag[i]) {
			i++
		}
		if i >= len(tag) || (tag[i] != '"' && tag[i] != '\'') {
			return attrSpan{}, errTag
		}
		q := tag[i]
		i++
		end := bytes.IndexByte(tag[i:], q)
		if end < 0 {
			return attrSpan{}, errTag
		}
		if name == qname {
			return attrSpan{found: true, valStart: i, valEnd: i + end}, nil
		}
		i += end + 1
	}
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
