package urls

import "github.com/google/uuid"

// Admin is the operator's list of salons.
func Admin() string { return "/admin" }

// AdminAudit is the operator's audit log.
func AdminAudit() string { return "/admin/audit" }

// AdminBusiness is the operator's figures and charts.
func AdminBusiness() string { return "/admin/business" }

// AdminPlatform holds the platform's settings (fees).
func AdminPlatform() string { return "/admin/platform" }

// AdminSalon is one salon seen by the operator.
func AdminSalon(id uuid.UUID) string { return "/admin/salons/" + id.String() }

// AdminSalonSuspend suspends a salon.
func AdminSalonSuspend(id uuid.UUID) string { return AdminSalon(id) + "/suspend" }

// AdminSalonReactivate lifts a suspension.
func AdminSalonReactivate(id uuid.UUID) string { return AdminSalon(id) + "/reactivate" }

// AdminViewAs opens the back office as the salon's owner.
func AdminViewAs(id uuid.UUID) string { return AdminSalon(id) + "/view-as" }

// AdminViewAsEnd returns to the operator's own view.
func AdminViewAsEnd() string { return "/admin/view-as/end" }

// TwoFactor asks the operator for a one-time code.
func TwoFactor() string { return "/admin/2fa" }

// TwoFactorSetup enrols the operator's authenticator.
func TwoFactorSetup() string { return "/admin/2fa/setup" }
