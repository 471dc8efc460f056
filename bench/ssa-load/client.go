package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"k8s.io/client-go/discovery"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
)

type client struct {
	http         *http.Client
	host         string
	fieldManager string
	disco        *discovery.DiscoveryClient
	requests     atomic.Int64
}

// request is one prepared PATCH: nothing is computed once the clock runs.
type request struct {
	url    string
	body   []byte
	source string
}

type resource struct {
	plural     string
	namespaced bool
}

func newClient(kubeconfig, fieldManager string) (*client, error) {
	cfg, err := clientcmd.BuildConfigFromFlags("", kubeconfig)
	if err != nil {
		return nil, err
	}
	cfg.QPS, cfg.Burst = -1, -1 // no client-side limiter: the server's limit is what is measured
	h, err := rest.HTTPClientFor(cfg)
	if err != nil {
		return nil, err
	}
	d, err := discovery.NewDiscoveryClientForConfigAndClient(cfg, h)
	if err != nil {
		return nil, err
	}
	return &client{http: h, host: strings.TrimRight(cfg.Host, "/"), fieldManager: fieldManager, disco: d}, nil
}

// prepare splits the objects into the first stage (CRDs, Namespaces) and the rest, each as its PATCH,
// and names the CRDs to wait for. Kinds come from discovery, and those of the set's own CRDs from them.
func (c *client) prepare(objects []object) (first, rest []request, crds []string, err error) {
	kinds, err := c.servedKinds()
	if err != nil {
		return nil, nil, nil, err
	}
	for _, o := range objects {
		if o.kind == "CustomResourceDefinition" {
			if err := addCrdKinds(kinds, o.body); err != nil {
				return nil, nil, nil, fmt.Errorf("%s: %w", o.source, err)
			}
		}
	}
	for _, o := range objects {
		r, ok := kinds[o.apiVersion+"/"+o.kind]
		if !ok {
			return nil, nil, nil, fmt.Errorf("%s: %s %s is not served by the cluster", o.source, o.apiVersion, o.kind)
		}
		req := request{url: c.url(o, r), body: o.body, source: o.source}
		switch o.kind {
		case "CustomResourceDefinition":
			crds = append(crds, o.name)
			first = append(first, req)
		case "Namespace":
			first = append(first, req)
		default:
			rest = append(rest, req)
		}
	}
	return first, rest, crds, nil
}

func (c *client) url(o object, r resource) string {
	base := "/api/" + o.apiVersion
	if strings.Contains(o.apiVersion, "/") {
		base = "/apis/" + o.apiVersion
	}
	if r.namespaced {
		ns := o.namespace
		if ns == "" {
			ns = "default"
		}
		base += "/namespaces/" + url.PathEscape(ns)
	}
	q := url.Values{"fieldManager": {c.fieldManager}, "force": {"true"}}
	return c.host + base + "/" + r.plural + "/" + url.PathEscape(o.name) + "?" + q.Encode()
}

// servedKinds: "apiVersion/Kind" to its resource, from the server's discovery.
func (c *client) servedKinds() (map[string]resource, error) {
	_, lists, err := c.disco.ServerGroupsAndResources()
	if err != nil && len(lists) == 0 {
		return nil, err
	}
	out := map[string]resource{}
	for _, l := range lists {
		for _, r := range l.APIResources {
			if !strings.Contains(r.Name, "/") { // not a subresource
				out[l.GroupVersion+"/"+r.Kind] = resource{plural: r.Name, namespaced: r.Namespaced}
			}
		}
	}
	return out, nil
}

func addCrdKinds(kinds map[string]resource, body []byte) error {
	var crd struct {
		Spec struct {
			Group string `json:"group"`
			Scope string `json:"scope"`
			Names struct {
				Kind   string `json:"kind"`
				Plural string `json:"plural"`
			} `json:"names"`
			Versions []struct {
				Name string `json:"name"`
			} `json:"versions"`
		} `json:"spec"`
	}
	if err := json.Unmarshal(body, &crd); err != nil {
		return err
	}
	for _, v := range crd.Spec.Versions {
		kinds[crd.Spec.Group+"/"+v.Name+"/"+crd.Spec.Names.Kind] =
			resource{plural: crd.Spec.Names.Plural, namespaced: crd.Spec.Scope == "Namespaced"}
	}
	return nil
}

type sent struct {
	failed     int64
	firstError string
}

// sendAll sends every request, `workers` at a time, each as soon as a worker is free.
func (c *client) sendAll(reqs []request, workers int) sent {
	var failed atomic.Int64
	var once sync.Once
	var firstError string
	next := make(chan request)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range next {
				if err := c.patch(r); err != nil {
					failed.Add(1)
					once.Do(func() { firstError = err.Error() })
				}
			}
		}()
	}
	for _, r := range reqs {
		next <- r
	}
	close(next)
	wg.Wait()
	return sent{failed: failed.Load(), firstError: firstError}
}

func (c *client) patch(r request) error {
	req, err := http.NewRequest(http.MethodPatch, r.url, bytes.NewReader(r.body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/apply-patch+yaml")
	req.Header.Set("Accept", "application/json")
	c.requests.Add(1)
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s: %w", r.source, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusCreated {
		return fmt.Errorf("%s: HTTP %d: %.300s", r.source, resp.StatusCode, body)
	}
	return nil
}

// awaitEstablished polls each CRD until its Established condition is True.
func (c *client) awaitEstablished(names []string, deadline time.Time) error {
	for _, name := range names {
		for !c.established(name) {
			if time.Now().After(deadline) {
				return fmt.Errorf("CRD %s not Established in time", name)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	return nil
}

func (c *client) established(name string) bool {
	c.requests.Add(1)
	resp, err := c.http.Get(c.host + "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + url.PathEscape(name))
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	var crd struct {
		Status struct {
			Conditions []struct {
				Type   string `json:"type"`
				Status string `json:"status"`
			} `json:"conditions"`
		} `json:"status"`
	}
	if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&crd) != nil {
		return false
	}
	for _, cond := range crd.Status.Conditions {
		if cond.Type == "Established" && cond.Status == "True" {
			return true
		}
	}
	return false
}
