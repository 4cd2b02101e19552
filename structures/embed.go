// Package structures holds the Liberating Structures menu and the strings
// built from it as YAML data files, embedded into the binary. The files are
// read and validated by internal/structure.
package structures

import "embed"

// FS holds every built-in structure (*.yaml) and string (strings/*.yaml).
// The strings directory is embedded whole so the pattern matches even when
// it holds only its README; readers take the *.yaml files only.
//
//go:embed *.yaml strings
var FS embed.FS
