package i18n

var frPayment = map[string]string{}
