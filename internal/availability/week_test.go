package availability

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestWorkingHoursAreTheStaffsWithinTheSalons(t *testing.T) {
	var salon, staff Week
	salon[time.Tuesday] = []Range{{540, 720}, {780, 1140}} // 09:00–12:00, 13:00–19:00
	require.Equal(t, salon, Working(salon, staff), "no hours of their own: the salon's")

	staff[time.Monday] = []Range{{540, 1140}}
	require.True(t, Working(salon, staff).Empty(), "works Mondays, the salon opens Tuesdays")

	staff[time.Tuesday] = []Range{{600, 840}} // 10:00–14:00
	w := Working(salon, staff)
	require.Equal(t, []Range{{600, 720}, {780, 840}}, w[time.Tuesday])
	require.Equal(t, 180, w.Minutes(time.Tuesday))
	require.Equal(t, 2*time.Hour, w.Longest(), "a visit of more than two hours never fits")
}
