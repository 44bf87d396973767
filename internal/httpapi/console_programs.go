package httpapi

import "github.com/gin-gonic/gin"

// consoleProgramRoutes registers the console's pages for the programs: list, create, edit, versions, archive.
func (s *Server) consoleProgramRoutes(g *gin.RouterGroup) {}
