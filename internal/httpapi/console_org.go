package httpapi

import "github.com/gin-gonic/gin"

// consoleOrgRoutes registers the console's pages for the organization's identity and first-run setup.
func (s *Server) consoleOrgRoutes(g *gin.RouterGroup) {}
