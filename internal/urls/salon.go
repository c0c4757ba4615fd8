package urls

import "github.com/google/uuid"

// Services lists the salon's services, and where a new one posts.
func Services() string { return "/app/services" }

// ServiceNew is the form for a new service.
func ServiceNew() string { return Services() + "/new" }

// Service is a service's form, and where its changes post.
func Service(id uuid.UUID) string { return Services() + "/" + id.String() }

// ServiceArchive archives a service.
func ServiceArchive(id uuid.UUID) string { return Service(id) + "/archive" }

// ServiceMove moves a service up or down.
func ServiceMove(id uuid.UUID) string { return Service(id) + "/move" }

// Categories is where a new service category posts.
func Categories() string { return "/app/categories" }

// Category is where a service category's new name posts.
func Category(id uuid.UUID) string { return Categories() + "/" + id.String() }

// CategoryDelete deletes a service category.
func CategoryDelete(id uuid.UUID) string { return Category(id) + "/delete" }

// CategoryMove moves a service category up or down.
func CategoryMove(id uuid.UUID) string { return Category(id) + "/move" }

// Products lists the products sold, and where a new one posts.
func Products() string { return "/app/products" }

// ProductNew is the form for a new product.
func ProductNew() string { return Products() + "/new" }

// Product is a product's form, and where its changes post.
func Product(id uuid.UUID) string { return Products() + "/" + id.String() }

// ProductArchive archives a product.
func ProductArchive(id uuid.UUID) string { return Product(id) + "/archive" }

// Staff lists the people who perform services, and where a new one posts.
func Staff() string { return "/app/staff" }

// StaffNew is the form for a new staff member.
func StaffNew() string { return Staff() + "/new" }

// StaffMember is a staff member's form, and where its changes post.
func StaffMember(id uuid.UUID) string { return Staff() + "/" + id.String() }

// StaffAbsences is where a staff member's absence posts.
func StaffAbsences(id uuid.UUID) string { return StaffMember(id) + "/absences" }

// AbsenceDelete deletes an absence.
func AbsenceDelete(id uuid.UUID) string { return "/app/absences/" + id.String() + "/delete" }

// Stripe is the salon's Stripe account page.
func Stripe() string { return "/app/stripe" }

// StripeConnect starts Stripe's onboarding.
func StripeConnect() string { return Stripe() + "/connect" }

// StripeReturn is where Stripe's onboarding sends the owner back.
func StripeReturn() string { return Stripe() + "/return" }

// StripeRefresh is where Stripe sends the owner when a link expired.
func StripeRefresh() string { return Stripe() + "/refresh" }

// MessageTemplates lists the message templates, and where one is saved.
func MessageTemplates() string { return "/app/messages/templates" }

// MessageTemplateEdit edits one template.
func MessageTemplateEdit() string { return MessageTemplates() + "/edit" }

// MessageTemplatePreview previews a template as it is typed.
func MessageTemplatePreview() string { return MessageTemplates() + "/preview" }

// MessageTemplateReset restores a template's default text.
func MessageTemplateReset() string { return MessageTemplates() + "/reset" }

// MessageReminders sets when reminders are sent.
func MessageReminders() string { return "/app/messages/reminders" }

// Settings is the salon's settings, and where they post.
func Settings() string { return "/app/settings" }

// SettingsHours is where the opening hours post.
func SettingsHours() string { return Settings() + "/hours" }

// Notifications chooses which events the salon is told about.
func Notifications() string { return Settings() + "/notifications" }

// Closures is where a closure of the salon posts.
func Closures() string { return "/app/closures" }

// ClosureDelete deletes a closure.
func ClosureDelete(id uuid.UUID) string { return Closures() + "/" + id.String() + "/delete" }
