package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"

	"github.com/fluxcd/cli-utils/pkg/object"
	"github.com/fluxcd/pkg/ssa"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// inventory mirrors the Kustomization's status.inventory: one entry per applied object, its id
// "<namespace>_<name>_<group>_<kind>" and its API version. Kept in a local file, so reading and
// writing it costs no API requests (the controller reads it from its cache and patches status).
type inventory struct {
	Entries []inventoryEntry `json:"entries"`
}

type inventoryEntry struct {
	ID      string `json:"id"`
	Version string `json:"v"`
}

func loadInventory(path string) (inventory, error) {
	var inv inventory
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return inv, nil // first reconcile
	}
	if err != nil {
		return inv, err
	}
	return inv, json.Unmarshal(data, &inv)
}

// saveInventory writes through a temporary file, so an interrupted run keeps the old inventory.
func saveInventory(path string, inv inventory) error {
	data, err := json.Marshal(inv)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// inventoryOf lists every object of the change set, as the controller builds its new inventory.
func inventoryOf(cs *ssa.ChangeSet) inventory {
	var inv inventory
	for _, e := range cs.Entries {
		inv.Entries = append(inv.Entries, inventoryEntry{ID: e.ObjMetadata.String(), Version: e.GroupVersion})
	}
	sort.Slice(inv.Entries, func(i, j int) bool { return inv.Entries[i].ID < inv.Entries[j].ID })
	return inv
}

// staleObjects: entries of old that are not in current, as bare objects for DeleteAll.
func staleObjects(old, current inventory) ([]*unstructured.Unstructured, error) {
	keep := make(map[string]bool, len(current.Entries))
	for _, e := range current.Entries {
		keep[e.ID] = true
	}
	var stale []*unstructured.Unstructured
	for _, e := range old.Entries {
		if keep[e.ID] {
			continue
		}
		u, err := objectOf(e)
		if err != nil {
			return nil, err
		}
		stale = append(stale, u)
	}
	return stale, nil
}

func objectOf(e inventoryEntry) (*unstructured.Unstructured, error) {
	m, err := object.ParseObjMetadata(e.ID)
	if err != nil {
		return nil, err
	}
	u := &unstructured.Unstructured{}
	u.SetGroupVersionKind(schema.GroupVersionKind{Group: m.GroupKind.Group, Version: e.Version, Kind: m.GroupKind.Kind})
	u.SetName(m.Name)
	u.SetNamespace(m.Namespace)
	return u, nil
}
