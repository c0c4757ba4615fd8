package i18n

var enBooking = map[string]string{}
