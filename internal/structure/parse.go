package structure

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// FileError is a problem in one data file, located by file and line so the
// facilitator can open the file and fix it.
type FileError struct {
	File  string // path or base name of the data file
	Line  int    // 1-based; 0 when the whole file is concerned
	Field string // the field concerned, e.g. "min" or "steps[2].label"; may be empty
	Msg   string // what is wrong, in words
}

// Error formats the problem as `file:line: message`.
func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// maxFileSize bounds a data file; a structure definition is a few kilobytes.
const maxFileSize = 1 << 20

// Parse reads one structure or string definition from data. file names the
// data in error messages and is the file the slug must match (its base name
// without extension). Parse checks everything a single file can tell:
// unknown fields, types, minutes, known values; references to other
// structures are checked by the Library. The returned errors are all
// *FileError; the structure is nil when any error was found.
func Parse(file string, data []byte) (*Structure, []error) {
	if len(data) > maxFileSize {
		return nil, []error{&FileError{File: file, Msg: fmt.Sprintf("file is larger than %d bytes", maxFileSize)}}
	}
	var doc document
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := dec.Decode(&doc)
	if errors.Is(err, io.EOF) || (err == nil && doc.node.Kind == 0) {
		return nil, []error{&FileError{File: file, Msg: "file is empty; it needs at least slug, name and steps"}}
	}
	var te *yaml.TypeError
	if err != nil && !errors.As(err, &te) {
		return nil, []error{syntaxError(file, err)}
	}
	if doc.node.Kind != yaml.MappingNode {
		return nil, []error{&FileError{File: file, Line: doc.node.Line, Msg: "a structure file is a mapping of fields (slug:, name:, steps: …)"}}
	}
	if n := tooDeep(&doc.node); n != nil {
		return nil, []error{&FileError{File: file, Line: n.Line, Field: "steps",
			Msg: fmt.Sprintf("steps are nested more than %d deep; nest a structure by its slug (nested: 1-2-4-all) instead", MaxStepDepth)}}
	}
	lines := lineTable{}
	lines.walk("", &doc.node)
	if te != nil {
		errs := make([]error, 0, len(te.Errors))
		for _, msg := range te.Errors {
			errs = append(errs, typeError(file, msg, lines))
		}
		return nil, sortedErrors(errs)
	}
	s := doc.s
	lines.fill(&s)
	if errs := validateFile(file, &s, lines); len(errs) > 0 {
		return nil, errs
	}
	return &s, nil
}

// MaxStepDepth is how deep blocks of steps may nest inside one file; the
// deepest structure of the LS menu nests two.
const MaxStepDepth = 10

// maxNodeDepth is the YAML depth MaxStepDepth allows: each level of steps
// is a list and a mapping, and a step's own fields go two deeper.
const maxNodeDepth = 2*MaxStepDepth + 4

// tooDeep returns the first node nested deeper than maxNodeDepth, or nil.
// It walks without recursion, so a hostile file cannot exhaust the stack,
// and it runs before anything costs memory per level.
func tooDeep(root *yaml.Node) *yaml.Node {
	type item struct {
		n *yaml.Node
		d int
	}
	stack := []item{{root, 1}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.d > maxNodeDepth {
			return it.n
		}
		for _, c := range it.n.Content {
			stack = append(stack, item{c, it.d + 1})
		}
	}
	return nil
}

// document reads a file in one pass of the YAML parser: the node tree (for
// line numbers) and the structure, both through the decoder that rejects
// unknown fields.
type document struct {
	node yaml.Node
	s    Structure
}

// UnmarshalYAML takes the node first so line numbers are known even when
// the structure has errors.
func (d *document) UnmarshalYAML(unmarshal func(any) error) error {
	var c nodeCapture
	if err := unmarshal(&c); err != nil {
		return err
	}
	if c.n != nil {
		d.node = *c.n
	}
	if d.node.Kind != yaml.MappingNode {
		return nil
	}
	return unmarshal(&d.s)
}

// nodeCapture keeps the node it is decoded from.
type nodeCapture struct{ n *yaml.Node }

