package httpapi

import "github.com/gin-gonic/gin"

// consoleBatchRoutes registers the console's pages for the batch wizard and the batch list.
func (s *Server) consoleBatchRoutes(g *gin.RouterGroup) {}
