package main

import (
	"github.com/fluxcd/cli-utils/pkg/kstatus/polling"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/client/apiutil"
)

type clients struct {
	kube   client.Client
	poller *polling.StatusPoller
}

// newClients builds what the controller's manager gives a reconcile: a controller-runtime client
// (unstructured objects are read from the API server, not from a cache), a lazily discovering
// REST mapper and a kstatus poller with its default caching cluster reader.
func newClients(o options, counter *requestCounter) (*clients, error) {
	cfg, err := clientcmd.BuildConfigFromFlags("", o.kubeconfig)
	if err != nil {
		return nil, err
	}
	setClientLimits(cfg, o)
	cfg.WrapTransport = counter.wrap
	httpClient, err := rest.HTTPClientFor(cfg)
	if err != nil {
		return nil, err
	}
	mapper, err := apiutil.NewDynamicRESTMapper(cfg, httpClient)
	if err != nil {
		return nil, err
	}
	kube, err := client.New(cfg, client.Options{HTTPClient: httpClient, Mapper: mapper})
	if err != nil {
		return nil, err
	}
	return &clients{kube: kube, poller: polling.NewStatusPoller(kube, mapper, polling.Options{})}, nil
}

// setClientLimits: Flux's defaults are QPS 50 / burst 300; a negative QPS turns client-go's rate
// limiter off. No shared RateLimiter is set, as in the controller, so controller-runtime gives
// each resource type's REST client its own token bucket.
func setClientLimits(cfg *rest.Config, o options) {
	if o.noClientLimits {
		cfg.QPS, cfg.Burst = -1, -1
		return
	}
	cfg.QPS, cfg.Burst = float32(o.qps), o.burst
}
