package httpapi

import "github.com/gin-gonic/gin"

// consoleCredentialRoutes registers the console's pages for credential search, detail and actions.
func (s *Server) consoleCredentialRoutes(g *gin.RouterGroup) {}
