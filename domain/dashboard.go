package domain

import "context"

// Count is a labelled number on the dashboard.
type Count struct {
	Key   string
	Label string
	N     int64
}

// DashboardCounts are the figures the dashboard opens with.
type DashboardCounts struct {
	Customers      int64
	LinesByStatus  []Count
	InventoryAvail []Count // AVAILABLE items by type
	Users          int64
}

// DashboardStore counts what the dashboard shows.
type DashboardStore interface {
	CountDashboard(ctx context.Context) (*DashboardCounts, error)
}