// UnmarshalYAML keeps n.
func (c *nodeCapture) UnmarshalYAML(n *yaml.Node) error {
	c.n = n
	return nil
}

// lineTable maps a field path ("steps[1].steps[0].min") to its source line.
type lineTable map[string]int

func (lt lineTable) walk(prefix string, n *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := k.Value
			if prefix != "" {
				p = prefix + "." + k.Value
			}
			lt[p] = k.Line
			lt.walk(p, v)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			p := fmt.Sprintf("%s[%d]", prefix, i)
			lt[p] = c.Line
			lt.walk(p, c)
		}
	}
}

// at returns the line of path, or of its nearest ancestor that has one.
func (lt lineTable) at(p string) int {
	for p != "" {
		if l, ok := lt[p]; ok {
			return l
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return 0
}

// fieldAt names the last field that starts on line, for type errors that
// only carry a line.
func (lt lineTable) fieldAt(line int) string {
	best := ""
	for p, l := range lt {
		if l != line || strings.HasSuffix(p, "]") {
			continue
		}
		if len(p) > len(best) || (len(p) == len(best) && p > best) {
			best = p
		}
	}
	return best
}

func (lt lineTable) fill(s *Structure) {
	var steps func(prefix string, ss []Step)
	steps = func(prefix string, ss []Step) {
		for i := range ss {
			p := fmt.Sprintf("%s[%d]", prefix, i)
			ss[i].Line = lt.at(p)
			steps(p+".steps", ss[i].Steps)
		}
	}
	steps("steps", s.Steps)
	for i := range s.Items {
		s.Items[i].Line = lt.at(fmt.Sprintf("items[%d]", i))
	}
}

var (
	reLine     = regexp.MustCompile(`line (\d+)`)
	reUnknown  = regexp.MustCompile(`^line (\d+): field (.+) not found in type (\S+)$`)
	reDup      = regexp.MustCompile(`^line (\d+): field (.+) already set in type (\S+)$`)
	reUnmarsh  = regexp.MustCompile(`^line (\d+): cannot unmarshal (!!\w+)(?: (.*))? into (\S+)$`)
	reFreeForm = regexp.MustCompile(`^line (\d+): (.*)$`)
)

func syntaxError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := reLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.TrimPrefix(strings.Replace(msg, m[0], "", 1), ": ")
	}
	return &FileError{File: file, Line: line, Msg: "not valid YAML: " + msg}
}

// typeError turns one of the YAML decoder's messages into a FileError that
// names the field in the words of the file rather than of Go.
func typeError(file, msg string, lines lineTable) error {
	if m := reUnknown.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &FileError{File: file, Line: line, Field: m[2], Msg: fmt.Sprintf("unknown field %q", m[2])}
	}
	if m := reDup.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &FileError{File: file, Line: line, Field: m[2], Msg: fmt.Sprintf("field %q is set twice", m[2])}
	}
	if m := reUnmarsh.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		p := lines.fieldAt(line)
		field := p
		if i := strings.LastIndex(p, "."); i >= 0 {
			field = p[i+1:]
		}
		value := strings.Trim(m[3], "`")
		if value == "" {
			value = kindWord(m[2])
		} else {
			value = strconv.Quote(value)
		}
		want := wantWord(m[4])
		if field == "" {
			return &FileError{File: file, Line: line, Msg: fmt.Sprintf("%s is not %s", value, want)}
		}
		return &FileError{File: file, Line: line, Field: p, Msg: fmt.Sprintf("field %q: %s is not %s", field, value, want)}
	}
	if m := reFreeForm.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		p := lines.fieldAt(line)
		field := p
		if i := strings.LastIndex(p, "."); i >= 0 {
			field = p[i+1:]
		}
		if field != "" {
			return &FileError{File: file, Line: line, Field: p, Msg: fmt.Sprintf("field %q: %s", field, m[2])}
		}
		return &FileError{File: file, Line: line, Msg: m[2]}
	}
	return &FileError{File: file, Msg: msg}
}

func kindWord(tag string) string {
	switch tag {
	case "!!map":
		return "a mapping"
	case "!!seq":
		return "a list"
	case "!!null":
		return "empty"
	}
	return "this value"
}

