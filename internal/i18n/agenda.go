package i18n

// Agenda holds the strings of this area of the app.
type Agenda struct {
}

var agendaEN = Agenda{}

var agendaNL = Agenda{}
