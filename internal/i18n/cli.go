package i18n

// CLI holds the strings of this area of the app.
type CLI struct {
}

var cliEN = CLI{}

var cliNL = CLI{}
