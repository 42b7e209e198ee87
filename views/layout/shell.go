// Package layout holds the page shell every page is drawn in.
package layout

import (
	"switchboard/domain"
)

// Shell is what the frame of every page needs.
type Shell struct {
	Title   string
	Path    string
	User    *domain.User
	Flashes []Flash
}

// Flash is a one-time message.
type Flash struct {
	Kind    string // ok, error, info
	Message string
}

// NavItem is one link of the main navigation.
type NavItem struct {
	Href  string
	Label string
	Min   domain.Role
}

// Nav lists the main navigation; each link shows only to roles that may open it.
var Nav = []NavItem{
	{"/", "Dashboard", domain.RoleSupport},
	{"/orders", "Orders", domain.RoleSupport},
	{"/orders/new", "New service", domain.RoleRep},
	{"/orders/create", "Change service", domain.RoleRep},
	{"/drafts", "My drafts", domain.RoleRep},
	{"/routes", "Route decisions", domain.RoleSupervisor},
	{"/reconnect-ports", "Reconnect ports", domain.RoleSupport},
	{"/customers", "Customers", domain.RoleSupport},
	{"/admin/users", "Users", domain.RoleAdmin},
	{"/admin/service-designs", "Service designs", domain.RoleAdmin},
	{"/admin/jobs", "Jobs", domain.RoleAdmin},
}

// Items returns the links the signed-in user may open.
func (s Shell) Items() []NavItem {
	var out []NavItem
	for _, n := range Nav {
		if s.User != nil && s.User.Role.AtLeast(n.Min) {
			out = append(out, n)
		}
	}
	return out
}

// Current reports whether href is the page shown (or the section it is in).
func (s Shell) Current(href string) bool {
	if href == "/" {
		return s.Path == "/"
	}
	if s.Path == href {
		return true
	}
	// "/orders/123" is in Orders, but "/orders/new" is its own item.
	for _, n := range Nav {
		if n.Href != href && len(n.Href) > len(href) && hasPrefix(s.Path, n.Href) {
			return false
		}
	}
	return hasPrefix(s.Path, href+"/")
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// FlashID is the element flash messages are shown in; htmx error answers are retargeted to it.
const FlashID = "flash"
