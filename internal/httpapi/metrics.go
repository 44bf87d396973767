package httpapi

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/tanu-edu/tanu/credential"
)

// Verification channels: how a credential reached the verifier.
const (
	ChannelPage   = "page"   // the credential page or the verify form with pasted text
	ChannelAPI    = "api"    // GET /api/v1/verify/{id}, or a JWS or JSON posted to the API
	ChannelUpload = "upload" // a file: a form upload, a baked PNG or SVG, a certificate PDF
)

// metrics is the server's own Prometheus registry (no global state). The
// counters here count what this instance did since it started; the
// registry collector reports what the database holds, the same on every
// instance.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	// verified counts verification verdicts by channel.
	verified *prometheus.CounterVec
	// statusChanges counts revocations, suspensions and reinstatements.
	statusChanges *prometheus.CounterVec
	// pdfRender times certificate PDFs.
	pdfRender prometheus.Histogram
}

func newMetrics() *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "tanu_http_requests_total", Help: "HTTP requests by method, route and status."}, []string{"method", "route", "status"})
	m.duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "tanu_http_request_duration_seconds", Help: "HTTP request latency by route.",
		Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10}}, []string{"route"})
	m.verified = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "tanu_verifications_total",
		Help: "Verifications by this instance, by verdict (valid, invalid, revoked, suspended, expired, unknown, not_found) and channel (page, api, upload)."}, []string{"verdict", "channel"})
	m.statusChanges = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "tanu_status_changes_total",
		Help: "Credential status changes made through this instance's API, by action (revoke, suspend, reinstate)."}, []string{"action"})
	m.pdfRender = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "tanu_pdf_render_seconds", Help: "Time to render one certificate PDF.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1}})
	m.reg.MustRegister(m.requests, m.duration, m.verified, m.statusChanges, m.pdfRender,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) observe(method, route string, status int, d time.Duration) {
	m.requests.WithLabelValues(method, route, strconv.Itoa(status)).Inc()
	m.duration.WithLabelValues(route).Observe(d.Seconds())
}

func (m *metrics) verification(verdict, channel string) {
	m.verified.WithLabelValues(verdict, channel).Inc()
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// StatsSource reads what the registry holds, for the metrics.
type StatsSource interface {
	Stats(ctx context.Context) (*credential.Stats, error)
}

// registryCollector reports the registry's counts at scrape time, reading
// the database at most once per ttl however many scrapers ask.
type registryCollector struct {
	src StatsSource
	ttl time.Duration
	now func() time.Time

	mu    sync.Mutex
	at    time.Time
	stats *credential.Stats
	err   error

	issued, credentials, batches, rows, keyAge, up *prometheus.Desc
}

func newRegistryCollector(src StatsSource, ttl time.Duration) *registryCollector {
	return &registryCollector{src: src, ttl: ttl, now: time.Now,
		issued: prometheus.NewDesc("tanu_credentials_issued_total",
			"Credentials ever issued, by program registration number and program kind (from the database: the same on every instance).", []string{"program", "kind"}, nil),
		credentials: prometheus.NewDesc("tanu_credentials",
			"Credentials by current status: valid, revoked, suspended (from the database).", []string{"status"}, nil),
		batches: prometheus.NewDesc("tanu_batches",
			"Batches by state: queued, running, done, failed (from the database).", []string{"state"}, nil),
		rows: prometheus.NewDesc("tanu_batch_rows_total",
			"Batch rows by outcome: issued, already_issued, failed, pending (from the database).", []string{"outcome"}, nil),
		keyAge: prometheus.NewDesc("tanu_signing_key_age_seconds",
			"Age of each published signing key, by kid and state (active or retired).", []string{"kid", "state"}, nil),
		up: prometheus.NewDesc("tanu_registry_stats_up",
			"1 when the registry's counts could be read at this scrape, else 0.", nil, nil),
	}
}

// Describe implements prometheus.Collector.
func (c *registryCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.issued, c.credentials, c.batches, c.rows, c.keyAge, c.up} {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (c *registryCollector) Collect(ch chan<- prometheus.Metric) {
	st, err := c.read()
	if err != nil {
		ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, 1)
	type pk struct{ program, kind string }
	issued, byStatus := map[pk]int64{}, map[string]int64{
		credential.StatusValid: 0, credential.StatusRevoked: 0, credential.StatusSuspended: 0}
	for _, g := range st.Credentials {
		issued[pk{g.Program, g.Kind}] += g.Count
		byStatus[g.Status] += g.Count
	}
	for k, n := range issued {
		ch <- prometheus.MustNewConstMetric(c.issued, prometheus.CounterValue, float64(n), k.program, k.kind)
	}
	for s, n := range byStatus {
		ch <- prometheus.MustNewConstMetric(c.credentials, prometheus.GaugeValue, float64(n), s)
	}
	for _, s := range []string{credential.BatchQueued, credential.BatchRunning, credential.BatchDone, credential.BatchFailed} {
		ch <- prometheus.MustNewConstMetric(c.batches, prometheus.GaugeValue, float64(st.Batches[s]), s)
	}
	for s, n := range st.BatchRows {
		ch <- prometheus.MustNewConstMetric(c.rows, prometheus.CounterValue, float64(n), s)
	}
	now := c.now()
	for _, k := range st.Keys {
		state := "active"
		if k.RetiredAt != nil {
			state = "retired"
		}
		ch <- prometheus.MustNewConstMetric(c.keyAge, prometheus.GaugeValue, now.Sub(k.CreatedAt).Seconds(), k.KID, state)
	}
}

func (c *registryCollector) read() (*credential.Stats, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stats != nil && c.now().Sub(c.at) < c.ttl {
		return c.stats, nil
	}
	if c.err != nil && c.now().Sub(c.at) < c.ttl {
		return nil, c.err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c.stats, c.err = c.src.Stats(ctx)
	c.at = c.now()
	return c.stats, c.err
}

// timedCertificates times every certificate PDF.
type timedCertificates struct {
	Certificates
	m *metrics
}

func (t timedCertificates) PDF(ctx context.Context, w io.Writer, rec *credential.Record, lang string) error {
	start := time.Now()
	err := t.Certificates.PDF(ctx, w, rec, lang)
	if err == nil {
		t.m.pdfRender.Observe(time.Since(start).Seconds())
	}
	return err
}
