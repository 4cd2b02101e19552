package structure

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"liberate/internal/userfile"
	"liberate/structures"
)

// SourceBuiltIn is the Source of a definition embedded in the binary.
const SourceBuiltIn = "built-in"

// Library is the set of structures and strings a session can run: the
// built-ins with the user's own files merged over them by slug. A Library is
// read-only after it is built and safe for concurrent use.
type Library struct {
	defs  map[string]*Structure
	index map[string][]string // squashed key → slugs
	keys  []string            // sorted keys of index, for prefix search
	shown map[string]string   // squashed key → what to suggest typing
}

// file is one data file waiting to be parsed.
type file struct {
	name   string // shown in errors: a path
	data   []byte
	source string
}

// DefaultUserDir is where the user's own structure files live:
// $XDG_CONFIG_HOME/liberate/structures, else ~/.config/liberate/structures.
// Strings go in its strings/ subdirectory.
func DefaultUserDir() string {
	base := os.Getenv("XDG_CONFIG_HOME")
	if base == "" || !filepath.IsAbs(base) {
		home, err := os.UserHomeDir()
		if err != nil || home == "" {
			return ""
		}
		base = filepath.Join(home, ".config")
	}
	return filepath.Join(base, "liberate", "structures")
}

// Load builds the library from the embedded built-ins and every *.yaml (and
// *.yml) file in userDir and userDir/strings. A user file adds a structure
// or replaces the built-in with the same slug. A file with a problem is
// skipped and reported as an error naming file:line; it never stops the other
// files or the built-ins loading. A missing userDir is not an error.
func Load(userDir string) (*Library, []error) {
	files, errs := builtinFiles()
	if userDir != "" {
		user, uerrs := readUserDir(userDir)
		files = append(files, user...)
		errs = append(errs, uerrs...)
	}
	lib, lerrs := build(files)
	return lib, append(errs, lerrs...)
}

// NewLibrary builds a library from in-memory files, keyed by file name
// ("1-2-4-all.yaml", "strings/retro.yaml"); every definition counts as
// built-in. It serves tests and tools that bring their own definitions.
func NewLibrary(files map[string][]byte) (*Library, []error) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	list := make([]file, 0, len(names))
	for _, n := range names {
		list = append(list, file{name: n, data: files[n], source: SourceBuiltIn})
	}
	return build(list)
}

func builtinFiles() ([]file, []error) {
	var out []file
	var errs []error
	for _, pattern := range []string{"*.yaml", "strings/*.yaml"} {
		names, err := fs.Glob(structures.FS, pattern)
		if err != nil {
			errs = append(errs, fmt.Errorf("list built-in structures: %w", err))
			continue
		}
		for _, n := range names {
			data, err := structures.FS.ReadFile(n)
			if err != nil {
				errs = append(errs, fmt.Errorf("read built-in %s: %w", n, err))
				continue
			}
			out = append(out, file{name: path.Join("structures", n), data: data, source: SourceBuiltIn})
		}
	}
	return out, errs
}

func readUserDir(dir string) ([]file, []error) {
	var out []file
	var errs []error
	for _, d := range []string{dir, filepath.Join(dir, "strings")} {
		entries, err := os.ReadDir(d)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("read your structures in %s: %w", d, err))
			continue
		}
		for _, e := range entries {
			n := e.Name()
			if e.IsDir() || strings.HasPrefix(n, ".") || !(strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")) {
				continue
			}
			p := filepath.Join(d, n)
			// Only regular files of a sane size, with a read deadline: a
			// link to /dev/zero or a named pipe is an error, not a hang.
			data, err := userfile.Read(p, maxFileSize)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			out = append(out, file{name: p, data: data, source: p})
		}
	}
	return out, errs
}

// build parses files in order (built-ins first), merges later files over
// earlier ones by slug, then checks references between definitions. A
// definition whose references are broken is dropped (a user file falls back
// to the built-in it replaced).
func build(files []file) (*Library, []error) {
	var errs []error
	defs := map[string]*Structure{}
	builtin := map[string]*Structure{}
	seen := map[string]string{} // slug → file, per source kind
	names := map[*Structure]string{}
	parsed := parseAll(files)
	for i, f := range files {
		s, perrs := parsed[i].s, parsed[i].errs
		if len(perrs) > 0 {
			errs = append(errs, perrs...)
			continue
		}
		s.Source = f.source
		key := s.Slug
		if f.source != SourceBuiltIn {
			key = "user:" + s.Slug
		}
		if prev, ok := seen[key]; ok {
			errs = append(errs, &FileError{File: f.name, Line: 1, Field: "slug",
				Msg: fmt.Sprintf("slug %q is already defined in %s; rename one of them", s.Slug, prev)})
			continue
		}
		seen[key] = f.name
		names[s] = f.name
		if f.source == SourceBuiltIn {
			builtin[s.Slug] = s
		}
		defs[s.Slug] = s
	}
	errs = append(errs, checkReferences(defs, builtin, names)...)
	lib := &Library{defs: defs}
	lib.buildIndex()
	return lib, sortedErrors(errs)
}

type parseResult struct {
	s    *Structure
	errs []error
}

