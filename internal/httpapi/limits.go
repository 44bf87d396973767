package httpapi

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// Limits are the server's explicit limits on what one client may ask. The
// zero value of a field means its default (see DefaultLimits); a negative
// rate or count switches that limit off.
type Limits struct {
	// VerifyPerMinute and VerifyBurst bound the public verification
	// requests (POST /api/v1/verify, the /verify form, GET
	// /api/v1/verify/{id}) per client address, on each instance.
	VerifyPerMinute float64
	VerifyBurst     int
	// UploadPerMinute and UploadBurst bound spreadsheet uploads (batches,
	// TeachHub imports) per user, on each instance.
	UploadPerMinute float64
	UploadBurst     int
	// UploadsPerUser bounds one user's uploads being read and parsed at
	// once on an instance (they hold memory and CPU of that instance).
	UploadsPerUser int
	// OpenBatchesPerUser bounds one user's batches queued or running, over
	// all instances (counted in the database: the workers are shared).
	OpenBatchesPerUser int
	// BodyTimeout bounds reading a request body (the whole request, from
	// its first byte); UploadBodyTimeout the body of a spreadsheet upload.
	BodyTimeout       time.Duration
	UploadBodyTimeout time.Duration
	// MaxClients bounds the client addresses (and users) whose rates are
	// tracked; beyond it, new ones share one bucket.
	MaxClients int
}

// DefaultLimits are the limits tanu runs with unless told otherwise.
var DefaultLimits = Limits{
	VerifyPerMinute: 60, VerifyBurst: 30,
	UploadPerMinute: 10, UploadBurst: 5,
	UploadsPerUser: 2, OpenBatchesPerUser: 5,
	BodyTimeout: 30 * time.Second, UploadBodyTimeout: 2 * time.Minute,
	MaxClients: 100000,
}

// withDefaults fills zero fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.VerifyPerMinute == 0 {
		l.VerifyPerMinute = d.VerifyPerMinute
	}
	if l.VerifyBurst == 0 {
		l.VerifyBurst = d.VerifyBurst
	}
	if l.UploadPerMinute == 0 {
		l.UploadPerMinute = d.UploadPerMinute
	}
	if l.UploadBurst == 0 {
		l.UploadBurst = d.UploadBurst
	}
	if l.UploadsPerUser == 0 {
		l.UploadsPerUser = d.UploadsPerUser
	}
	if l.OpenBatchesPerUser == 0 {
		l.OpenBatchesPerUser = d.OpenBatchesPerUser
	}
	if l.BodyTimeout == 0 {
		l.BodyTimeout = d.BodyTimeout
	}
	if l.UploadBodyTimeout == 0 {
		l.UploadBodyTimeout = d.UploadBodyTimeout
	}
	if l.MaxClients == 0 {
		l.MaxClients = d.MaxClients
	}
	return l
}

// OpenBatchCounter counts a user's batches queued or running, over every
// instance (the store does).
type OpenBatchCounter interface {
	OpenBatches(ctx context.Context, actor string) (int, error)
}

