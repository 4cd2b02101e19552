package cluster

import "strings"

// Stop words, folded (no accents). Based on the Snowball lists for Dutch and
// English, extended with the filler words of spoken and typed notes.
var (
	stopNL = wordSet(`aan al alle alles als altijd ander andere anders ben bij
bijna daar daarom dan dat de der deze die dit doch doen doet door dus echt een eens en
er ge geen geweest gewoon haar had heb hebben heeft hem het hier hij hoe hun iemand iets
ik in is ja je jij jou jouw jullie kan kon kun kunnen laat maar me meer men met mij mijn
moet moeten na naar niet niets nog nu of om omdat ons onze ook op over reeds te ten
toch toen tot u uit uw van veel voor waar wanneer want waren was wat we wel welk welke
werd werden wie wij wil wilt worden wordt zal ze zei zelf zich zij zijn zo zonder zou
zouden dr mn m n zn t s k weer keer steeds even soms vaak heel erg zeer zoals omdat
tijdens sinds daardoor dat's hè he hé oh ok oke okee nou dus eigenlijk beetje elke elk
iedere ieder onder boven tegen tussen binnen buiten via per mits wordt geworden
gaat gaan ging gingen kom komt komen kwam mag mogen moest hadden zult jullie u hen
daarbij daarvan daarna waarom waardoor waarbij waarin`)
	stopEN = wordSet(`a about above after again against all am an and any are aren
arent as at be because been before being below between both but by can cant cannot could
couldnt did didnt do does doesnt doing dont down during each few for from further had
hadnt has hasnt have havent having he hed hell hes her here heres hers herself him himself
his how hows i id ill im ive if in into is isnt it its itself lets me more most mustnt my
myself no nor not of off on once only or other ought our ours ourselves out over own
same shant she shed shell shes should shouldnt so some such than that thats the their
theirs them themselves then there theres these they theyd theyll theyre theyve this
those through to too under until up very was wasnt we wed well were weve werent what
whats when whens where wheres which while who whos whom why whys with wont would wouldnt
you youd youll youre youve your yours yourself yourselves just also get got still
really always again ever every even please thanks thank hi hello ok okay yes yeah
will shall may might must much many lot lots thing things way`)
	// noFeature holds words of either language that say nothing about which
	// problem a note is about: numerals and time words ("drie", "week"),
	// generic actors ("management", "collega's", "niemand") and filler verbs
	// ("krijgen", "make"). They pull notes of different problems together,
	// so they are no features; phrases holding them still count ("2 keer",
	// "nieuwe collega").
	noFeature = wordSet(`twee drie vier vijf zes zeven acht negen tien elf twaalf
twintig dertig veertig vijftig honderd honderden duizend duizenden miljoen eerste tweede
derde vierde vijfde helft
two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
hundred hundreds thousand thousands million first third fourth fifth half dozen
dag dagen dagelijks week weken wekelijks maand maanden maandelijks jaar jaren jaarlijks
uur uren uurtje minuut minuten minuutje seconde seconden ochtend ochtends middag middags
avond avonds nacht nachts vandaag gisteren morgen overmorgen maandag dinsdag woensdag
donderdag vrijdag zaterdag zondag weekend kwartaal tijdje momenteel nooit telkens
day days daily week weeks weekly month months monthly year years yearly annual hour hours
minute minutes mins second seconds morning mornings afternoon evening evenings night nights
today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday weekend
weekends quarter never often sometimes usually anymore ago
management manager managers collega collegas colleague colleagues iedereen niemand
everyone everybody nobody somebody someone anyone anybody mensen people person persons
medewerker medewerkers employee employees staff personeel leidinggevende leidinggevenden
baas boss bosses wij jij hij zij they guys jongens
maken maakt maak gemaakt krijgen krijg krijgt kreeg kregen gekregen
staan staat stond stonden gestaan liggen lagen gelegen zien zie ziet zag zagen gezien
weten weet wist wisten geweten willen wilde wilden gewild zitten zat zaten gezeten houden
houdt hield gehouden nemen neemt nam genomen brengen brengt bracht
gebracht zeggen zegt zei gezegd proberen probeert probeer geprobeerd moeten hoeven hoeft
lijkt lijken blijft blijven bleef gebleven
make makes made making do does did done doing go goes going went take took
keep keeps kept know knows knew known see sees saw seen want
wants wanted need needs needed seem seems seemed come comes came try tries tried trying say
says said tell tells told let lets use used using`)
	// stopAmbiguous holds stop words of one language that are content words in
	// the other ("door" is "through" in Dutch; "die" and "hard" are English
	// words); they are dropped only when the note is in the stop word's language.
	stopAmbiguous = wordSet(`die door want had was is in have hoe mag over bent
be me men kan kon are hij her more arm`)
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// lang is the language guessed for one note.
type lang uint8

const (
	langUnknown lang = iota
	langNL
	langEN
)

// String returns the ISO code of the language.
func (l lang) String() string {
	switch l {
	case langNL:
		return "nl"
	case langEN:
		return "en"
	}
	return "und"
}

// guessLang counts stop words and a few spelling cues of each language.
// Notes without any cue stay langUnknown and take the corpus majority later.
func guessLang(toks []token) lang {
	nl, en := 0, 0
	for _, t := range toks {
		w := t.fold
		inNL, inEN := stopNL[w], stopEN[w]
		if inNL && !inEN {
			nl += 2
		}
		if inEN && !inNL {
			en += 2
		}
		if len(w) >= 4 {
			switch {
			case strings.Contains(w, "ij"), strings.Contains(w, "oe"), strings.Contains(w, "sch"),
				strings.Contains(w, "aa"), strings.Contains(w, "uu"), strings.HasSuffix(w, "en") && !strings.HasSuffix(w, "een"):
				nl++
			case strings.Contains(w, "th"), strings.HasSuffix(w, "ing"), strings.HasSuffix(w, "ed"),
				strings.HasSuffix(w, "ly"), strings.Contains(w, "ck"), strings.Contains(w, "wh"):
				en++
			}
		}
	}
	switch {
	case nl > en:
		return langNL
	case en > nl:
		return langEN
	}
	return langUnknown
}

// isStop reports whether w carries no topic in a note written in l.
func isStop(w string, l lang) bool {
	if noFeature[w] {
		return true
	}
	if stopAmbiguous[w] {
		switch l {
		case langNL:
			return stopNL[w]
		case langEN:
			return stopEN[w]
		}
		return stopNL[w] && stopEN[w]
	}
	return stopNL[w] || stopEN[w] || noFeature[w]
}
