package i18n

var enSettings = map[string]string{}
