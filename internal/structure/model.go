// Package structure defines Liberating Structures and strings as data: the
// YAML schema, parsing with file:line errors, validation, merging the user's
// own files over the embedded built-ins, and expanding a structure or string
// into the flat list of timed steps a session runs.
package structure

import "time"

// Text is a bilingual string from a data file: `{en: "...", nl: "..."}`.
type Text struct {
	EN string `yaml:"en" json:"en,omitempty"`
	NL string `yaml:"nl" json:"nl,omitempty"`
}

// In returns the text in lang ("en" or "nl"), falling back to English.
func (t Text) In(lang string) string {
	if lang == "nl" && t.NL != "" {
		return t.NL
	}
	return t.EN
}

// IsZero reports whether both languages are empty.
func (t Text) IsZero() bool { return t.EN == "" && t.NL == "" }

// Kind tells a structure from a string (a chain of structures).
type Kind string

// Kinds of definition.
const (
	KindStructure Kind = "structure"
	KindString    Kind = "string"
)

// Config is a group configuration of a step, shown to the room in words.
type Config string

// Group configurations used by the LS menu.
const (
	ConfigAlone       Config = "alone"       // ALONE · IN SILENCE
	ConfigPairs       Config = "pairs"       // PAIRS
	ConfigTrios       Config = "trios"       // TRIOS
	ConfigFours       Config = "fours"       // FOURS
	ConfigSmall       Config = "small"       // SMALL GROUPS (group.min–group.max)
	ConfigTables      Config = "tables"      // TABLES OF 5–7
	ConfigWhole       Config = "whole"       // WHOLE GROUP
	ConfigStations    Config = "stations"    // STATIONS
	ConfigFishbowl    Config = "fishbowl"    // INNER & OUTER CIRCLE
	ConfigClientBack  Config = "client-back" // TRIOS · CLIENT TURNS BACK
	ConfigClient      Config = "client"      // client speaks / client turns
	ConfigMill        Config = "mill"        // everyone walks and mingles
	ConfigFacilitator Config = "facilitator" // the facilitator explains
)

// Unit says what a step's minutes are counted per.
type Unit string

// Units of step minutes.
const (
	UnitTotal       Unit = "total"
	UnitPerPerson   Unit = "per_person"
	UnitPerTurn     Unit = "per_turn"
	UnitPerStation  Unit = "per_station"
	UnitPerSentence Unit = "per_sentence"
	UnitPerElement  Unit = "per_element"
	UnitPerRound    Unit = "per_round"
)

// Capture is the default kind of what the facilitator types during a step.
type Capture string

// Capture kinds. CaptureNone means the step is not captured by default (the
// facilitator can still open the capture line).
const (
	CaptureNone        Capture = "none"
	CaptureFrustration Capture = "frustration"
	CaptureIdea        Capture = "idea"
	CaptureAction      Capture = "action"
	CaptureNote        Capture = "note"
	CaptureQuestion    Capture = "question"
	CaptureCard        Capture = "card" // 25/10 idea + first step
)

// Cue is the bell pattern at the end of a step.
type Cue string

// Bell cues: one ring = swap speaker, two = new partner or round.
const (
	CueSingle Cue = "single"
	CueDouble Cue = "double"
	CueNone   Cue = "none"
)

