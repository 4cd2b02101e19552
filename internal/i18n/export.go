package i18n

// Export holds the strings of this area of the app.
type Export struct {
}

var exportEN = Export{}

var exportNL = Export{}
