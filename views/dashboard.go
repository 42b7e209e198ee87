package views

import "switchboard/domain"

// DashboardVM is the dashboard's data.
type DashboardVM struct {
	Counts *domain.DashboardCounts
}
