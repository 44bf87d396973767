package verifier

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/statuslist"
)

// StatusLists checks W3C Bitstring Status List entries by fetching the
// issuer's status list credential over HTTP (with a timeout and a size
// limit) and verifying its signature with a key the issuer published. Any
// failure makes the status unknown, never valid.
type StatusLists struct {
	Keys      Keys
	Client    *http.Client
	AllowHTTP bool  // permit http:// lists on loopback (tests)
	MaxBytes  int64 // default 2 MiB
}

// Status implements Status.
func (sl *StatusLists) Status(ctx context.Context, p *Parsed) (StatusResult, error) {
	entries, err := statusEntries(p.Payload["credentialStatus"])
	if err != nil {
		return StatusResult{}, err
	}
	if len(entries) == 0 {
		return StatusResult{Status: StatusValid, Detail: "the credential has no status entry: it cannot be revoked", Message: lang.VerifyNoStatus}, nil
	}
	issuerID := p.Str("iss")
	checked := 0
	for _, e := range entries {
		if e.Type != "BitstringStatusListEntry" {
			continue
		}
		set, err := sl.bit(ctx, issuerID, e)
		if err != nil {
			return StatusResult{}, fmt.Errorf("%s list %s: %w", e.Purpose, e.List, err)
		}
		checked++
		if set {
			switch e.Purpose {
			case "revocation":
				return StatusResult{Status: StatusRevoked, Detail: "revoked in the issuer's status list " + e.List, Message: lang.VerifyStatusRevoked}, nil
			case "suspension":
				return StatusResult{Status: StatusSuspended, Detail: "suspended in the issuer's status list " + e.List, Message: lang.VerifyStatusSuspended}, nil
			}
		}
	}
	if checked == 0 {
		return StatusResult{}, errors.New("the credential's status method is not supported (only BitstringStatusListEntry)")
	}
	return StatusResult{Status: StatusValid, Detail: "not revoked or suspended in the issuer's status list", Message: lang.VerifyStatusOK}, nil
}

type statusEntry struct {
	Type, Purpose, List string
	Index               int
}

func statusEntries(v any) ([]statusEntry, error) {
	var raw []any
	switch x := v.(type) {
	case nil:
		return nil, nil
	case map[string]any:
		raw = []any{x}
	case []any:
		raw = x
	default:
		return nil, errors.New("credentialStatus is malformed")
	}
	var out []statusEntry
	for _, r := range raw {
		m, ok := r.(map[string]any)
		if !ok {
			return nil, errors.New("credentialStatus is malformed")
		}
		e := statusEntry{}
		e.Type, _ = m["type"].(string)
		e.Purpose, _ = m["statusPurpose"].(string)
		e.List, _ = m["statusListCredential"].(string)
		idx, _ := m["statusListIndex"].(string)
		n, err := strconv.Atoi(idx)
		if e.Type == "BitstringStatusListEntry" && (err != nil || n < 0 || e.List == "") {
			return nil, errors.New("BitstringStatusListEntry needs statusListCredential and a decimal statusListIndex")
		}
		e.Index = n
		out = append(out, e)
	}
	return out, nil
}

func (sl *StatusLists) bit(ctx context.Context, issuerID string, e statusEntry) (bool, error) {
	u, err := url.Parse(e.List)
	if err != nil || (u.Scheme != "https" && !(sl.AllowHTTP && u.Scheme == "http" && isLoopback(u.Hostname()))) {
		return false, fmt.Errorf("status list URL %q is not https", e.List)
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, e.List, nil)
	if err != nil {
		return false, err
	}
	req.Header.Set("Accept", "application/vc+jwt, application/jwt, text/plain")
	c := sl.Client
	if c == nil {
		c = &http.Client{Timeout: 5 * time.Second}
	}
	resp, err := c.Do(req)
	if err != nil {
		return false, fmt.Errorf("fetch: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return false, fmt.Errorf("fetch answered %s", resp.Status)
	}
	max := sl.MaxBytes
	if max == 0 {
		max = 2 << 20
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return false, fmt.Errorf("fetch: %w", err)
	}
	if int64(len(body)) > max {
		return false, fmt.Errorf("the list is larger than %d bytes", max)
	}
	obj, err := jose.ParseSignedCompact(strings.TrimSpace(string(body)), AllowedAlgorithms)
	if err != nil {
		return false, errors.New("the list is not a signed VC-JWT with an allowed algorithm")
	}
	h := obj.Signatures[0].Protected
	key, err := sl.Keys.Key(ctx, issuerID, h.KeyID)
	if err != nil {
		return false, fmt.Errorf("the list is not signed with a key of the issuer: %w", err)
	}
	payload, err := obj.Verify(key.Key)
	if err != nil {
		return false, errors.New("the list's signature does not verify")
	}
	var lc struct {
		Issuer  any      `json:"issuer"`
		Type    []string `json:"type"`
		Subject struct {
			Purpose     string `json:"statusPurpose"`
			EncodedList string `json:"encodedList"`
		} `json:"credentialSubject"`
		ValidUntil string `json:"validUntil"`
	}
	if err := json.Unmarshal(payload, &lc); err != nil {
		return false, errors.New("the list is not a status list credential")
	}
	lid, _ := lc.Issuer.(string)
	if m, ok := lc.Issuer.(map[string]any); ok {
		lid, _ = m["id"].(string)
	}
	if lid != issuerID {
		return false, fmt.Errorf("the list was issued by %q, not by the credential's issuer", lid)
	}
	if !hasString(lc.Type, "BitstringStatusListCredential") {
		return false, errors.New("the list's type is not BitstringStatusListCredential")
	}
	if lc.Subject.Purpose != e.Purpose {
		return false, fmt.Errorf("the list's purpose is %q, the entry's %q", lc.Subject.Purpose, e.Purpose)
	}
	bits, err := statuslist.Decode(lc.Subject.EncodedList, statuslist.MinEntries)
	if err != nil {
		return false, fmt.Errorf("encodedList: %w", err)
	}
	return bits.Lookup(e.Index)
}

func hasString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
