package store

import "liberate/internal/userfile"

// cleanTemps removes the temporary copies killed liberates left in dir.
func cleanTemps(dir string) { userfile.CleanTemps(dir) }
