package httpapi

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
)

type nqfLevel struct {
	N    int
	Text string
}

type frameworkView struct {
	pageData
	Levels []nqfLevel
}

// nqfFramework describes the levels of Kazakhstan's National
// Qualifications Framework: the target of every NQF alignment
// (/frameworks/nqf-kz#level-N), in the page's language.
func (s *Server) nqfFramework(c *gin.Context) {
	lang := s.lang(c)
	v := frameworkView{pageData: s.page(c, T(lang, "nqf_title"))}
	for n := 1; n <= 8; n++ {
		v.Levels = append(v.Levels, nqfLevel{n, T(lang, "nqf_"+strconv.Itoa(n))})
	}
	c.Header("Cache-Control", "public, max-age=86400")
	s.render(c, http.StatusOK, "framework", v)
}
