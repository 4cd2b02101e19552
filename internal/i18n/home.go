package i18n

// Home holds the strings of this area of the app.
type Home struct {
}

var homeEN = Home{}

var homeNL = Home{}
