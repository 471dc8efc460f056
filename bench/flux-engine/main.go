// flux-engine runs Flux's apply engine (fluxcd/pkg/ssa) over a directory of rendered manifests
// the way kustomize-controller runs it in one reconcile, and `flux diff` for the drift check, so
// bench/run can measure it next to gitops-sync and kubectl.
//
//	flux-engine apply --dir D --name N --inventory F --kubeconfig K [--prune] [--no-client-limits]
//	flux-engine diff  --dir D --name N --inventory F --kubeconfig K   (exit 1 when something differs)
//
// The last line of stdout is one JSON object with the counts and the API requests.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"
)

type options struct {
	dir            string
	name           string
	namespace      string
	inventory      string
	kubeconfig     string
	prune          bool
	concurrency    int
	qps            float64
	burst          int
	noClientLimits bool
	timeout        time.Duration
}

func parseOptions(command string, args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet(command, flag.ContinueOnError)
	fs.StringVar(&o.dir, "dir", "", "directory of rendered YAML manifests (read recursively)")
	fs.StringVar(&o.name, "name", "", "the Kustomization's name (owner label value)")
	fs.StringVar(&o.namespace, "namespace", "flux-system", "the Kustomization's namespace (owner label value)")
	fs.StringVar(&o.inventory, "inventory", "", "inventory file (the controller keeps it in the Kustomization status)")
	fs.StringVar(&o.kubeconfig, "kubeconfig", os.Getenv("KUBECONFIG"), "kubeconfig file")
	fs.BoolVar(&o.prune, "prune", false, "garbage-collect objects of the old inventory that left the directory")
	fs.IntVar(&o.concurrency, "concurrency", 4, "concurrent SSA dry-runs (kustomize-controller --concurrent-ssa)")
	fs.Float64Var(&o.qps, "qps", 50, "client QPS (Flux's --kube-api-qps default)")
	fs.IntVar(&o.burst, "burst", 300, "client burst (Flux's --kube-api-burst default)")
	fs.BoolVar(&o.noClientLimits, "no-client-limits", false, "no client-side rate limit")
	fs.DurationVar(&o.timeout, "timeout", 15*time.Minute, "give up after this long")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.dir == "" || o.name == "" || o.inventory == "" {
		return o, fmt.Errorf("--dir, --name and --inventory are required")
	}
	return o, nil
}

func main() {
	os.Exit(run(os.Args[1:]))
}

// run returns the exit code: 0 done (apply) or no difference (diff), 1 difference found, 2 error.
func run(args []string) int {
	if len(args) == 0 || (args[0] != "apply" && args[0] != "diff") {
		fmt.Fprintln(os.Stderr, "usage: flux-engine apply|diff --dir D --name N --inventory F [--kubeconfig K] [--prune]")
		return 2
	}
	o, err := parseOptions(args[0], args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "flux-engine:", err)
		return 2
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()
	started := time.Now()
	counter := &requestCounter{}
	res := &result{Command: args[0], QPS: o.qps, Burst: o.burst, ClientLimits: !o.noClientLimits}
	if o.noClientLimits {
		res.QPS, res.Burst = -1, -1
	}
	code := 0
	if err := execute(ctx, args[0], o, counter, res); err != nil {
		fmt.Fprintln(os.Stderr, "flux-engine:", err)
		res.Error = err.Error()
		code = 2
	} else if args[0] == "diff" && res.Created+res.Drifted+res.Deleted > 0 {
		code = 1
	}
	res.Requests, res.DiscoveryRequests = counter.total(), counter.discovery()
	res.DurationMs = time.Since(started).Milliseconds()
	line, _ := json.Marshal(res)
	fmt.Println(string(line))
	return code
}

func execute(ctx context.Context, command string, o options, counter *requestCounter, res *result) error {
	objects, err := readManifests(o.dir)
	if err != nil {
		return err
	}
	res.Objects = len(objects)
	cl, err := newClients(o, counter)
	if err != nil {
		return err
	}
	if command == "apply" {
		return reconcile(ctx, cl, o, objects, res)
	}
	return diff(ctx, cl, o, objects, res)
}
