package i18n

var frSettings = map[string]string{}
