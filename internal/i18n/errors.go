package i18n

// Errors holds the strings of this area of the app.
type Errors struct {
}

var errorsEN = Errors{}

var errorsNL = Errors{}
