package main

import (
	"context"
	"fmt"

	"github.com/fluxcd/pkg/ssa"
	"github.com/fluxcd/pkg/ssa/normalize"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

// The controller's identity: its field manager and the API group of its owner labels.
const (
	controllerName  = "kustomize-controller"
	controllerGroup = "kustomize.toolkit.fluxcd.io"
)

func newManager(cl *clients, o options, objects []*unstructured.Unstructured) *ssa.ResourceManager {
	m := ssa.NewResourceManager(cl.kube, cl.poller, ssa.Owner{Field: controllerName, Group: controllerGroup})
	m.SetOwnerLabels(objects, o.name, o.namespace)
	m.SetConcurrency(o.concurrency)
	return m
}

// reconcile is one Kustomization reconcile without the source fetch, build and health checks:
// staged apply, new inventory, garbage collection of what left it.
func reconcile(ctx context.Context, cl *clients, o options, objects []*unstructured.Unstructured, res *result) error {
	old, err := loadInventory(o.inventory)
	if err != nil {
		return fmt.Errorf("inventory %s: %w", o.inventory, err)
	}
	if err := normalize.UnstructuredList(objects); err != nil {
		return err
	}
	m := newManager(cl, o, objects)
	cs, err := m.ApplyAllStaged(ctx, objects, applyOptions())
	if err != nil {
		return err
	}
	for _, e := range cs.Entries {
		res.count(e.Action)
	}
	current := inventoryOf(cs)
	if err := saveInventory(o.inventory, current); err != nil {
		return err
	}
	if !o.prune {
		return nil
	}
	return collectGarbage(ctx, m, o, old, current, res)
}

func collectGarbage(ctx context.Context, m *ssa.ResourceManager, o options, old, current inventory, res *result) error {
	stale, err := staleObjects(old, current)
	if err != nil || len(stale) == 0 {
		return err
	}
	cs, err := m.DeleteAll(ctx, stale, deleteOptions(m, o))
	if cs != nil {
		for _, e := range cs.Entries {
			res.count(e.Action)
		}
	}
	return err
}

// applyOptions: the controller's, for a Kustomization with no force, ignore rules or custom
// stages (spec.force false; feature gate MigrateAPIVersion off; no --override-manager).
func applyOptions() ssa.ApplyOptions {
	opts := ssa.DefaultApplyOptions() // waits 2 s apart, 60 s at most, for CRDs and Namespaces
	opts.Force = false
	opts.ExclusionSelector = map[string]string{
		controllerGroup + "/reconcile": "disabled",
		controllerGroup + "/ssa":       "Ignore",
	}
	opts.IfNotPresentSelector = map[string]string{controllerGroup + "/ssa": "IfNotPresent"}
	opts.ForceSelector = map[string]string{controllerGroup + "/force": "enabled"}
	opts.Cleanup = ssa.ApplyCleanupOptions{
		Annotations: []string{corev1.LastAppliedConfigAnnotation,
			controllerGroup + "/checksum", "fluxcd.io/sync-checksum"},
		Labels:        []string{"fluxcd.io/sync-gc-mark"},
		FieldManagers: takenOverManagers(),
		Exclusions:    map[string]string{controllerGroup + "/ssa": "Merge"},
	}
	return opts
}

// takenOverManagers: managers whose fields the controller takes over, so kubectl edits revert.
func takenOverManagers() []ssa.FieldManager {
	return []ssa.FieldManager{
		{Name: "kubectl", OperationType: metav1.ManagedFieldsOperationApply},
		{Name: "kubectl", OperationType: metav1.ManagedFieldsOperationUpdate},
		{Name: "before-first-apply", OperationType: metav1.ManagedFieldsOperationUpdate},
		{Name: controllerName, OperationType: metav1.ManagedFieldsOperationUpdate},
	}
}

// deleteOptions: background propagation, only objects that still carry this Kustomization's
// owner labels, none that opted out.
func deleteOptions(m *ssa.ResourceManager, o options) ssa.DeleteOptions {
	return ssa.DeleteOptions{
		PropagationPolicy: metav1.DeletePropagationBackground,
		Inclusions:        m.GetOwnerLabels(o.name, o.namespace),
		Exclusions: map[string]string{
			controllerGroup + "/prune":     "disabled",
			controllerGroup + "/reconcile": "disabled",
			controllerGroup + "/ssa":       "Ignore",
		},
	}
}
