package admin

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"golang.org/x/term"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/i18n"
)

// CommandUsage is the help of `carnet admin`.
const CommandUsage = `usage:
  carnet admin create --email E [--name N]   create a new account as a platform admin (password from the terminal or stdin)
  carnet admin create --email E --promote    make an existing account a platform admin (its password does not change)
  carnet admin list                          list the platform admins
  carnet admin remove --email E              take platform admin rights away (the account stays)
  carnet admin reset-2fa --email E           remove an admin's second factor (a lost phone): they enrol again at their next sign-in`

// Command is one `carnet admin …` invocation, its arguments checked.
type Command struct {
	Action  string // create, list, remove, reset-2fa
	Email   string
	Name    string
	Promote bool
}

// ParseCommand reads the arguments after `carnet admin`. Its errors are
// sentences for the person at the terminal.
func ParseCommand(args []string) (Command, error) {
	if len(args) == 0 {
		return Command{}, errors.New(CommandUsage)
	}
	cmd := Command{Action: args[0]}
	fs := flag.NewFlagSet("carnet admin "+cmd.Action, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	switch cmd.Action {
	case "create":
		fs.StringVar(&cmd.Email, "email", "", "")
		fs.StringVar(&cmd.Name, "name", "", "")
		fs.BoolVar(&cmd.Promote, "promote", false, "")
	case "remove", "reset-2fa":
		fs.StringVar(&cmd.Email, "email", "", "")
	case "list":
	default:
		return Command{}, sentencef("There is no \"carnet admin %s\" command.\n%s", cmd.Action, CommandUsage)
	}
	if err := fs.Parse(args[1:]); err != nil {
		return Command{}, sentencef("carnet admin %s: %v.\n%s", cmd.Action, err, CommandUsage)
	}
	if fs.NArg() > 0 {
		return Command{}, sentencef("carnet admin %s does not take %q.\n%s", cmd.Action, fs.Arg(0), CommandUsage)
	}
	if cmd.Action != "list" && strings.TrimSpace(cmd.Email) == "" {
		return Command{}, sentencef("carnet admin %s needs the account's email: --email E.", cmd.Action)
	}
	if cmd.Promote && cmd.Name != "" {
		return Command{}, sentencef("--promote keeps the account as it is: it takes no --name.")
	}
	return cmd, nil
}

// Run carries the command out. The password of a new admin is read from in
// (without echo on a terminal, else its first line); what happened is
// written to out. Every creation, promotion, removal and second-factor reset
// is in the audit log.
// Errors are sentences, never message keys.
func (c Command) Run(ctx context.Context, accounts *account.Service, in io.Reader, out io.Writer) error {
	by := account.ByCommandLine
	switch {
	case c.Action == "list":
		admins, err := accounts.PlatformAdmins(ctx)
		if err != nil {
			return errors.New(Sentence(err))
		}
		if len(admins) == 0 {
			fmt.Fprintln(out, "There is no platform admin yet: create one with carnet admin create --email E.")
			return nil
		}
		sort.SliceStable(admins, func(i, j int) bool { return admins[i].Since.Before(admins[j].Since) })
		for _, a := range admins {
			fmt.Fprintf(out, "%s\t%s\tsince %s\n", a.Email, a.Name, a.Since.UTC().Format("2006-01-02"))
		}
		return nil
	case c.Action == "remove":
		if err := accounts.RemovePlatformAdmin(ctx, by, c.Email); err != nil {
			return errors.New(Sentence(err))
		}
		fmt.Fprintf(out, "%s is no longer a platform admin; the account itself is kept.\n", account.NormalizeEmail(c.Email))
		return nil
	case c.Action == "reset-2fa":
		if err := accounts.ResetSecondFactor(ctx, by, c.Email); err != nil {
			return errors.New(Sentence(err))
		}
		fmt.Fprintf(out, "%s has no second factor now: they set up a new one at their next sign-in; their recovery codes no longer work.\n",
			account.NormalizeEmail(c.Email))
		return nil
	case c.Promote:
		exists, err := accounts.AccountExists(ctx, c.Email)
		if err != nil {
			return errors.New(Sentence(err))
		}
		if !exists {
			return sentencef("No account uses %s, so there is nobody to promote: run carnet admin create --email %[1]s without --promote to create one.",
				account.NormalizeEmail(c.Email))
		}
		if err := accounts.PromotePlatformAdmin(ctx, by, c.Email); err != nil {
			return errors.New(Sentence(err))
		}
		fmt.Fprintf(out, "%s is a platform admin; the account's password has not changed.\n", account.NormalizeEmail(c.Email))
		return nil
	}
	// create: refuse a known email before asking for a password.
	exists, err := accounts.AccountExists(ctx, c.Email)
	if err != nil {
		return errors.New(Sentence(err))
	}
	if exists {
		return errors.New(Sentence(apperr.New(apperr.Conflict, "admin.account_exists", account.NormalizeEmail(c.Email))))
	}
	password, err := readPassword(in)
	if err != nil {
		return err
	}
	if _, err := accounts.CreatePlatformAdmin(ctx, by, c.Email, c.Name, password); err != nil {
		return errors.New(Sentence(err))
	}
	fmt.Fprintf(out, "platform admin %s is ready: log in at %s/login\n", account.NormalizeEmail(c.Email), accounts.BaseURL)
	return nil
}

// fieldNames name a form's fields in a sentence.
var fieldNames = map[string]string{"email": "Email", "password": "Password", "name": "Name"}

// Sentence says an error in plain English: the message a key stands for,
// each refused field with its reason. An unexpected error keeps its text.
func Sentence(err error) string {
	e, ok := apperr.As(err)
	if !ok {
		return err.Error()
	}
	if len(e.Fields) == 0 {
		return i18n.Tr(i18n.EN, e.Key, e.Args...)
	}
	fields := make([]string, 0, len(e.Fields))
	for f := range e.Fields {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteString(" ")
		}
		name := fieldNames[f]
		if name == "" {
			name = f
		}
		b.WriteString(name + ": " + i18n.Tr(i18n.EN, e.Fields[f]))
	}
	return b.String()
}

// sentence is an error meant for the person at the terminal, printed as it
// is: a capitalised sentence with its full stop, unlike the lower-case
// fragments Go errors chain for logs.
type sentence struct {
	text  string
	cause error
}

func (s sentence) Error() string { return s.text }
func (s sentence) Unwrap() error { return s.cause }

func sentencef(format string, a ...any) error { return sentence{text: fmt.Sprintf(format, a...)} }

// readPassword asks on a terminal without echo, or reads the first line of a pipe.
// The prompt goes to the terminal's standard error, apart from the output.
func readPassword(in io.Reader) (string, error) {
	if f, ok := in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		prompt := os.Stderr
		fmt.Fprint(prompt, "Password: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(prompt)
		if err != nil {
			return "", sentence{text: "The password could not be read: " + err.Error(), cause: err}
		}
		return string(b), nil
	}
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", sentence{text: "The password could not be read: " + err.Error(), cause: err}
	}
	return strings.TrimRight(line, "\r\n"), nil
}