func wantWord(goType string) string {
	switch goType {
	case "float64":
		return "a number of minutes"
	case "int":
		return "a whole number"
	case "bool", "*bool":
		return "true or false"
	case "string", "structure.Config", "structure.Unit", "structure.Capture", "structure.Cue", "structure.Kind":
		return "a word"
	case "structure.Text":
		return "a text ({en: …, nl: …})"
	case "[]string":
		return "a list of words"
	case "[]structure.Step":
		return "a list of steps"
	case "[]structure.Item":
		return "a list of items"
	case "[]structure.Text":
		return "a list of texts"
	case "structure.Range":
		return "a number of minutes or {min: …, max: …}"
	}
	if strings.HasPrefix(goType, "structure.") {
		return "a mapping of " + strings.ToLower(strings.TrimPrefix(goType, "structure.")) + " fields"
	}
	return "a " + goType
}

// UnmarshalYAML lets a text be written as a plain scalar (English only) or as
// {en: …, nl: …}. It uses the decoder's own unmarshal so unknown languages
// are still rejected.
func (t *Text) UnmarshalYAML(unmarshal func(any) error) error {
	var s string
	if err := unmarshal(&s); err == nil {
		*t = Text{EN: s}
		return nil
	}
	type plain Text
	return unmarshal((*plain)(t))
}

// UnmarshalYAML lets a range be written as a number (`30`), a span
// (`"35-50"`, `"35–50"`) or a mapping {min, max, unit}.
func (r *Range) UnmarshalYAML(n *yaml.Node) error {
	bad := func(line int, format string, args ...any) error {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: ", line) + fmt.Sprintf(format, args...)}}
	}
	switch n.Kind {
	case yaml.ScalarNode:
		lo, hi, ok := parseSpan(n.Value)
		if !ok {
			return bad(n.Line, "cannot read %q as minutes; write 30, \"35-50\" or {min: 35, max: 50}", n.Value)
		}
		*r = Range{Min: lo, Max: hi}
		return nil
	case yaml.MappingNode:
		var out Range
		var errs []string
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			var err error
			switch k.Value {
			case "min":
				err = v.Decode(&out.Min)
			case "max":
				err = v.Decode(&out.Max)
			case "unit":
				err = v.Decode(&out.Unit)
			default:
				errs = append(errs, fmt.Sprintf("line %d: field %s not found in type structure.Range", k.Line, k.Value))
				continue
			}
			if err != nil {
				errs = append(errs, fmt.Sprintf("line %d: cannot read %q as %s", v.Line, v.Value, k.Value))
			}
		}
		if len(errs) > 0 {
			return &yaml.TypeError{Errors: errs}
		}
		*r = out
		return nil
	}
	return bad(n.Line, "cannot read this as minutes; write 30, \"35-50\" or {min: 35, max: 50}")
}

func parseSpan(s string) (lo, hi float64, ok bool) {
	s = strings.NewReplacer("–", "-", "—", "-", " ", "").Replace(s)
	a, b, found := strings.Cut(s, "-")
	lo, err := strconv.ParseFloat(a, 64)
	if err != nil || lo < 0 {
		return 0, 0, false
	}
	if !found {
		return lo, 0, true
	}
	hi, err = strconv.ParseFloat(b, 64)
	if err != nil || hi < lo {
		return 0, 0, false
	}
	return lo, hi, true
}

// fileSlug is the slug a file name implies: its base name without extension.
func fileSlug(file string) string {
	base := path.Base(strings.ReplaceAll(file, "\\", "/"))
	for _, ext := range []string{".yaml", ".yml"} {
		if strings.HasSuffix(base, ext) {
			return strings.TrimSuffix(base, ext)
		}
	}
	return base
}

// sortedErrors orders errors by file and line so reports read top to bottom.
func sortedErrors(errs []error) []error {
	sort.SliceStable(errs, func(i, j int) bool {
		var a, b *FileError
		if !errors.As(errs[i], &a) || !errors.As(errs[j], &b) {
			return false
		}
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return errs
}
