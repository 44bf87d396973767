package verifier

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	jose "github.com/go-jose/go-jose/v4"

	"github.com/tanu-edu/tanu/lang"
	"github.com/tanu-edu/tanu/statuslist"
)

// StatusLists checks W3C Bitstring Status List entries by fetching the
// issuer's status list credential and verifying its signature with a key
// the issuer published. The list must be on the issuer's origin, its id
// must be the URL it came from, and it must be within its validity
// (validFrom/validUntil, nbf/exp). It is cached until the earliest of its
// ttl, its Cache-Control max-age (clamped to 30 s … 1 h) and its
// validUntil, within a byte budget. Any failure makes the status unknown,
// never valid.
type StatusLists struct {
	Keys Keys
	// Fetcher fetches the lists (default: the guarded internal/outbound
	// client).
	Fetcher Fetcher
	// MaxBytes bounds a list credential (default 1 MiB).
	MaxBytes int64
	// MaxDecodedBytes bounds a decompressed list (default 2 MiB, 16 Mi
	// entries).
	MaxDecodedBytes int
	// CacheBytes bounds the lists kept; 0 means DefaultRemoteCacheBytes.
	CacheBytes int64
	// Now is the clock (default time.Now); Leeway the clock skew allowed
	// (default one minute).
	Now    func() time.Time
	Leeway time.Duration

	init  sync.Once
	fetch Fetcher
	cache *remoteCache
}

func (sl *StatusLists) setup() {
	sl.init.Do(func() { sl.fetch, sl.cache = remoteDefaults(sl.Fetcher, sl.CacheBytes) })
}

func (sl *StatusLists) now() time.Time { return nowOr(sl.Now) }

