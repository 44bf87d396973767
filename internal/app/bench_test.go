package app_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// BenchmarkVerifyEndpoint measures GET /api/v1/verify/{id} through the real
// gin handler, verifier and SQLite store (no network), next to /healthz.
func BenchmarkVerifyEndpoint(b *testing.B) {
	h := apptest.Start(b, "sqlite")
	regno := createProgramTB(b, h)
	id := issueTB(b, h, regno)
	handler := h.App.Server.Handler()
	for name, path := range map[string]string{"healthz": "/healthz", "verify": "/api/v1/verify/" + id} {
		b.Run(name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					w := httptest.NewRecorder()
					handler.ServeHTTP(w, req)
					if w.Code != 200 {
						b.Fatalf("%s: %d", path, w.Code)
					}
				}
			})
		})
	}
}
