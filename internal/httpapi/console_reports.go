package httpapi

import "github.com/gin-gonic/gin"

// consoleReportRoutes registers the console's pages for the HR reports.
func (s *Server) consoleReportRoutes(g *gin.RouterGroup) {}