// Step is one entry of a structure's sequence. A step is either a leaf (label,
// minutes) or a block that repeats its own Steps (Repeat, Counter), or a
// reference to another structure run inside this one (Nested).
type Step struct {
	ID       string  `yaml:"id,omitempty" json:"id,omitempty"`
	Label    Text    `yaml:"label" json:"label"`
	Prompt   Text    `yaml:"prompt,omitempty" json:"prompt,omitempty"`
	Tip      Text    `yaml:"tip,omitempty" json:"tip,omitempty"` // facilitator only, never projected
	Config   Config  `yaml:"config,omitempty" json:"config,omitempty"`
	Min      float64 `yaml:"min,omitempty" json:"min,omitempty"`         // minutes (decimals allowed)
	Max      float64 `yaml:"max,omitempty" json:"max,omitempty"`         // minutes; 0 = same as Min
	Default  float64 `yaml:"default,omitempty" json:"default,omitempty"` // minutes planned; 0 = Min
	Unit     Unit    `yaml:"unit,omitempty" json:"unit,omitempty"`
	Timed    *bool   `yaml:"timed,omitempty" json:"timed,omitempty"` // nil = true when minutes are set
	Optional bool    `yaml:"optional,omitempty" json:"optional,omitempty"`
	Cue      Cue     `yaml:"cue,omitempty" json:"cue,omitempty"`
	Capture  Capture `yaml:"capture,omitempty" json:"capture,omitempty"`
	// Between marks a step that only runs between two turns of its block
	// (Troika's "switch client"), not after the last turn.
	Between bool `yaml:"between,omitempty" json:"between,omitempty"`

	// Block fields.
	Block   string `yaml:"block,omitempty" json:"block,omitempty"`     // block name, e.g. client-turn
	Repeat  string `yaml:"repeat,omitempty" json:"repeat,omitempty"`   // "3", "group_size", "stations", "until_done"
	Counter string `yaml:"counter,omitempty" json:"counter,omitempty"` // round, client, person, station, element, sentence, scoring
	Cycle   bool   `yaml:"cycle,omitempty" json:"cycle,omitempty"`     // `r` repeats this block
	Steps   []Step `yaml:"steps,omitempty" json:"steps,omitempty"`

	// Nested runs another structure's steps here (TRIZ runs 1-2-4-All).
	Nested string `yaml:"nested,omitempty" json:"nested,omitempty"`

	Line int `yaml:"-" json:"-"` // source line, for errors
}

// Range is a span of minutes, e.g. a tagline total "35–50".
type Range struct {
	Min  float64 `yaml:"min" json:"min"`
	Max  float64 `yaml:"max,omitempty" json:"max,omitempty"`
	Unit Unit    `yaml:"unit,omitempty" json:"unit,omitempty"` // per_person, per_turn … for "15 min/person"
}

// Group describes the group sizes a structure works with.
type Group struct {
	Size            int `yaml:"size,omitempty" json:"size,omitempty"`                         // default group size (Troika 3)
	Min             int `yaml:"min,omitempty" json:"min,omitempty"`                           // smallest group
	Max             int `yaml:"max,omitempty" json:"max,omitempty"`                           // largest group
	OddFallback     int `yaml:"odd_fallback,omitempty" json:"odd_fallback,omitempty"`         // Troika 4
	MinParticipants int `yaml:"min_participants,omitempty" json:"min_participants,omitempty"` // smallest head-count
	Stations        int `yaml:"stations,omitempty" json:"stations,omitempty"`                 // Shift & Share default
}

// Item is one structure in a string, with its own invitation.
type Item struct {
	Slug       string  `yaml:"slug" json:"slug"`
	Title      Text    `yaml:"title,omitempty" json:"title,omitempty"`
	Invitation Text    `yaml:"invitation,omitempty" json:"invitation,omitempty"`
	Capture    Capture `yaml:"capture,omitempty" json:"capture,omitempty"` // overrides the structure's default
	Prompts    []Text  `yaml:"prompts,omitempty" json:"prompts,omitempty"` // replaces step prompts in order
	Harvest    bool    `yaml:"harvest,omitempty" json:"harvest,omitempty"` // a board/cluster step, not a structure
	Review     bool    `yaml:"review,omitempty" json:"review,omitempty"`   // a follow-up's review of the earlier session's actions and themes
	Minutes    float64 `yaml:"minutes,omitempty" json:"minutes,omitempty"` // for harvest and review items, and one-step structures such as a break
	Line       int     `yaml:"-" json:"-"`
}

// Structure is one Liberating Structure or a string of them, as a data file
// describes it.
type Structure struct {
	Slug           string   `yaml:"slug" json:"slug"`
	Kind           Kind     `yaml:"kind,omitempty" json:"kind"`
	Name           Text     `yaml:"name" json:"name"`
	Purpose        Text     `yaml:"purpose,omitempty" json:"purpose,omitempty"`
	Aliases        []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
	LSNumber       int      `yaml:"ls_number,omitempty" json:"ls_number,omitempty"`
	Edition        string   `yaml:"edition,omitempty" json:"edition,omitempty"`             // classic, fieldbook-2026
	TimingSource   string   `yaml:"timing_source,omitempty" json:"timing_source,omitempty"` // official, fieldbook-paraphrase-unconfirmed
	Categories     []string `yaml:"categories,omitempty" json:"categories,omitempty"`
	TaglineMinutes Range    `yaml:"tagline_minutes,omitempty" json:"tagline_minutes,omitempty"`
	Group          Group    `yaml:"group,omitempty" json:"group,omitempty"`
	Invitation     Text     `yaml:"invitation,omitempty" json:"invitation,omitempty"`
	Tips           []Text   `yaml:"tips,omitempty" json:"tips,omitempty"`
	Capture        Capture  `yaml:"capture,omitempty" json:"capture,omitempty"`
	Confidential   bool     `yaml:"confidential,omitempty" json:"confidential,omitempty"`
	TextLicence    string   `yaml:"text_licence,omitempty" json:"text_licence,omitempty"`
	Steps          []Step   `yaml:"steps,omitempty" json:"steps,omitempty"` // structures
	Items          []Item   `yaml:"items,omitempty" json:"items,omitempty"` // strings

	// Source says where the definition came from: "built-in" or a file path.
	Source string `yaml:"-" json:"source"`
}

