package httpapi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/holder"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/oid4vci"
)

// openapiStubIssuer satisfies Issuer for building a Server without a
// database; the routes need an issuer only at request time.
type openapiStubIssuer struct{}

func (openapiStubIssuer) Issue(context.Context, issuer.Request) (*issuer.Result, error) {
	return nil, errors.New("openapi test: no issuer")
}

func (openapiStubIssuer) SecuredDocument(*credential.Record) (map[string]any, bool, error) {
	return nil, false, nil
}

func (openapiStubIssuer) Identity() *issuer.Identity {
	return &issuer.Identity{BaseURL: "https://certs.example.edu"}
}

// openapiMethods are the OpenAPI path-item keys that are operations.
var openapiMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// ginParam matches gin's :param and *param path segments.
var ginParam = regexp.MustCompile(`[:*]([A-Za-z0-9_]+)`)

// openapiPathParam matches OpenAPI {param} path segments.
var openapiPathParam = regexp.MustCompile(`\{([^}/]+)\}`)

// loadOpenAPI parses the embedded document.
func loadOpenAPI(t *testing.T) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := yaml.Unmarshal(openapiDoc, &doc); err != nil {
		t.Fatalf("openapi.yaml does not parse as YAML: %v", err)
	}
	if doc == nil {
		t.Fatal("openapi.yaml is empty")
	}
	return doc
}

// asMap returns v as a map with string keys (YAML keys such as 200 may
// decode as numbers).
func asMap(v any) (map[string]any, bool) {
	switch m := v.(type) {
	case map[string]any:
		return m, true
	case map[any]any:
		out := make(map[string]any, len(m))
		for k, x := range m {
			out[fmt.Sprint(k)] = x
		}
		return out, true
	}
	return nil, false
}

// resolvePointer follows a local JSON pointer ("#/a/b") inside doc.
func resolvePointer(doc map[string]any, ref string) (any, error) {
	rest, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return nil, fmt.Errorf("not a local reference")
	}
	var node any = doc
	if rest == "" {
		return node, nil
	}
	if !strings.HasPrefix(rest, "/") {
		return nil, fmt.Errorf("not a JSON pointer")
	}
	for _, tok := range strings.Split(rest[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch n := node.(type) {
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n) {
				return nil, fmt.Errorf("no element %q", tok)
			}
			node = n[i]
		default:
			m, ok := asMap(n)
			if !ok {
				return nil, fmt.Errorf("%q is inside a scalar", tok)
			}
			next, ok := m[tok]
			if !ok {
				return nil, fmt.Errorf("no member %q", tok)
			}
			node = next
		}
	}
	return node, nil
}

// pointerEscape escapes a JSON pointer token.
func pointerEscape(tok string) string {
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1")
}

// deref follows v's $ref chain, if any.
func deref(doc map[string]any, v any) (any, error) {
	for range 16 {
		m, ok := asMap(v)
		if !ok {
			return v, nil
		}
		ref, ok := m["$ref"].(string)
		if !ok {
			return v, nil
		}
		next, err := resolvePointer(doc, ref)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ref, err)
		}
		v = next
	}
	return nil, fmt.Errorf("$ref chain too long")
}

// openapiOperations returns the documented operations as "METHOD /path" →
// the operation object, and the path items by path.
func openapiOperations(t *testing.T, doc map[string]any) (map[string]map[string]any, map[string]map[string]any) {
	t.Helper()
	paths, ok := asMap(doc["paths"])
	if !ok {
		t.Fatal("openapi.yaml has no paths object")
	}
	ops := map[string]map[string]any{}
	items := map[string]map[string]any{}
	for p, raw := range paths {
		item, ok := asMap(raw)
		if !ok {
			t.Errorf("path %s: the path item is not an object", p)
			continue
		}
		items[p] = item
		for _, m := range openapiMethods {
			if raw, ok := item[m]; ok {
				op, ok := asMap(raw)
				if !ok {
					t.Errorf("%s %s: the operation is not an object", strings.ToUpper(m), p)
					continue
				}
				ops[strings.ToUpper(m)+" "+p] = op
			}
		}
	}
	return ops, items
}

