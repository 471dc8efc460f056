package main

import (
	"net/http"
	"strings"
	"sync/atomic"
)

// requestCounter counts every HTTP request any client made from the rest.Config sends, so the
// figure covers discovery, the status poller, and the apply and delete calls alike.
type requestCounter struct {
	all, disco atomic.Int64
}

func (c *requestCounter) total() int64     { return c.all.Load() }
func (c *requestCounter) discovery() int64 { return c.disco.Load() }

func (c *requestCounter) wrap(next http.RoundTripper) http.RoundTripper {
	return countingTransport{next: next, counter: c}
}

type countingTransport struct {
	next    http.RoundTripper
	counter *requestCounter
}

func (t countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.counter.all.Add(1)
	if isDiscovery(req.URL.Path) {
		t.counter.disco.Add(1)
	}
	return t.next.RoundTrip(req)
}

// isDiscovery: /api, /apis, /api/v1, /apis/<group>/<version> (a process that starts cold pays
// these; a long-running controller has them cached in its REST mapper).
func isDiscovery(path string) bool {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	switch parts[0] {
	case "api":
		return len(parts) <= 2
	case "apis":
		return len(parts) <= 3
	}
	return false
}