// Counter is a position in a repeated block, shown as "Client 2/3".
type Counter struct {
	Kind string `json:"kind"` // round, client, person, station, element, sentence, scoring, cycle
	I    int    `json:"i"`    // 1-based
	N    int    `json:"n"`    // 0 = open-ended (until done)
}

// PlannedStep is one concrete step of a session's plan: a leaf step with its
// counters resolved, minutes computed for the group size, and the structure it
// belongs to. A session runs a []PlannedStep from first to last.
type PlannedStep struct {
	Structure      string        `json:"structure"` // slug
	StructureName  Text          `json:"structure_name"`
	StructureIndex int           `json:"structure_index"` // 0-based position in the string
	StructureCount int           `json:"structure_count"`
	Title          Text          `json:"title,omitzero"` // the string item's own title, e.g. "Now what: next week"
	Invitation     Text          `json:"invitation,omitempty"`
	Path           string        `json:"path"`   // stable id inside the structure, e.g. "2.1"
	Number         int           `json:"number"` // 1-based step number within the structure
	Total          int           `json:"total"`  // number of steps in the structure
	Label          Text          `json:"label"`
	Prompt         Text          `json:"prompt,omitempty"`
	Tip            Text          `json:"tip,omitempty"`
	Config         Config        `json:"config,omitempty"`
	Planned        time.Duration `json:"planned"` // 0 for untimed steps
	Min            time.Duration `json:"min"`
	Max            time.Duration `json:"max"`
	Timed          bool          `json:"timed"`
	Optional       bool          `json:"optional,omitempty"`
	Counters       []Counter     `json:"counters,omitempty"`
	Capture        Capture       `json:"capture"`
	Cue            Cue           `json:"cue,omitempty"`
	CycleStart     int           `json:"cycle_start"`       // plan index where the repeatable cycle of this step starts
	CycleEnd       int           `json:"cycle_end"`         // plan index of the cycle's last step
	Harvest        bool          `json:"harvest,omitempty"` // opens the board
	Review         bool          `json:"review,omitempty"`  // the follow-up's review of actions and themes
	Split          Split         `json:"split,omitempty"`   // how to form groups for the head-count; nil when unknown
	// Groups are the sizes of the groups that still run this step, when a
	// turn goes round groups of different sizes and the smaller ones are
	// done (the fours' fourth client turn: [4]); nil when every group does.
	Groups []int `json:"groups,omitempty"`
	// GroupSize is the size of one group of the step's configuration when
	// the structure sets it (Wise Crowds' client turns: 5); 0 when unknown.
	GroupSize int `json:"group_size,omitempty"`

	only, done Split // groups still running / finishing their turns with this step, for the prompt
}

// OwnTitle is the string item's own title in lang ("Now what: next
// week"), or "" when the step has none or it only repeats the structure's
// name. Callers show it after the name, so two runs of one structure in a
// string read apart.
func (p PlannedStep) OwnTitle(lang string) string {
	if t := p.Title.In(lang); t != p.StructureName.In(lang) {
		return t
	}
	return ""
}

// GroupCount is a number of groups of one size: {Size: 2, Count: 10} = ten pairs.
type GroupCount struct {
	Size  int `json:"size"`
	Count int `json:"count"`
}

// Split is how a head-count divides into groups for a step, largest count
// first: 23 people in pairs = [{2,10},{3,1}]. Every person is in exactly one
// group. Rendered in words by the UI's catalogue.
type Split []GroupCount
