package config

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// The Docker Compose file cannot be run here (no Docker engine), so these
// tests read it: CI checks with `docker compose config` where Docker exists.

type composeFile struct {
	Services map[string]composeService           `yaml:"services"`
	Configs  map[string]struct{ Content string } `yaml:"configs"`
}

type composeService struct {
	Build       string            `yaml:"build"`
	Image       string            `yaml:"image"`
	Command     []string          `yaml:"command"`
	Environment map[string]string `yaml:"environment"`
	Healthcheck struct {
		Test    []string `yaml:"test"`
		Disable bool     `yaml:"disable"`
	} `yaml:"healthcheck"`
	DependsOn map[string]struct{ Condition string } `yaml:"depends_on"`
	Networks  map[string]struct {
		IPv4 string `yaml:"ipv4_address"`
	} `yaml:"networks"`
}

func readCompose(t *testing.T) (composeFile, string) {
	t.Helper()
	raw, err := os.ReadFile("../../docker-compose.yml")
	require.NoError(t, err)
	var f composeFile
	require.NoError(t, yaml.Unmarshal(raw, &f))
	return f, string(raw)
}

// interpolation is Compose's ${VAR}, ${VAR:-default} and ${VAR:?error}.
var interpolation = regexp.MustCompile(`\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}`)

// interpolate fills the variables an operator puts in .env with example
// values, and the others with their defaults, as `docker compose` would.
func interpolate(s string, dotenv map[string]string) string {
	return interpolation.ReplaceAllStringFunc(s, func(m string) string {
		g := interpolation.FindStringSubmatch(m)
		if v, ok := dotenv[g[1]]; ok {
			return v
		}
		if g[2] == "-" {
			return g[3]
		}
		return ""
	})
}

var exampleDotenv = map[string]string{
	"DOMAIN": "carnet.example.com", "POSTGRES_PASSWORD": "pg-secret", "DATABASE_APP_PASSWORD": "app-secret",
	"SMTP_URL": "smtp://user:pw@smtp.example.com:587", "SECRET_KEY": strings.Repeat("ab", 32),
	"JOURNAL_KEY": "Y2FybmV0IHRlc3Qgam91cm5hbCBrZXksIG5vdCBzZWM=",
	// Optional, set so the settings read only beside them (SMS_KEY) are asked for.
	"SMS_URL": "https://sms.example.com/send", "SMS_KEY": "sms-key",
}

func TestComposeRunsTwoInstancesBehindCaddyWithTheirState(t *testing.T) {
	f, _ := readCompose(t)
	for _, name := range []string{"postgres", "redis", "migrate", "carnet-1", "carnet-2", "caddy"} {
		require.Contains(t, f.Services, name)
	}
	for _, name := range []string{"carnet-1", "carnet-2"} {
		s := f.Services[name]
		require.Equal(t, ".", s.Build, "%s is built from the Dockerfile", name)
		require.Equal(t, []string{"serve", "--no-migrate"}, s.Command, "migrations are the migrate service's")
		require.Equal(t, "service_completed_successfully", s.DependsOn["migrate"].Condition)
		require.Equal(t, f.Services["carnet-1"].Environment, s.Environment, "both instances are configured alike")
	}
	require.Equal(t, []string{"migrate"}, f.Services["migrate"].Command)
	require.Equal(t, "service_healthy", f.Services["migrate"].DependsOn["postgres"].Condition)

	caddyfile := f.Configs["caddyfile"].Content
	require.Contains(t, caddyfile, "${DOMAIN", "the site, hence its certificate, is the DOMAIN variable")
	require.Contains(t, caddyfile, "reverse_proxy carnet-1:8080 carnet-2:8080")
	require.Contains(t, caddyfile, "health_uri /readyz", "a draining instance leaves the rotation")
	caddyIP := f.Services["caddy"].Networks["default"].IPv4
	require.NotEmpty(t, caddyIP)
	require.Equal(t, caddyIP, f.Services["carnet-1"].Environment["TRUSTED_PROXIES"], "clients' addresses come from Caddy only")
}

