package i18n

import (
	"reflect"
	"testing"
)

func TestDutchPhonePageHasEveryStringEnglishHas(t *testing.T) {
	compare(t, "Phone", reflect.ValueOf(*PhoneFor("en")), reflect.ValueOf(*PhoneFor("nl")))
}

func TestPhoneLangFollowsThePhonesPreference(t *testing.T) {
	for header, want := range map[string]string{
		"":                                 "en",
		"nl-NL,nl;q=0.9,en-US;q=0.8":       "nl",
		"nl-BE":                            "nl",
		"en-GB,en;q=0.9,nl;q=0.8":          "en",
		"fr-BE,fr;q=0.9,nl;q=0.8,en;q=0.5": "nl",
		"de-DE,de;q=0.9":                   "en",
		"en;q=0.2,nl;q=0.7":                "nl",
		"nl;q=bogus,en":                    "en",
	} {
		if got := PhoneLang(header); got != want {
			t.Errorf("PhoneLang(%q) = %q, want %q", header, got, want)
		}
	}
}
