package seed_test

import (
	"testing"

	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestMain(m *testing.M) { testkit.Main(m) }
