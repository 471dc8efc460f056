package main

import "github.com/fluxcd/pkg/ssa"

// result is the machine-readable last line of stdout.
type result struct {
	Command           string  `json:"command"`
	Objects           int     `json:"objects"`
	Created           int     `json:"created"`
	Configured        int     `json:"configured"`
	Unchanged         int     `json:"unchanged"`
	Skipped           int     `json:"skipped"`
	Drifted           int     `json:"drifted"`
	Deleted           int     `json:"deleted"`
	Requests          int64   `json:"requests"`
	DiscoveryRequests int64   `json:"discoveryRequests"`
	DurationMs        int64   `json:"durationMs"`
	QPS               float64 `json:"qps"`
	Burst             int     `json:"burst"`
	ClientLimits      bool    `json:"clientLimits"`
	Error             string  `json:"error,omitempty"`
}

// count adds one change-set entry to the totals.
func (r *result) count(action ssa.Action) {
	switch action {
	case ssa.CreatedAction:
		r.Created++
	case ssa.ConfiguredAction:
		r.Configured++
	case ssa.UnchangedAction:
		r.Unchanged++
	case ssa.SkippedAction:
		r.Skipped++
	case ssa.DeletedAction:
		r.Deleted++
	}
}
