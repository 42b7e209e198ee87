package web

import "time"

// SetHeartbeat makes event streams beat every d until the returned func runs.
func SetHeartbeat(d time.Duration) (restore func()) {
	old := heartbeatEvery
	heartbeatEvery = d
	return func() { heartbeatEvery = old }
}
