package urls

// Landing is the product's home page.
func Landing() string { return "/" }

// Signup creates an account and its first salon.
func Signup() string { return "/signup" }

// SignupSlug checks a wished public address while it is typed.
func SignupSlug() string { return "/signup/slug" }

// Login is the staff and operator sign-in.
func Login() string { return "/login" }

// Logout ends the staff session.
func Logout() string { return "/logout" }

// PasswordForgot asks for a reset link.
func PasswordForgot() string { return "/password/forgot" }

// PasswordReset is the mailed reset link.
func PasswordReset(token string) string { return "/password/reset/" + token }

// Invite is the mailed invitation to join a salon's team.
func Invite(token string) string { return "/invite/" + token }

// Verify is the mailed link that proves an email address.
func Verify(token string) string { return "/verify/" + token }
