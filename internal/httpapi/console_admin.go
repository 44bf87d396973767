package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// consoleAdminRoutes registers the console's pages for administration:
// users, tokens, keys, audit.
func (s *Server) consoleAdminRoutes(g *gin.RouterGroup) {
	admin := g.Group("/admin", s.need(credential.RoleAdmin))
	admin.GET("", s.adminIndex)
}

func (s *Server) adminIndex(c *gin.Context) {
	s.render(c, http.StatusOK, "console_admin_index", s.console(c, lang.ConsoleNavAdmin, SectionAdmin))
}
