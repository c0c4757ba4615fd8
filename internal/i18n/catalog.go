package i18n

// The catalogue is split by area (texts_<area>_<lang>.go) so features can be
// added side by side; fr is the reference, salons speak French first.
var (
	fr = merge(frCore, frSettings, frAgenda, frBooking, frPayment, frClients, frMessage, frPortal, frClientData, frDisplay, frTime, frPublic, frForms, frTerms, frAdmin, frEnvelope, frVerify, frLang, frEvents, frA11y, frPlatform, frCountry, frCheque, frJournal, frTill, frFarewell, frTillStripe, frReceipt, frTakings, frTillUI, frJournalFix, frTillFix)
	en = merge(enCore, enSettings, enAgenda, enBooking, enPayment, enClients, enMessage, enPortal, enClientData, enDisplay, enTime, enPublic, enForms, enTerms, enAdmin, enEnvelope, enVerify, enLang, enEvents, enA11y, enPlatform, enCountry, enCheque, enJournal, enTill, enFarewell, enTillStripe, enReceipt, enTakings, enTillUI, enJournalFix, enTillFix)
)

func merge(parts ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, p := range parts {
		for k, v := range p {
			if _, dup := out[k]; dup {
				panic("i18n: key defined twice: " + k)
			}
			out[k] = v
		}
	}
	return out
}
