package credential

import "slices"

// Staff roles, from most to least powerful. A user, a session and an API
// token each have one; every check compares ranks with AtLeast.
const (
	RoleAdmin       = "admin"
	RoleRegistrar   = "registrar"
	RoleCoordinator = "coordinator"
	RoleViewer      = "viewer"
)

// Roles lists every role, most powerful first.
func Roles() []string { return []string{RoleAdmin, RoleRegistrar, RoleCoordinator, RoleViewer} }

// ValidRole reports whether r is a known role.
func ValidRole(r string) bool { return slices.Contains(Roles(), r) }

// RoleRank orders roles: 4 for admin down to 1 for viewer, 0 for an unknown
// role.
func RoleRank(r string) int {
	if i := slices.Index(Roles(), r); i >= 0 {
		return len(Roles()) - i
	}
	return 0
}

// AtLeast reports whether role has at least the power of min. An unknown
// role has none.
func AtLeast(role, min string) bool { return RoleRank(role) > 0 && RoleRank(role) >= RoleRank(min) }

// LowerRole returns the less powerful of two roles.
func LowerRole(a, b string) string {
	if RoleRank(a) <= RoleRank(b) {
		return a
	}
	return b
}
