// ssa-load: the API server's own limit for a first sync. It sends every object of a directory of
// rendered manifests as one server-side-apply PATCH, at a fixed concurrency, with no client work
// in between (the bodies are prepared before the clock starts), and prints one JSON line with the
// time taken. CRDs and Namespaces go first and the CRDs must be Established before their custom
// resources are sent, as every sync tool must do; that wait is part of the time.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"
)

type options struct {
	dir, kubeconfig, fieldManager string
	concurrency                   int
	timeout                       time.Duration
}

// result is the JSON line on stdout, read by bench/benchlib.
type result struct {
	Objects        int     `json:"objects"`
	Concurrency    int     `json:"concurrency"`
	Requests       int64   `json:"requests"`
	Failed         int64   `json:"failed"`
	FirstError     string  `json:"firstError,omitempty"`
	WallSeconds    float64 `json:"wallSeconds"`
	FirstSeconds   float64 `json:"firstStageSeconds"`
	CrdWaitSeconds float64 `json:"crdWaitSeconds"`
	RestSeconds    float64 `json:"restSeconds"`
	PrepareSeconds float64 `json:"prepareSeconds"`
}

func main() {
	var o options
	flag.StringVar(&o.dir, "dir", "", "directory of rendered manifests (every .yaml file, in path order)")
	flag.StringVar(&o.kubeconfig, "kubeconfig", os.Getenv("KUBECONFIG"), "kubeconfig")
	flag.StringVar(&o.fieldManager, "field-manager", "ssa-load", "field manager of the applies")
	flag.IntVar(&o.concurrency, "concurrency", 8, "PATCHes in flight at once")
	flag.DurationVar(&o.timeout, "timeout", 10*time.Minute, "the longest the whole run may take")
	flag.Parse()
	if o.dir == "" || o.concurrency < 1 {
		fmt.Fprintln(os.Stderr, "usage: ssa-load --dir DIR --kubeconfig FILE --concurrency N")
		os.Exit(2)
	}
	r, err := run(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ssa-load:", err)
		os.Exit(1)
	}
	out, _ := json.Marshal(r)
	fmt.Println(string(out))
	if r.Failed > 0 {
		os.Exit(1)
	}
}

func run(o options) (result, error) {
	t0 := time.Now()
	objects, err := readObjects(o.dir)
	if err != nil {
		return result{}, err
	}
	c, err := newClient(o.kubeconfig, o.fieldManager)
	if err != nil {
		return result{}, err
	}
	first, rest, crds, err := c.prepare(objects)
	if err != nil {
		return result{}, err
	}
	r := result{Objects: len(objects), Concurrency: o.concurrency, PrepareSeconds: time.Since(t0).Seconds()}
	deadline := time.Now().Add(o.timeout)

	start := time.Now()
	s1 := c.sendAll(first, o.concurrency)
	r.FirstSeconds = time.Since(start).Seconds()
	t1 := time.Now()
	if err := c.awaitEstablished(crds, deadline); err != nil {
		return r, err
	}
	r.CrdWaitSeconds = time.Since(t1).Seconds()
	t2 := time.Now()
	s2 := c.sendAll(rest, o.concurrency)
	r.RestSeconds = time.Since(t2).Seconds()
	r.WallSeconds = time.Since(start).Seconds()

	r.Requests = c.requests.Load()
	r.Failed = s1.failed + s2.failed
	r.FirstError = s1.firstError
	if r.FirstError == "" {
		r.FirstError = s2.firstError
	}
	return r, nil
}
