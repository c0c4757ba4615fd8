package cheque_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/till/cheque"
)

// The form lists the documents the issue accepts, each named in both languages.
func TestTheFormListsTheAcceptedIdentityDocuments(t *testing.T) {
	t.Parallel()
	var fr []string
	for _, id := range cheque.IDTypes {
		require.True(t, i18n.Has(cheque.IDTypeKey(id)), id)
		require.NotEqual(t, cheque.IDTypeKey(id), i18n.Tr(i18n.EN, cheque.IDTypeKey(id)), id)
		fr = append(fr, i18n.Tr(i18n.FR, cheque.IDTypeKey(id)))
	}
	require.Equal(t, []string{"Carte d'identité", "Titre de séjour", "Carte de résident", "Passeport", "Permis de conduire"}, fr)
}
