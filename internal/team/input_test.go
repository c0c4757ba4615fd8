package team_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/team"
)

// Values that never went through a form (demo, tests) meet the same rules,
// reported under the input's own field names and each bad day's.
func TestMemberInputHoldsTypedValuesToTheSameRules(t *testing.T) {
	t.Parallel()
	e, ok := apperr.As(team.MemberInput{Name: " ", Color: team.Colors + 1, Days: availability.Week{
		time.Monday:    {availability.Hours(14, 10)},
		time.Wednesday: {availability.Hours(13, 19), availability.Hours(9, 14)},
		time.Saturday:  {{From: 20 * 60, To: 25 * 60}},
	}}.Check())
	require.True(t, ok)
	require.Equal(t, map[string]string{"Name": "field.required", "Color": "field.choose",
		"Days[1]": "hours.order", "Days[3]": "hours.overlap", "Days[6]": "hours.format"}, e.Fields)

	login := uuid.New()
	require.NoError(t, team.MemberInput{Name: "Léa", Color: team.Colors, UserID: &login, Services: []uuid.UUID{uuid.New()},
		Days: availability.Week{time.Tuesday: {availability.Hours(14, 19), availability.Hours(9, 12)}}}.Check(),
		"ranges in any order, a login and services are checked on saving")
	require.NoError(t, team.MemberInput{Name: "Léa", Color: 1}.Check(), "no hours: the salon's")
}
