package main

import (
	"context"
	"fmt"
	"os"

	"github.com/fluxcd/pkg/ssa"
	"github.com/fluxcd/pkg/ssa/normalize"
	"github.com/fluxcd/pkg/ssa/utils"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

// diff is `flux diff kustomization` over rendered manifests: one Diff (GET + SSA dry-run) per
// object, one after the other, then the objects of the inventory that left the directory. It
// prints one line per created, drifted or deleted object on stderr and changes nothing.
func diff(ctx context.Context, cl *clients, o options, objects []*unstructured.Unstructured, res *result) error {
	if err := normalize.UnstructuredList(objects); err != nil {
		return err
	}
	m := newManager(cl, o, objects)
	var seen ssa.ChangeSet
	var failures int
	for _, obj := range objects {
		change, _, _, err := m.Diff(ctx, obj, diffOptions())
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", utils.FmtUnstructured(obj), err)
			failures++ // as flux diff does: report every object, fail at the end
			continue
		}
		countDiff(change, res)
		seen.Add(*change)
	}
	if failures > 0 {
		return fmt.Errorf("%d objects could not be diffed", failures)
	}
	return reportStale(o, inventoryOf(&seen), res)
}

func countDiff(change *ssa.ChangeSetEntry, res *result) {
	res.count(change.Action)
	switch change.Action {
	case ssa.ConfiguredAction:
		res.Drifted++
		fmt.Fprintf(os.Stderr, "► %s drifted\n", change.Subject)
	case ssa.CreatedAction:
		fmt.Fprintf(os.Stderr, "► %s created\n", change.Subject)
	}
}

func reportStale(o options, seen inventory, res *result) error {
	old, err := loadInventory(o.inventory)
	if err != nil {
		return err
	}
	stale, err := staleObjects(old, seen)
	if err != nil {
		return err
	}
	for _, u := range stale {
		res.Deleted++
		fmt.Fprintf(os.Stderr, "► %s deleted\n", utils.FmtUnstructured(u))
	}
	return nil
}

// diffOptions: the selectors flux diff passes for every object (no ignore rules in the bench).
func diffOptions() ssa.DiffOptions {
	return ssa.DiffOptions{
		Exclusions: map[string]string{
			controllerGroup + "/reconcile": "disabled",
			controllerGroup + "/ssa":       "ignore",
		},
		IfNotPresentSelector: map[string]string{controllerGroup + "/ssa": "ifnotpresent"},
		ForceSelector:        map[string]string{controllerGroup + "/force": "enabled"},
	}
}
