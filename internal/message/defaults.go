package message

// Carnet's own wording of every automatic message, per kind, language and
// channel. A salon may replace any of them (message_templates); these stay
// the reference the settings page shows and resets to.
//
// Optional details sit on their own line: a placeholder with no value (no
// address) leaves only its label ("Adresse"), and a line offering the manage
// link is left out for a visit booked by phone, which has none.
var defaults = map[templateKey]Text{
	{KindConfirmation, "fr", Email}: {
		Subject: "Rendez-vous confirmé chez {salon}, {date} à {heure}",
		Body: "Bonjour {prenom},\n\n" +
			"Votre rendez-vous « {prestation} » avec {collaborateur} est confirmé : {date} à {heure}.\n\n" +
			"Adresse : {adresse}\n\n" +
			"Gérer mon rendez-vous : {lien}"},
	{KindConfirmation, "fr", SMS}: {
		Body: "{salon} : rendez-vous confirmé le {date} à {heure} ({prestation}). À bientôt !"},
	{KindConfirmation, "en", Email}: {
		Subject: "Appointment confirmed at {salon}, {date} at {heure}",
		Body: "Hello {prenom},\n\n" +
			"Your appointment “{prestation}” with {collaborateur} is confirmed: {date} at {heure}.\n\n" +
			"Address: {adresse}\n\n" +
			"Manage my appointment: {lien}"},
	{KindConfirmation, "en", SMS}: {
		Body: "{salon}: appointment confirmed on {date} at {heure} ({prestation}). See you soon!"},

	{KindMoved, "fr", Email}: {
		Subject: "Rendez-vous déplacé chez {salon} : {date} à {heure}",
		Body: "Bonjour {prenom},\n\n" +
			"Votre rendez-vous « {prestation} » avec {collaborateur} a été déplacé. Nouvel horaire : {date} à {heure}.\n\n" +
			"Adresse : {adresse}\n\n" +
			"Gérer mon rendez-vous : {lien}"},
	{KindMoved, "fr", SMS}: {
		Body: "{salon} : votre rendez-vous est déplacé au {date} à {heure} ({prestation}). À bientôt !"},
	{KindMoved, "en", Email}: {
		Subject: "Appointment moved at {salon}: {date} at {heure}",
		Body: "Hello {prenom},\n\n" +
			"Your appointment “{prestation}” with {collaborateur} has been moved. New time: {date} at {heure}.\n\n" +
			"Address: {adresse}\n\n" +
			"Manage my appointment: {lien}"},
	{KindMoved, "en", SMS}: {
		Body: "{salon}: your appointment is moved to {date} at {heure} ({prestation}). See you soon!"},

	{KindReminder, "fr", Email}: {
		Subject: "Rappel : rendez-vous chez {salon}, {date} à {heure}",
		Body: "Bonjour {prenom},\n\n" +
			"Nous vous rappelons votre rendez-vous « {prestation} » avec {collaborateur}, {date} à {heure}.\n\n" +
			"Adresse : {adresse}\n\n" +
			"Un empêchement ? Annuler ou déplacer : {lien}"},
	{KindReminder, "fr", SMS}: {
		Body: "{salon} : rappel de votre rendez-vous {date} à {heure} ({prestation}). À bientôt !"},
	{KindReminder, "en", Email}: {
		Subject: "Reminder: appointment at {salon}, {date} at {heure}",
		Body: "Hello {prenom},\n\n" +
			"This is a reminder of your appointment “{prestation}” with {collaborateur}, {date} at {heure}.\n\n" +
			"Address: {adresse}\n\n" +
			"Can't make it? Cancel or reschedule: {lien}"},
	{KindReminder, "en", SMS}: {
		Body: "{salon}: reminder of your appointment on {date} at {heure} ({prestation}). See you soon!"},

	{KindCancellation, "fr", Email}: {
		Subject: "Rendez-vous annulé chez {salon}",
		Body: "Bonjour {prenom},\n\n" +
			"Votre rendez-vous « {prestation} » du {date} à {heure} est annulé.\n\n" +
			"Voir le détail : {lien}"},
	{KindCancellation, "fr", SMS}: {
		Body: "{salon} : votre rendez-vous du {date} à {heure} est annulé."},
	{KindCancellation, "en", Email}: {
		Subject: "Appointment cancelled at {salon}",
		Body: "Hello {prenom},\n\n" +
			"Your appointment “{prestation}” on {date} at {heure} is cancelled.\n\n" +
			"See the details: {lien}"},
	{KindCancellation, "en", SMS}: {
		Body: "{salon}: your appointment on {date} at {heure} is cancelled."},

	{KindPortalAccess, "fr", Email}: {
		Subject: "Votre espace client chez {salon}",
		Body: "Bonjour {prenom},\n\n" +
			"{salon} vous ouvre un espace client : vos rendez-vous et vos informations, au même endroit.\n\n" +
			"Accéder à mon espace : {lien}\n\n" +
			"Ce lien est personnel et valable peu de temps ; vous pourrez en demander un nouveau depuis l'espace client."},
	{KindPortalAccess, "fr", SMS}: {
		Body: "{salon} : votre espace client est ouvert. Accès : {lien}"},
	{KindPortalAccess, "en", Email}: {
		Subject: "Your client account at {salon}",
		Body: "Hello {prenom},\n\n" +
			"{salon} has opened a client account for you: your appointments and details, in one place.\n\n" +
			"Open my account: {lien}\n\n" +
			"This link is personal and valid for a short time; you can ask for a new one from the client account."},
	{KindPortalAccess, "en", SMS}: {
		Body: "{salon}: your client account is open. Access: {lien}"},

	{KindPortalLogin, "fr", Email}: {
		Subject: "Votre lien de connexion – {salon}",
		Body: "Bonjour {prenom},\n\n" +
			"Voici votre lien pour vous connecter à votre espace client chez {salon}.\n\n" +
			"Me connecter : {lien}\n\n" +
			"Si vous n'avez rien demandé, ignorez simplement ce message."},
	{KindPortalLogin, "fr", SMS}: {
		Body: "{salon} : votre lien de connexion : {lien}"},
	{KindPortalLogin, "en", Email}: {
		Subject: "Your sign-in link – {salon}",
		Body: "Hello {prenom},\n\n" +
			"Here is your link to sign in to your client account at {salon}.\n\n" +
			"Sign in: {lien}\n\n" +
			"If you did not ask for it, simply ignore this message."},
	{KindPortalLogin, "en", SMS}: {
		Body: "{salon}: your sign-in link: {lien}"},

	// A message written by the salon starts from this text.
	{KindManual, "fr", Email}: {
		Subject: "Message de {salon}",
		Body:    "Bonjour {prenom},\n\n\n\nÀ bientôt,\n{salon}"},
	{KindManual, "fr", SMS}: {
		Body: "{salon} : "},
	{KindManual, "en", Email}: {
		Subject: "A message from {salon}",
		Body:    "Hello {prenom},\n\n\n\nSee you soon,\n{salon}"},
	{KindManual, "en", SMS}: {
		Body: "{salon}: "},
}
