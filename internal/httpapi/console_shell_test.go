package httpapi

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/lang"
)

func testContext(target string) (*gin.Context, *httptest.ResponseRecorder) {
	gin.SetMode(gin.TestMode)
	w := httptest.NewRecorder()
	c, _ := gin.CreateTestContext(w)
	c.Request = httptest.NewRequest(http.MethodGet, target, nil)
	return c, w
}

// TestPager: the pages of a list, and links that keep its filters.
func TestPager(t *testing.T) {
	s := &Server{issuer: openapiStubIssuer{}}
	for _, tc := range []struct {
		query                string
		shown, total         int
		page, from, to       int
		prev, next, shownTxt string
	}{
		{"?q=x&lang=ru", 20, 45, 1, 1, 20, "", "/list?lang=ru&page=2&q=x", "1–20 из 45"},
		{"?q=x&page=2&lang=en", 20, 45, 2, 21, 40, "/list?lang=en&page=1&q=x", "/list?lang=en&page=3&q=x", "21–40 of 45"},
		{"?page=3&lang=en", 5, 45, 3, 41, 45, "/list?lang=en&page=2", "", "41–45 of 45"},
		{"?page=-4&lang=en", 0, 0, 1, 0, -1, "", "", "0–-1 of 0"},
		{"?page=999999999&lang=en", 0, 3, 1, 0, -1, "", "/list?lang=en&page=2", "0–-1 of 3"},
	} {
		c, _ := testContext("/list" + tc.query)
		page, offset := pageOf(c, 20)
		if page != tc.page || offset != (tc.page-1)*20 {
			t.Errorf("%s: page %d offset %d, want %d", tc.query, page, offset, tc.page)
		}
		p := s.makePager(c, page, 20, tc.shown, tc.total)
		if tc.shown > 0 && (p.From != tc.from || p.To != tc.to) {
			t.Errorf("%s: %d–%d, want %d–%d", tc.query, p.From, p.To, tc.from, tc.to)
		}
		if p.Prev != tc.prev || p.Next != tc.next {
			t.Errorf("%s: prev %q next %q, want %q %q", tc.query, p.Prev, p.Next, tc.prev, tc.next)
		}
		if tc.shown > 0 && p.Shown != tc.shownTxt {
			t.Errorf("%s: %q, want %q", tc.query, p.Shown, tc.shownTxt)
		}
	}
}

// TestConsoleRedirect: a successful post goes on in the page's language
// with its confirmation.
func TestConsoleRedirect(t *testing.T) {
	s := &Server{issuer: openapiStubIssuer{}}
	for _, tc := range []struct{ path, want string }{
		{"/console/programs", "/console/programs?lang=ru&done=console.saved"},
		{"/console/programs?kind=x", "/console/programs?kind=x&lang=ru&done=console.saved"},
	} {
		c, w := testContext("/x?lang=ru")
		s.consoleRedirect(c, tc.path, lang.ConsoleSaved)
		if w.Code != http.StatusSeeOther || w.Header().Get("Location") != tc.want {
			t.Errorf("%s: %d %q, want %q", tc.path, w.Code, w.Header().Get("Location"), tc.want)
		}
	}
}
