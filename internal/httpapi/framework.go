package httpapi

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/lang"
)

type nqfLevel struct {
	N    int
	Text string
}

type frameworkView struct {
	pageData
	// N is the page's wording (the nqf.* messages of the catalog).
	N      map[string]string
	Levels []nqfLevel
}

// nqfFramework describes the levels of Kazakhstan's National
// Qualifications Framework: the target of every NQF alignment
// (/frameworks/nqf-kz#level-N), in the page's language.
func (s *Server) nqfFramework(c *gin.Context) {
	l := s.lang(c)
	v := frameworkView{pageData: s.page(c, lang.NQFTitle), N: l.Area("nqf")}
	for n := 1; n <= 8; n++ {
		v.Levels = append(v.Levels, nqfLevel{n, l.T(lang.Key("nqf." + strconv.Itoa(n)))})
	}
	c.Header("Cache-Control", "public, max-age=86400")
	s.render(c, http.StatusOK, "framework", v)
}