// Status implements Status.
func (sl *StatusLists) Status(ctx context.Context, p *Parsed) (StatusResult, error) {
	entries, err := statusEntries(p.Payload["credentialStatus"])
	if err != nil {
		return StatusResult{}, err
	}
	if len(entries) == 0 {
		return StatusResult{Status: StatusValid, Detail: "the credential has no status entry: it cannot be revoked", Message: lang.VerifyNoStatus}, nil
	}
	issuerID := p.IssuerID()
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

// fetchedList is a verified status list.
type fetchedList struct {
	purpose string
	bits    *statuslist.Bitstring
}

func (sl *StatusLists) bit(ctx context.Context, issuerID string, e statusEntry) (bool, error) {
	sl.setup()
	if o := origin(e.List); o == "" || o != issuerOrigin(issuerID) {
		return false, fmt.Errorf("the status list %q is not on the issuer's origin", e.List)
	}
	var l *fetchedList
	if en, ok := sl.cache.get(e.List, sl.now()); ok {
		l = en.val.(*fetchedList)
	} else {
		v, err := sl.cache.once(ctx, e.List, func() (any, error) { return sl.fetchList(ctx, issuerID, e.List) })
		if err != nil {
			return false, err
		}
		l = v.(*fetchedList)
	}
	if l.purpose != e.Purpose {
		return false, fmt.Errorf("the list's purpose is %q, the entry's %q", l.purpose, e.Purpose)
	}
	return l.bits.Lookup(e.Index)
}

// fetchList fetches, verifies and caches the list at listURL.
func (sl *StatusLists) fetchList(ctx context.Context, issuerID, listURL string) (*fetchedList, error) {
	max := sl.MaxBytes
	if max == 0 {
		max = 1 << 20
	}
	body, maxAge, err := sl.fetch.Fetch(ctx, listURL, "application/vc+jwt, application/jwt, text/plain", max)
	if err != nil {
		return nil, err
	}
	obj, err := jose.ParseSignedCompact(strings.TrimSpace(string(body)), AllowedAlgorithms)
	if err != nil || len(obj.Signatures) != 1 {
		return nil, errors.New("the list is not a signed VC-JWT with an allowed algorithm")
	}
	h := obj.Signatures[0].Protected
	key, err := sl.Keys.Key(ctx, issuerID, h.KeyID)
	if err != nil {
		return nil, fmt.Errorf("the list is not signed with a key of the issuer: %w", err)
	}
	payload, err := obj.Verify(key.Key)
	if err != nil {
		return nil, errors.New("the list's signature does not verify")
	}
	var lc struct {
		ID      string   `json:"id"`
		Issuer  any      `json:"issuer"`
		Iss     *string  `json:"iss"`
		Type    []string `json:"type"`
		Subject struct {
			Purpose     string   `json:"statusPurpose"`
			EncodedList string   `json:"encodedList"`
			TTL         *float64 `json:"ttl"`
		} `json:"credentialSubject"`
		ValidFrom  string   `json:"validFrom"`
		ValidUntil string   `json:"validUntil"`
		NBF        *float64 `json:"nbf"`
		EXP        *float64 `json:"exp"`
	}
	if err := json.Unmarshal(payload, &lc); err != nil {
		return nil, errors.New("the list is not a status list credential")
	}
	lid, _ := lc.Issuer.(string)
	if m, ok := lc.Issuer.(map[string]any); ok {
		lid, _ = m["id"].(string)
	}
	if !sameIssuer(lid, issuerID) || (lc.Iss != nil && !sameIssuer(*lc.Iss, issuerID)) {
		return nil, fmt.Errorf("the list was issued by %q, not by the credential's issuer", lid)
	}
	if lc.ID != listURL {
		return nil, fmt.Errorf("the list's id %q is not the URL it came from", lc.ID)
	}
	if !hasString(lc.Type, "BitstringStatusListCredential") {
		return nil, errors.New("the list's type is not BitstringStatusListCredential")
	}
	now, leeway := sl.now(), sl.Leeway
	if leeway == 0 {
		leeway = time.Minute
	}
	from, until, err := listValidity(lc.ValidFrom, lc.ValidUntil, lc.NBF, lc.EXP)
	if err != nil {
		return nil, err
	}
	if !from.IsZero() && now.Add(leeway).Before(from) {
		return nil, fmt.Errorf("the list is not valid before %s", from.Format(time.RFC3339))
	}
	if !until.IsZero() && now.After(until.Add(leeway)) {
		return nil, fmt.Errorf("the list lapsed on %s: the issuer has not published a current one", until.Format(time.RFC3339))
	}
	expires := now.Add(lifetime(maxAge))
	if t := lc.Subject.TTL; t != nil {
		if *t < 0 || *t > float64(365*24*time.Hour/time.Millisecond) {
			return nil, fmt.Errorf("the list's ttl %v is out of range", *t)
		}
		if ttl := now.Add(time.Duration(*t) * time.Millisecond); ttl.Before(expires) {
			expires = ttl
		}
	}
	if !until.IsZero() && until.Before(expires) {
		expires = until
	}
	maxDecoded := sl.MaxDecodedBytes
	if maxDecoded <= 0 {
		maxDecoded = 2 << 20
	}
	bits, err := statuslist.DecodeLimit(lc.Subject.EncodedList, statuslist.MinEntries, maxDecoded)
	if err != nil {
		return nil, fmt.Errorf("encodedList: %w", err)
	}
	l := &fetchedList{purpose: lc.Subject.Purpose, bits: bits}
	sl.cache.put(listURL, l, int64(bits.Len()/8), now, expires)
	return l, nil
}

// listValidity reads a list's validity window: validFrom/validUntil, and
// the JWT's nbf/exp, which must agree with them when both are present.
func listValidity(validFrom, validUntil string, nbf, exp *float64) (from, until time.Time, err error) {
	parse := func(name, v string, claim *float64) (time.Time, error) {
		var t time.Time
		if v != "" {
			if t, err = time.Parse(time.RFC3339, v); err != nil {
				return t, fmt.Errorf("the list's %s %q is not a date-time", name, v)
			}
		}
		if claim != nil {
			c := time.Unix(int64(*claim), 0)
			if !t.IsZero() && !c.Equal(t.Truncate(time.Second)) {
				return t, fmt.Errorf("the list's %s and its JWT claim disagree", name)
			}
			t = c
		}
		return t, nil
	}
	if from, err = parse("validFrom", validFrom, nbf); err != nil {
		return
	}
	until, err = parse("validUntil", validUntil, exp)
	return
}

func hasString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