// limiter is a token bucket per key: rate tokens a second, up to burst.
type limiter struct {
	rate  float64
	burst float64
	max   int
	now   func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

// overflowKey is the bucket shared by clients beyond the tracked maximum.
const overflowKey = "\x00overflow"

func newLimiter(perMinute float64, burst, max int, now func() time.Time) *limiter {
	if perMinute <= 0 {
		return nil
	}
	return &limiter{rate: perMinute / 60, burst: float64(max1(burst)), max: max, now: now, buckets: map[string]*bucket{}}
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// allow takes a token of key, or says how long until one is there.
func (l *limiter) allow(key string) (bool, time.Duration) {
	if l == nil {
		return true, 0
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[key]
	if b == nil {
		if len(l.buckets) >= l.max {
			l.sweep(now)
		}
		if len(l.buckets) >= l.max {
			key = overflowKey
			b = l.buckets[key]
		}
		if b == nil {
			b = &bucket{tokens: l.burst, last: now}
			l.buckets[key] = b
		}
	}
	b.tokens = math.Min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

// sweep forgets the buckets that have refilled (they are as new).
func (l *limiter) sweep(now time.Time) {
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*l.rate >= l.burst {
			delete(l.buckets, k)
		}
	}
}

// slots bounds what one key does at once.
type slots struct {
	max int
	mu  sync.Mutex
	n   map[string]int
}

func (s *slots) take(key string) bool {
	if s == nil || s.max <= 0 {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.n[key] >= s.max {
		return false
	}
	s.n[key]++
	return true
}

func (s *slots) give(key string) {
	if s == nil || s.max <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.n[key]--; s.n[key] <= 0 {
		delete(s.n, key)
	}
}

// clientKey is the rate-limit key of a request's client: its address (as
// gin reads it, trusting only the configured proxies), IPv6 by /64, the
// block one subscriber usually holds.
func clientKey(c *gin.Context) string {
	ip, err := netip.ParseAddr(c.ClientIP())
	if err != nil {
		return c.ClientIP()
	}
	ip = ip.Unmap()
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.String()
	}
	return ip.String()
}

// retrySeconds is wait in whole seconds, at least one.
func retrySeconds(wait time.Duration) int {
	return max(1, int(math.Ceil(wait.Seconds())))
}

// tooMany answers 429 with Retry-After, in the JSON error shape.
func (s *Server) tooMany(c *gin.Context, wait time.Duration, format string, args ...any) {
	secs := retrySeconds(wait)
	c.Header("Retry-After", strconv.Itoa(secs))
	msg := fmt.Sprintf(format, args...)
	s.fail(c, &credential.Error{Code: credential.CodeTooManyRequests, Message: msg,
		Details: []credential.Detail{{Field: "Retry-After", Message: fmt.Sprintf("retry after %d s", secs)}}})
}

// limitVerify rate-limits the public verification endpoints per client.
func (s *Server) limitVerify() gin.HandlerFunc {
	return func(c *gin.Context) {
		if ok, wait := s.verifyRate.allow(clientKey(c)); !ok {
			if wantsHTMLForm(c) { // the /verify page's form: a page, in its language
				secs := retrySeconds(wait)
				c.Header("Retry-After", strconv.Itoa(secs))
				pd := s.page(c, lang.PageVerifyTitle)
				pd.Notice = s.lang(c).T(lang.PageTooMany, secs)
				s.render(c, http.StatusTooManyRequests, "verify", pd)
				c.Abort()
				return
			}
			s.tooMany(c, wait, "too many verification requests from your address: at most %g a minute", s.limits.VerifyPerMinute)
			return
		}
		c.Next()
	}
}

// limitUpload rate-limits a user's uploads, bounds how many are read at
// once, and extends the body read deadline for them. It runs after
// authentication.
func (s *Server) limitUpload() gin.HandlerFunc {
	return func(c *gin.Context) {
		user := credential.ActorFrom(c.Request.Context())
		if ok, wait := s.uploadRate.allow(user); !ok {
			s.tooMany(c, wait, "too many uploads: at most %g a minute per user", s.limits.UploadPerMinute)
			return
		}
		if !s.uploads.take(user) {
			s.tooMany(c, 5*time.Second, "you already have %d uploads being read: wait until they finish", s.limits.UploadsPerUser)
			return
		}
		defer s.uploads.give(user)
		if d := s.limits.UploadBodyTimeout; d > 0 {
			_ = http.NewResponseController(c.Writer).SetReadDeadline(time.Now().Add(d))
		}
		c.Next()
	}
}

// limitOpenBatches refuses a new batch while the user has as many queued
// or running, over all instances.
func (s *Server) limitOpenBatches() gin.HandlerFunc {
	return func(c *gin.Context) {
		counter, ok := s.store.(OpenBatchCounter)
		if !ok || s.limits.OpenBatchesPerUser <= 0 {
			c.Next()
			return
		}
		n, err := counter.OpenBatches(c.Request.Context(), credential.ActorFrom(c.Request.Context()))
		if err != nil {
			s.fail(c, err)
			return
		}
		if n >= s.limits.OpenBatchesPerUser {
			s.tooMany(c, 30*time.Second, "you have %d batches queued or running (the limit is %d): wait until one finishes", n, s.limits.OpenBatchesPerUser)
			return
		}
		c.Next()
	}
}
