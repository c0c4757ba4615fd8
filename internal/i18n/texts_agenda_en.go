package i18n

var enAgenda = map[string]string{}