// TestOpenAPI checks the embedded OpenAPI document: it is OpenAPI 3.1, it
// documents every route the server registers with the right method, every
// operation has responses and its path parameters declared, and every $ref
// resolves. When you add a route, document it in openapi.yaml.
func TestOpenAPI(t *testing.T) {
	doc := loadOpenAPI(t)

	t.Run("version", func(t *testing.T) {
		v, _ := doc["openapi"].(string)
		if !strings.HasPrefix(v, "3.1") {
			t.Errorf("openapi = %q, want 3.1.x", v)
		}
		info, ok := asMap(doc["info"])
		if !ok || info["title"] == nil || info["version"] == nil {
			t.Errorf("info needs title and version, got %v", doc["info"])
		}
	})

	ops, items := openapiOperations(t, doc)

	t.Run("every route is documented", func(t *testing.T) {
		s, err := newServer(Config{}, Services{Issuer: openapiStubIssuer{}, Log: slog.New(slog.DiscardHandler),
			Delivery: &Delivery{Holder: (*holder.Service)(nil), Wallet: (*oid4vci.Service)(nil)}})
		if err != nil {
			t.Fatalf("newServer: %v", err)
		}
		routes := s.engine.Routes()
		if len(routes) == 0 {
			t.Fatal("the server registers no routes")
		}
		var missing []string
		for _, r := range routes {
			p := ginParam.ReplaceAllString(r.Path, "{$1}")
			key := r.Method + " " + p
			// The console's section pages are HTML for people: the
			// contract holds their prefix (/console/), its sign-in and
			// setup pages, not each page.
			if strings.HasPrefix(p, "/console/") {
				continue
			}
			if _, ok := ops[key]; !ok {
				missing = append(missing, key+" (route "+r.Path+")")
			}
		}
		sort.Strings(missing)
		for _, m := range missing {
			t.Errorf("route not documented in internal/httpapi/openapi.yaml: %s", m)
		}
		registered := map[string]bool{}
		for _, r := range routes {
			registered[r.Method+" "+ginParam.ReplaceAllString(r.Path, "{$1}")] = true
		}
		var ahead []string
		for k := range ops {
			if !registered[k] {
				ahead = append(ahead, k)
			}
		}
		sort.Strings(ahead)
		if len(ahead) > 0 {
			t.Logf("documented but not routed by httpapi.New (not yet implemented): %s", strings.Join(ahead, ", "))
		}
	})

	t.Run("operations", func(t *testing.T) {
		if len(ops) == 0 {
			t.Fatal("no operations documented")
		}
		ids := map[string]string{}
		for key, op := range ops {
			responses, ok := asMap(op["responses"])
			if !ok || len(responses) == 0 {
				t.Errorf("%s: no responses", key)
			}
			for code := range responses {
				if code == "default" {
					continue
				}
				if n, err := strconv.Atoi(code); err != nil || http.StatusText(n) == "" {
					if !regexp.MustCompile(`^[1-5]XX$`).MatchString(code) {
						t.Errorf("%s: response key %q is not an HTTP status", key, code)
					}
				}
			}
			if id, ok := op["operationId"].(string); ok {
				if other, dup := ids[id]; dup {
					t.Errorf("operationId %q is used by %s and %s", id, other, key)
				}
				ids[id] = key
			}
			// Every {param} of the path is declared as a path parameter.
			_, path, _ := strings.Cut(key, " ")
			declared := map[string]bool{}
			var params []any
			if l, ok := items[path]["parameters"].([]any); ok {
				params = append(params, l...)
			}
			if l, ok := op["parameters"].([]any); ok {
				params = append(params, l...)
			}
			for _, raw := range params {
				pv, err := deref(doc, raw)
				if err != nil {
					continue // reported by the $ref check
				}
				if pm, ok := asMap(pv); ok && pm["in"] == "path" {
					name, _ := pm["name"].(string)
					declared[name] = true
					if pm["required"] != true {
						t.Errorf("%s: path parameter %q must be required", key, name)
					}
				}
			}
			for _, m := range openapiPathParam.FindAllStringSubmatch(path, -1) {
				if !declared[m[1]] {
					t.Errorf("%s: path parameter {%s} is not declared", key, m[1])
				}
			}
		}
	})

	t.Run("refs resolve", func(t *testing.T) {
		n := 0
		var walk func(v any, at string)
		walk = func(v any, at string) {
			switch x := v.(type) {
			case []any:
				for i, e := range x {
					walk(e, at+"/"+strconv.Itoa(i))
				}
			default:
				m, ok := asMap(x)
				if !ok {
					return
				}
				if raw, ok := m["$ref"]; ok {
					n++
					ref, ok := raw.(string)
					if !ok {
						t.Errorf("%s: $ref is not a string", at)
					} else if _, err := resolvePointer(doc, ref); err != nil {
						t.Errorf("%s: $ref %q does not resolve: %v", at, ref, err)
					}
				}
				keys := make([]string, 0, len(m))
				for k := range m {
					keys = append(keys, k)
				}
				sort.Strings(keys)
				for _, k := range keys {
					switch k {
					case "example":
						continue // data, not references
					case "examples":
						// A map of Example Objects (which may be $refs); in a
						// schema, an array of data values.
						if em, ok := asMap(m[k]); ok {
							for name, e := range em {
								walk(e, at+"/examples/"+pointerEscape(name))
							}
						}
						continue
					}
					walk(m[k], at+"/"+pointerEscape(k))
				}
			}
		}
		walk(doc, "#")
		if n == 0 {
			t.Error("no $ref found: the walk is broken")
		}
	})
}
