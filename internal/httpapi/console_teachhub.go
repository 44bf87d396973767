package httpapi

import "github.com/gin-gonic/gin"

// consoleTeachHubRoutes registers the console's pages for TeachHub for coordinators.
func (s *Server) consoleTeachHubRoutes(g *gin.RouterGroup) {}
