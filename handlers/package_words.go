package handlers

import "switchboard/domain"

// packageProductWords lists a package's products for a rep choosing it,
// each with its rate and, but for an included option, what it is to the
// package: its plan, a one-time charge for a new service, or an optional
// product (added only when asked for).
func packageProductWords(p *domain.Package) []string {
	out := make([]string, 0, len(p.Products))
	for _, pr := range p.Products {
		s := pr.Description + " " + pr.Rate.Dollars()
		switch pr.Role {
		case domain.RolePlan:
			s += " (plan)"
		case domain.RoleOneTime:
			s += " (one-time)"
		case domain.RoleOptional:
			s += " (optional)"
		}
		out = append(out, s)
	}
	return out
}
