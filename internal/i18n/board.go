package i18n

// Board holds the strings of this area of the app.
type Board struct {
}

var boardEN = Board{}

var boardNL = Board{}