// parseAll parses files on every core; the results keep the files' order.
func parseAll(files []file) []parseResult {
	out := make([]parseResult, len(files))
	workers := min(runtime.GOMAXPROCS(0), len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				s, errs := Parse(files[i].name, files[i].data)
				out[i] = parseResult{s: s, errs: errs}
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// checkReferences drops definitions that nest or list something missing or
// that nest themselves in a cycle. User definitions go first: when a user
// file breaks a reference the built-in it replaced comes back.
func checkReferences(defs, builtin map[string]*Structure, names map[*Structure]string) []error {
	var errs []error
	for {
		bad := map[string][]error{}
		for slug, s := range defs {
			if e := referenceErrors(s, defs, names[s]); len(e) > 0 {
				bad[slug] = e
			}
		}
		for slug, e := range cycleErrors(defs, names) {
			bad[slug] = append(bad[slug], e)
		}
		if len(bad) == 0 {
			return errs
		}
		userOnly := false
		for slug := range bad {
			if defs[slug].Source != SourceBuiltIn {
				userOnly = true
			}
		}
		slugs := make([]string, 0, len(bad))
		for slug := range bad {
			slugs = append(slugs, slug)
		}
		sort.Strings(slugs)
		for _, slug := range slugs {
			s := defs[slug]
			if userOnly && s.Source == SourceBuiltIn {
				continue
			}
			errs = append(errs, bad[slug]...)
			if b, ok := builtin[slug]; ok && s != b {
				defs[slug] = b
			} else {
				delete(defs, slug)
			}
		}
	}
}

func referenceErrors(s *Structure, defs map[string]*Structure, name string) []error {
	var errs []error
	var walk func(steps []Step)
	walk = func(steps []Step) {
		for _, st := range steps {
			if st.Nested != "" {
				t, ok := defs[st.Nested]
				switch {
				case !ok:
					errs = append(errs, &FileError{File: name, Line: st.Line, Field: "nested",
						Msg: fmt.Sprintf("nested structure %q does not exist", st.Nested)})
				case t.Kind != KindStructure:
					errs = append(errs, &FileError{File: name, Line: st.Line, Field: "nested",
						Msg: fmt.Sprintf("nested %q is a string; only a structure can be nested", st.Nested)})
				}
			}
			walk(st.Steps)
		}
	}
	walk(s.Steps)
	for _, it := range s.Items {
		if it.Harvest || it.Review || it.Slug == "" {
			continue
		}
		t, ok := defs[it.Slug]
		switch {
		case !ok:
			errs = append(errs, &FileError{File: name, Line: it.Line, Field: "slug",
				Msg: fmt.Sprintf("item %q is not a known structure", it.Slug)})
		case t.Kind != KindStructure:
			errs = append(errs, &FileError{File: name, Line: it.Line, Field: "slug",
				Msg: fmt.Sprintf("item %q is a string; a string lists structures", it.Slug)})
		}
	}
	return errs
}

func nestedSlugs(steps []Step, out []string) []string {
	for _, st := range steps {
		if st.Nested != "" {
			out = append(out, st.Nested)
		}
		out = nestedSlugs(st.Steps, out)
	}
	return out
}

// cycleErrors finds structures that end up nesting themselves.
func cycleErrors(defs map[string]*Structure, names map[*Structure]string) map[string]error {
	out := map[string]error{}
	const (
		white = iota
		grey
		black
	)
	colour := map[string]int{}
	var stack []string
	var visit func(slug string)
	visit = func(slug string) {
		colour[slug] = grey
		stack = append(stack, slug)
		if s, ok := defs[slug]; ok {
			for _, n := range nestedSlugs(s.Steps, nil) {
				if _, ok := defs[n]; !ok {
					continue
				}
				switch colour[n] {
				case white:
					visit(n)
				case grey:
					i := len(stack) - 1
					for i > 0 && stack[i] != n {
						i--
					}
					chain := append(append([]string{}, stack[i:]...), n)
					for _, c := range stack[i:] {
						if _, done := out[c]; done {
							continue
						}
						line := 1
						for _, st := range flatten(defs[c].Steps) {
							if st.Nested != "" {
								line = st.Line
								break
							}
						}
						out[c] = &FileError{File: names[defs[c]], Line: line, Field: "nested",
							Msg: "nesting goes round in a circle: " + strings.Join(chain, " → ")}
					}
				}
			}
		}
		stack = stack[:len(stack)-1]
		colour[slug] = black
	}
	slugs := make([]string, 0, len(defs))
	for s := range defs {
		slugs = append(slugs, s)
	}
	sort.Strings(slugs)
	for _, s := range slugs {
		if colour[s] == white {
			visit(s)
		}
	}
	return out
}

func flatten(steps []Step) []Step {
	var out []Step
	for _, st := range steps {
		out = append(out, st)
		out = append(out, flatten(st.Steps)...)
	}
	return out
}

// Get returns the definition with exactly this slug.
func (l *Library) Get(slug string) (*Structure, bool) {
	s, ok := l.defs[slug]
	return s, ok
}

// All returns every structure and string, sorted by English name, then slug.
func (l *Library) All() []*Structure { return l.list(func(*Structure) bool { return true }) }

// Structures returns the structures, sorted by English name, then slug.
func (l *Library) Structures() []*Structure {
	return l.list(func(s *Structure) bool { return s.Kind == KindStructure })
}

// Strings returns the strings, sorted by English name, then slug.
func (l *Library) Strings() []*Structure {
	return l.list(func(s *Structure) bool { return s.Kind == KindString })
}

func (l *Library) list(keep func(*Structure) bool) []*Structure {
	out := make([]*Structure, 0, len(l.defs))
	for _, s := range l.defs {
		if keep(s) {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := strings.ToLower(out[i].Name.EN), strings.ToLower(out[j].Name.EN)
		if a != b {
			return a < b
		}
		return out[i].Slug < out[j].Slug
	})
	return out
}
