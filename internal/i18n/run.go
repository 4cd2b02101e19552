package i18n

// Run holds the strings of this area of the app.
type Run struct {
}

var runEN = Run{}

var runNL = Run{}
