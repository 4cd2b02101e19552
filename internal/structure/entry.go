package structure

import "math"

// Entry is a structure or string as `liberate list --json` and
// `liberate show --json` print it: texts in one language, minutes as
// numbers, the expanded steps, and (from Detail) the whole definition.
type Entry struct {
	Slug         string  `json:"slug"`
	Name         string  `json:"name"`
	Kind         Kind    `json:"kind"`
	TotalMinutes float64 `json:"total_minutes"`
	// MinTotalMinutes and MaxTotalMinutes span the plan from every step at
	// its least to every step at its most (Impromptu Networking 15–20).
	MinTotalMinutes float64     `json:"min_total_minutes"`
	MaxTotalMinutes float64     `json:"max_total_minutes"`
	Purpose         string      `json:"purpose,omitempty"`
	Invitation      string      `json:"invitation,omitempty"`
	Categories      []string    `json:"categories"`
	TaglineMinutes  Range       `json:"tagline_minutes"`
	TimingSource    string      `json:"timing_source,omitempty"`
	Edition         string      `json:"edition,omitempty"`
	Source          string      `json:"source"`
	Aliases         []string    `json:"aliases"`
	Confidential    bool        `json:"confidential"`
	Steps           []EntryStep `json:"steps"`
	Error           string      `json:"error,omitempty"` // why the steps could not be planned
	// Detail is everything the file holds; set by (*Library).Detail for
	// `show --json`, left out of the lean Entry that `list --json` prints.
	Detail *Structure `json:"detail,omitempty"`
}

// EntryStep is one planned step of an Entry.
type EntryStep struct {
	Structure  string    `json:"structure,omitempty"` // slug, for the steps of a string
	Path       string    `json:"path"`
	Name       string    `json:"name"`
	Prompt     string    `json:"prompt,omitempty"`
	Group      string    `json:"group"`            // configuration in words, e.g. "pairs"
	Config     Config    `json:"config,omitempty"` // the configuration's code
	Minutes    float64   `json:"minutes"`          // planned; 0 = untimed
	MinMinutes float64   `json:"min_minutes"`
	MaxMinutes float64   `json:"max_minutes"`
	Timed      bool      `json:"timed"`
	Optional   bool      `json:"optional,omitempty"`
	Counters   []Counter `json:"counters,omitempty"`
	Capture    Capture   `json:"capture"`
	Cue        Cue       `json:"cue,omitempty"`
	Split      Split     `json:"split,omitempty"`
	Harvest    bool      `json:"harvest,omitempty"`
	Review     bool      `json:"review,omitempty"`
}

// configWords names each configuration for tools and plain output.
var configWords = map[Config][2]string{
	ConfigAlone:       {"alone, in silence", "alleen, in stilte"},
	ConfigPairs:       {"pairs", "tweetallen"},
	ConfigTrios:       {"trios", "drietallen"},
	ConfigFours:       {"fours", "viertallen"},
	ConfigSmall:       {"small groups", "kleine groepen"},
	ConfigTables:      {"tables of 5–7", "tafels van 5–7"},
	ConfigWhole:       {"whole group", "hele groep"},
	ConfigStations:    {"stations", "stations"},
	ConfigFishbowl:    {"inner and outer circle", "binnen- en buitenkring"},
	ConfigClientBack:  {"trios, client turns back", "drietallen, klant draait zich om"},
	ConfigClient:      {"trios, client speaks", "drietallen, klant spreekt"},
	ConfigMill:        {"everyone mingles", "iedereen loopt rond"},
	ConfigFacilitator: {"facilitator explains", "facilitator legt uit"},
}

// ConfigWords is the configuration in words in lang ("en" or "nl"); empty
// for an empty configuration.
func ConfigWords(c Config, lang string) string {
	w, ok := configWords[c]
	if !ok {
		return string(c)
	}
	if lang == "nl" {
		return w[1]
	}
	return w[0]
}

// Entry describes s in lang for tools, planned for participants people
// (0 = unknown: the structure's default group size).
func (l *Library) Entry(s *Structure, lang string, participants int) Entry {
	e := Entry{
		Slug:           s.Slug,
		Name:           s.Name.In(lang),
		Kind:           s.Kind,
		Purpose:        s.Purpose.In(lang),
		Invitation:     s.Invitation.In(lang),
		Categories:     nonNil(s.Categories),
		TaglineMinutes: s.TaglineMinutes,
		TimingSource:   s.TimingSource,
		Edition:        s.Edition,
		Source:         s.Source,
		Aliases:        nonNil(s.Aliases),
		Confidential:   s.Confidential,
		Steps:          []EntryStep{},
	}
	if e.Kind == "" {
		e.Kind = KindStructure
	}
	plan, err := l.planOne(s, PlanOptions{Participants: participants})
	if err != nil {
		e.Error = err.Error()
		return e
	}
	e.TotalMinutes = planMinutes(plan)
	var lo, hi float64
	for _, p := range plan {
		lo, hi = lo+p.Min.Minutes(), hi+p.Max.Minutes()
	}
	e.MinTotalMinutes, e.MaxTotalMinutes = roundMinutes(lo), roundMinutes(hi)
	for _, p := range plan {
		es := EntryStep{
			Path:       p.Path,
			Name:       p.Label.In(lang),
			Prompt:     p.Prompt.In(lang),
			Group:      ConfigWords(p.Config, lang),
			Config:     p.Config,
			Minutes:    roundMinutes(p.Planned.Minutes()),
			MinMinutes: roundMinutes(p.Min.Minutes()),
			MaxMinutes: roundMinutes(p.Max.Minutes()),
			Timed:      p.Timed,
			Optional:   p.Optional,
			Counters:   p.Counters,
			Capture:    p.Capture,
			Cue:        p.Cue,
			Split:      p.Split,
			Harvest:    p.Harvest,
			Review:     p.Review,
		}
		if s.Kind == KindString {
			es.Structure = p.Structure
		}
		e.Steps = append(e.Steps, es)
	}
	return e
}

// Detail is Entry with the whole definition under "detail", for
// `liberate show --json`.
func (l *Library) Detail(s *Structure, lang string, participants int) Entry {
	e := l.Entry(s, lang, participants)
	e.Detail = s
	return e
}

func roundMinutes(m float64) float64 { return math.Round(m*100) / 100 }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
