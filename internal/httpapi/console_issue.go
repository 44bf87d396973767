package httpapi

import "github.com/gin-gonic/gin"

// consoleIssueRoutes registers the console's pages for issuing one credential by form.
func (s *Server) consoleIssueRoutes(g *gin.RouterGroup) {}
