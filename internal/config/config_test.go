package config

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func load(vars map[string]string) (Config, error) {
	return Load(func(k string) string { return vars[k] })
}

func TestDefaultsPointAtLocalServices(t *testing.T) {
	c, err := load(nil)
	require.NoError(t, err)
	require.Equal(t, "postgres://postgres@127.0.0.1:5432/carnet?sslmode=disable", c.DatabaseURL)
	require.Equal(t, "redis://127.0.0.1:6379/0", c.RedisURL)
	require.Equal(t, 8080, c.Port)
	require.Equal(t, "http://localhost:8080", c.BaseURL.String())
	require.False(t, c.Secure())
	require.Nil(t, c.SMTPURL)
	require.Equal(t, 5*time.Second, c.DrainDelay, "a deploy waits for the load balancer to notice")
	require.Equal(t, "support@localhost", c.PlatformContact, "a suspended salon always has somewhere to write")
}

func TestMalformedSettingsAreNamed(t *testing.T) {
	cases := map[string]map[string]string{
		"DATABASE_URL":     {"DATABASE_URL": "mysql://x/y"},
		"REDIS_URL":        {"REDIS_URL": "127.0.0.1:6379"},
		"PORT":             {"PORT": "eighty"},
		"BASE_URL":         {"BASE_URL": "carnet.example.com"},
		"SMTP_URL":         {"SMTP_URL": "mail.example.com:25"},
		"TRUSTED_PROXIES":  {"TRUSTED_PROXIES": "10.0.0.0/8, nonsense"},
		"SESSION_IDLE":     {"SESSION_IDLE": "forever"},
		"LOG_FORMAT":       {"LOG_FORMAT": "xml"},
		"DRAIN_DELAY":      {"DRAIN_DELAY": "-1s"},
		"PLATFORM_CONTACT": {"PLATFORM_CONTACT": "call us"},
		"JOURNAL_KEY":      {"JOURNAL_KEY": "c2hvcnQ="},
	}
	for name, vars := range cases {
		_, err := load(vars)
		require.Error(t, err, name)
		require.Contains(t, err.Error(), name, "the message names the setting")
	}
}

func TestHTTPSBaseURLMakesCookiesSecure(t *testing.T) {
	c, err := load(map[string]string{"BASE_URL": "https://carnet.example.com/", "SMTP_URL": "smtp://mail.example.com:587",
		"SECRET_KEY": strings.Repeat("ab", 32)})
	require.NoError(t, err)
	require.True(t, c.Secure())
	require.Equal(t, "https://carnet.example.com", c.BaseURL.String())
}

func TestProductionNeedsARealMailServer(t *testing.T) {
	_, err := load(map[string]string{"BASE_URL": "https://carnet.example.com"})
	require.ErrorContains(t, err, "SMTP_URL", "links must never go to the log in production")
}

func TestSignedLinksUseAKeyDerivedFromTheSecretKey(t *testing.T) {
	a, err := load(map[string]string{"SECRET_KEY": strings.Repeat("0f", 32)})
	require.NoError(t, err)
	b, err := load(map[string]string{"SECRET_KEY": strings.Repeat("0f", 32)})
	require.NoError(t, err)
	require.Len(t, a.AppSecret, 32)
	require.Equal(t, a.AppSecret, b.AppSecret, "unsubscribe links survive a restart and work on every instance")
	require.NotEqual(t, a.SecretKey, a.AppSecret, "links are never signed with the key that seals secrets")
	c, err := load(map[string]string{"SECRET_KEY": strings.Repeat("1e", 32)})
	require.NoError(t, err)
	require.NotEqual(t, a.AppSecret, c.AppSecret)
}

func TestProductionNeedsItsOwnSecretKey(t *testing.T) {
	_, err := load(map[string]string{"BASE_URL": "https://carnet.example.com", "SMTP_URL": "smtp://mail.example.com:587"})
	require.ErrorContains(t, err, "SECRET_KEY", "admins' second factors must not be sealed with the well-known development key")
	_, err = load(map[string]string{"SECRET_KEY": "abcd"})
	require.ErrorContains(t, err, "64 hex digits")
	c, err := load(map[string]string{"SECRET_KEY": strings.Repeat("0f", 32)})
	require.NoError(t, err)
	require.Len(t, c.SecretKey, 32)
}

func TestTheWellKnownDevelopmentKeyIsOnlyForThisMachine(t *testing.T) {
	for _, base := range []string{"http://localhost:8080", "http://127.0.0.1:8080"} {
		_, err := load(map[string]string{"BASE_URL": base})
		require.NoError(t, err, base)
	}
	_, err := load(map[string]string{"BASE_URL": "http://staging.example.com"})
	require.ErrorContains(t, err, "SECRET_KEY", "a server others reach needs its own key, even on http")
}

func TestTheJournalKeyIsASeedOrAFile(t *testing.T) {
	c, err := load(nil)
	require.NoError(t, err)
	require.Nil(t, c.JournalKey)
	require.Equal(t, "carnet-journal.key", c.JournalKeyFile)
	c, err = load(map[string]string{"JOURNAL_KEY": "Y2FybmV0IHRlc3Qgam91cm5hbCBrZXksIG5vdCBzZWM=", "JOURNAL_KEY_FILE": "/var/lib/carnet/journal.key"})
	require.NoError(t, err)
	require.Len(t, c.JournalKey, 32)
	require.Equal(t, "/var/lib/carnet/journal.key", c.JournalKeyFile)
}
