package httpapi

import (
	"strings"
	"testing"
)

// TestNewRefusesMissingServices: the server is built whole or not at all.
func TestNewRefusesMissingServices(t *testing.T) {
	s, err := New(Config{}, Services{Issuer: openapiStubIssuer{}})
	if err == nil || s != nil || !strings.Contains(err.Error(), "no Store service") {
		t.Fatalf("New without a store: %v, %v", s, err)
	}
}
