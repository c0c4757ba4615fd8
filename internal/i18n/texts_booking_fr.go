package i18n

var frBooking = map[string]string{}
