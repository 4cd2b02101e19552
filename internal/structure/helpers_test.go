package structure

import (
	"io/fs"

	"liberate/structures"
)

func fsGlob(pattern string) ([]string, error) { return fs.Glob(structures.FS, pattern) }
