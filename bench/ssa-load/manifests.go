package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"sigs.k8s.io/yaml"
)

// object is one manifest as JSON (the apply body) with what its request path needs.
type object struct {
	apiVersion, kind, namespace, name string
	body                              []byte
	source                            string
}

// readObjects reads every .yaml/.yml file under dir in path order, one object per YAML document.
func readObjects(dir string) ([]object, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var out []object
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		for i, doc := range bytes.Split(data, []byte("\n---")) {
			if len(bytes.TrimSpace(doc)) == 0 {
				continue
			}
			o, err := toObject(doc)
			if err != nil {
				return nil, fmt.Errorf("%s, document %d: %w", p, i+1, err)
			}
			if o != nil {
				o.source = p
				out = append(out, *o)
			}
		}
	}
	return out, nil
}

func toObject(doc []byte) (*object, error) {
	body, err := yaml.YAMLToJSON(doc)
	if err != nil {
		return nil, err
	}
	var head struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
		Metadata   struct {
			Name      string `json:"name"`
			Namespace string `json:"namespace"`
		} `json:"metadata"`
	}
	if err := yaml.Unmarshal(body, &head); err != nil {
		return nil, err
	}
	if head.Kind == "" { // a document of comments only
		return nil, nil
	}
	if head.Metadata.Name == "" {
		return nil, fmt.Errorf("%s without metadata.name", head.Kind)
	}
	return &object{apiVersion: head.APIVersion, kind: head.Kind, namespace: head.Metadata.Namespace,
		name: head.Metadata.Name, body: body}, nil
}
