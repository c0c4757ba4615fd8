package i18n

var frAgenda = map[string]string{}
