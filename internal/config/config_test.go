package config

import (
	"testing"

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
}

func TestMalformedSettingsAreNamed(t *testing.T) {
	cases := map[string]map[string]string{
		"DATABASE_URL":    {"DATABASE_URL": "mysql://x/y"},
		"REDIS_URL":       {"REDIS_URL": "127.0.0.1:6379"},
		"PORT":            {"PORT": "eighty"},
		"BASE_URL":        {"BASE_URL": "carnet.example.com"},
		"SMTP_URL":        {"SMTP_URL": "mail.example.com:25"},
		"TRUSTED_PROXIES": {"TRUSTED_PROXIES": "10.0.0.0/8, nonsense"},
		"SESSION_IDLE":    {"SESSION_IDLE": "forever"},
		"LOG_FORMAT":      {"LOG_FORMAT": "xml"},
	}
	for name, vars := range cases {
		_, err := load(vars)
		require.Error(t, err, name)
		require.Contains(t, err.Error(), name, "the message names the setting")
	}
}

func TestHTTPSBaseURLMakesCookiesSecure(t *testing.T) {
	c, err := load(map[string]string{"BASE_URL": "https://carnet.example.com/", "SMTP_URL": "smtp://mail.example.com:587"})
	require.NoError(t, err)
	require.True(t, c.Secure())
	require.Equal(t, "https://carnet.example.com", c.BaseURL.String())
}

func TestProductionNeedsARealMailServer(t *testing.T) {
	_, err := load(map[string]string{"BASE_URL": "https://carnet.example.com"})
	require.ErrorContains(t, err, "SMTP_URL", "links must never go to the log in production")
}
