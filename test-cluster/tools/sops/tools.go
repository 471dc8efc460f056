//go:build tools

// Package tools pins the sops command this module builds.
package tools

import _ "github.com/getsops/sops/v3/cmd/sops"
