package i18n

// Groups holds the strings of this area of the app.
type Groups struct {
}

var groupsEN = Groups{}

var groupsNL = Groups{}