func TestEveryLongRunningServiceHasAHealthCheck(t *testing.T) {
	f, _ := readCompose(t)
	for name, s := range f.Services {
		if name == "migrate" {
			require.True(t, s.Healthcheck.Disable, "a one-shot step has nothing to check")
			continue
		}
		require.NotEmpty(t, s.Healthcheck.Test, name)
		require.Equal(t, "CMD", s.Healthcheck.Test[0], "%s: exec form, the Carnet image has no shell", name)
	}
	require.Equal(t, []string{"CMD", "/carnet", "health"}, f.Services["carnet-1"].Healthcheck.Test)
}

// Every variable the compose file gives Carnet is one the binary reads (a
// misspelt one would be silently ignored), and with an operator's .env the
// settings load as production settings.
func TestComposeGivesCarnetOnlyItsOwnSettings(t *testing.T) {
	f, _ := readCompose(t)
	env := map[string]string{}
	for k, v := range f.Services["carnet-1"].Environment {
		env[k] = interpolate(v, exampleDotenv)
	}
	asked := map[string]bool{}
	c, err := Load(func(k string) string { asked[k] = true; return env[k] })
	require.NoError(t, err)
	for k := range env {
		require.True(t, asked[k], "%s is not a Carnet setting", k)
	}
	require.True(t, c.Secure(), "https, so cookies are Secure")
	require.Equal(t, "https://carnet.example.com", c.BaseURL.String())
	require.Equal(t, "redis://redis:6379/0", c.RedisURL)
	require.Equal(t, "postgres://carnet:pg-secret@postgres:5432/carnet?sslmode=disable", c.DatabaseURL)
	require.Empty(t, c.AdminAddr)
	require.Empty(t, c.OTLPEndpoint)
}

// The README's production commands are ones this compose file supports:
// the services they name exist, the variables they set are the file's.
func TestTheReadmesComposeCommandsMatchTheComposeFile(t *testing.T) {
	f, raw := readCompose(t)
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	var commands []string
	for _, line := range strings.Split(string(readme), "\n") {
		line = strings.TrimSpace(line)
		if i := strings.Index(line, "docker compose "); i >= 0 && !strings.HasPrefix(line, "|") && !strings.Contains(line, "`docker compose") {
			commands = append(commands, line)
		}
	}
	require.GreaterOrEqual(t, len(commands), 4, "the README shows how to run, migrate, inspect and back up")
	for _, cmd := range commands {
		before, after, _ := strings.Cut(cmd, "docker compose ")
		for _, assign := range strings.Fields(before) {
			name, _, ok := strings.Cut(assign, "=")
			require.True(t, ok && strings.Contains(raw, "${"+name), "%q: %s is not a variable of the compose file", cmd, name)
		}
		for _, svc := range composeServices(after) {
			require.Contains(t, f.Services, svc, "%q names a service the compose file lacks", cmd)
		}
	}
}

// composeServices returns the services a `docker compose` command line
// names: every argument of logs/restart/stop/up/ps/build/pull, the first of
// exec/run (the rest is the command run inside).
func composeServices(args string) []string {
	args, _, _ = strings.Cut(args, "#")
	args, _, _ = strings.Cut(args, "|")
	args, _, _ = strings.Cut(args, "<")
	args, _, _ = strings.Cut(args, ">")
	words := strings.Fields(args)
	if len(words) == 0 {
		return nil
	}
	var names []string
	for i := 1; i < len(words); i++ {
		w := words[i]
		if strings.HasPrefix(w, "-") {
			if slices.Contains([]string{"-e", "--env", "-u", "--user", "-w", "--workdir", "--tail"}, w) {
				i++ // the flag's value
			}
			continue
		}
		names = append(names, w)
		if words[0] == "exec" || words[0] == "run" {
			break
		}
	}
	if !slices.Contains([]string{"exec", "run", "logs", "restart", "stop", "up", "ps", "build", "pull", "start"}, words[0]) {
		return nil
	}
	return names
}
