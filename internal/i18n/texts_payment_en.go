package i18n

var enPayment = map[string]string{}
