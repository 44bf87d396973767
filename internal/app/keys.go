package app

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/keyring"
	"github.com/tanu-edu/tanu/store"
)

// LiveSigner signs with the key ring's active signing key and moves to a
// new active key without a restart: at once after a rotation made by this
// instance (KeyAdmin.Rotate), and within KeyRefresh after one made by
// another instance that shares the key directory (App.Run checks it).
type LiveSigner struct {
	mu  sync.RWMutex
	cur *keyring.Signer
}

// NewLiveSigner starts with s.
func NewLiveSigner(s *keyring.Signer) *LiveSigner { return &LiveSigner{cur: s} }

// Current returns the signer in use.
func (l *LiveSigner) Current() *keyring.Signer {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.cur
}

// Sign signs payload with the active key.
func (l *LiveSigner) Sign(payload []byte) (string, error) { return l.Current().Sign(payload) }

// KID returns the kid URL of the active key.
func (l *LiveSigner) KID() string { return l.Current().KID() }

// Alg returns the JWS algorithm of the active key.
func (l *LiveSigner) Alg() string { return l.Current().Alg() }

func (l *LiveSigner) set(s *keyring.Signer) {
	l.mu.Lock()
	l.cur = s
	l.mu.Unlock()
}

// KeyRefresh is how often an instance looks for a signing key that
// another instance made active.
const KeyRefresh = 30 * time.Second

// KeyAdmin lists and rotates the signing keys for the console
// (httpapi.Keys). Keys stay in the key directory: their private halves
// never leave it.
type KeyAdmin struct {
	mu     sync.Mutex
	dir    string
	now    func() time.Time
	st     *store.Store
	signer *LiveSigner
	vm     func(kid string) string
}

// Keys lists every key of the ring, newest first.
func (k *KeyAdmin) Keys(ctx context.Context) ([]credential.KeyInfo, error) {
	ring, err := keyring.Open(k.dir, keyring.WithClock(k.now))
	if err != nil {
		return nil, err
	}
	active := map[string]bool{}
	for _, p := range []string{keyring.PurposeJWS, keyring.PurposeDataIntegrity} {
		if a, err := ring.ActiveFor(p); err == nil {
			active[a.KID] = true
		}
	}
	keys := ring.Keys()
	out := make([]credential.KeyInfo, 0, len(keys))
	for i := len(keys) - 1; i >= 0; i-- {
		key := keys[i]
		out = append(out, credential.KeyInfo{KID: key.KID, Alg: key.Alg, Purpose: key.Purpose, Created: key.Created,
			Retired: key.Retired, Active: active[key.KID], Example: key.Example})
	}
	return out, nil
}

// Rotate makes a new signing key (JWS, of the active key's algorithm),
// retires the others (they stay published, so what they signed still
// verifies), publishes it and signs with it from now on.
func (k *KeyAdmin) Rotate(ctx context.Context) (*credential.KeyInfo, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	ring, err := keyring.Open(k.dir, keyring.WithClock(k.now))
	if err != nil {
		return nil, err
	}
	alg := ""
	if a, err := ring.Active(); err == nil {
		alg = a.Alg
	}
	prev := k.signer.Current().Key().KID
	key, err := ring.Rotate(alg)
	if err != nil {
		return nil, err
	}
	if err := PublishKeys(ctx, k.st, ring); err != nil {
		return nil, err
	}
	s, err := keyring.NewSigner(key, k.vm(key.KID))
	if err != nil {
		return nil, err
	}
	k.signer.set(s)
	if err := k.st.Audit(ctx, credential.ActionKeyRotated, "key", key.KID, "", map[string]string{"alg": key.Alg, "retired": prev}); err != nil {
		return nil, fmt.Errorf("keys: audit: %w", err)
	}
	return &credential.KeyInfo{KID: key.KID, Alg: key.Alg, Purpose: key.Purpose, Created: key.Created, Active: true}, nil
}

// refresh moves to the key directory's active signing key when another
// instance rotated it.
func (k *KeyAdmin) refresh() error {
	k.mu.Lock()
	defer k.mu.Unlock()
	ring, err := keyring.Open(k.dir, keyring.WithClock(k.now))
	if err != nil {
		return err
	}
	a, err := ring.Active()
	if err != nil || a.KID == k.signer.Current().Key().KID {
		return err
	}
	s, err := keyring.NewSigner(a, k.vm(a.KID))
	if err != nil {
		return err
	}
	k.signer.set(s)
	return nil
}

// watchKeys runs refresh every KeyRefresh until ctx ends.
func (a *App) watchKeys(ctx context.Context) {
	t := time.NewTicker(KeyRefresh)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := a.Keys.refresh(); err != nil {
				a.Log.Warn("keys: looking for a new active key", "error", err)
			}
		}
	}
}
