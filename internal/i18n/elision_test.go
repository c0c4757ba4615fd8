package i18n

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestFrenchElidesBeforeAVowel(t *testing.T) {
	require.Equal(t, "Message d'Institut Démo", Elide("Message de Institut Démo", "Institut Démo"))
	require.Equal(t, "Message de Beauté Zen", Elide("Message de Beauté Zen", "Beauté Zen"))
	require.Equal(t, "Effacer les données d'Émilie Roux", Tr(FR, "clientdata.erase.title", "Émilie Roux"))
	require.Equal(t, "Effacer les données de Léa Roux", Tr(FR, "clientdata.erase.title", "Léa Roux"))
	require.Equal(t, "Code Institut", Elide("Code Institut", "Institut"), "only the word « de »")
	require.Equal(t, "Erase Émilie Roux's data", Tr(EN, "clientdata.erase.title", "Émilie Roux"), "English has no elision")
}
