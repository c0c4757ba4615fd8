package message_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/config"
	"github.com/carnet-salon/carnet/internal/message"
)

func TestTheHTTPProviderReportsTheGatewaysOwnMessage(t *testing.T) {
	t.Parallel()
	answers := map[string]struct {
		status int
		body   string
	}{
		"+33600000001": {201, `{"id":"x"}`},
		"+33600000002": {402, `{"error":{"message":"insufficient credit"}}`},
		"+33600000003": {400, `{"error":"invalid number"}`},
		"+33600000004": {503, `Service Unavailable`},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body struct{ To string }
		_ = jsonDecode(r, &body)
		a := answers[body.To]
		w.WriteHeader(a.status)
		_, _ = w.Write([]byte(a.body))
	}))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	p := message.NewHTTPSMS(u, "k", "Carnet")
	ctx := context.Background()
	require.NoError(t, p.SendSMS(ctx, "", "+33600000001", "ok"), "any 2xx is a success")
	require.EqualError(t, p.SendSMS(ctx, "", "+33600000002", "x"), "sms: gateway answered 402: insufficient credit")
	require.EqualError(t, p.SendSMS(ctx, "", "+33600000003", "x"), "sms: gateway answered 400: invalid number")
	require.EqualError(t, p.SendSMS(ctx, "", "+33600000004", "x"), "sms: gateway answered 503: Service Unavailable")
}

func TestTheLogProviderMasksLinks(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	p := message.LogSMS{Logger: slog.New(slog.NewTextHandler(&buf, nil))}
	require.NoError(t, p.SendSMS(context.Background(), "", "+33612345678", "Votre lien : https://carnet.example/b/x/account/tok"))
	require.Contains(t, buf.String(), "+33612345678")
	require.Contains(t, buf.String(), "Votre lien : [link]")
	require.NotContains(t, buf.String(), "tok")
}

func TestSMSSettingsAreValidatedAtStartUp(t *testing.T) {
	load := func(vars map[string]string) (config.Config, error) {
		return config.Load(func(k string) string { return vars[k] })
	}
	c, err := load(nil)
	require.NoError(t, err)
	require.Nil(t, c.SMSURL, "no gateway: text messages go to the log")
	require.Equal(t, "Carnet", c.SMSFrom)

	for name, vars := range map[string]map[string]string{
		"SMS_URL":  {"SMS_URL": "sms.example.com/send", "SMS_KEY": "k"},
		"SMS_KEY":  {"SMS_URL": "https://sms.example.com/send"},
		"SMS_FROM": {"SMS_FROM": "Institut de beauté Léa"},
	} {
		_, err := load(vars)
		require.ErrorContains(t, err, name, "the message names the setting")
	}
	c, err = load(map[string]string{"SMS_URL": "https://sms.example.com/send", "SMS_KEY": "k", "SMS_FROM": "+33612345678"})
	require.NoError(t, err)
	require.Equal(t, "https://sms.example.com/send", c.SMSURL.String())
}
