package payment

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
)

func TestDueNowFollowsTheRule(t *testing.T) {
	require.Equal(t, int64(0), Rule{Mode: ModeNone}.Due(4550))
	require.Equal(t, int64(0), Rule{Mode: ModeCardImprint}.Due(4550), "an imprint charges nothing now")
	require.Equal(t, int64(4550), Rule{Mode: ModePrepayment}.Due(4550))
	require.Equal(t, int64(1365), Rule{Mode: ModeDeposit, DepositKind: DepositPercent, DepositValue: 30}.Due(4550))
	require.Equal(t, int64(2000), Rule{Mode: ModeDeposit, DepositKind: DepositFixed, DepositValue: 2000}.Due(4550))
	require.Equal(t, int64(1500), Rule{Mode: ModeDeposit, DepositKind: DepositFixed, DepositValue: 2000}.Due(1500),
		"a fixed deposit never exceeds the price")
}

func TestRuleChecks(t *testing.T) {
	f := apperr.Fields{}
	Rule{Mode: ModeDeposit, DepositKind: DepositPercent, DepositValue: 150}.Check(f, "mode", "value")
	require.Equal(t, "payment.deposit.percent", f["value"])
	f = apperr.Fields{}
	Rule{Mode: "cash"}.Check(f, "mode", "value")
	require.Equal(t, "field.choose", f["mode"])
}

func TestTheClientsModeThenCategoryThenServiceThenSalonApplies(t *testing.T) {
	salon := Rule{Mode: ModeDeposit, DepositKind: DepositPercent, DepositValue: 30}
	service := &Rule{Mode: ModeCardImprint}
	require.Equal(t, ModeCardImprint, Resolve("", "", service, salon).Mode, "the service's rule beats the salon's")
	require.Equal(t, salon, Resolve("default", "default", nil, salon), "nothing set: the salon's default")
	require.Equal(t, ModePrepayment, Resolve("", ModePrepayment, service, salon).Mode, "the category beats the service")
	require.Equal(t, ModeCardImprint, Resolve(ModeCardImprint, ModePrepayment, &Rule{Mode: ModeNone}, salon).Mode,
		"the client's own mode beats everything")
	dep := Resolve(ModeDeposit, "", &Rule{Mode: ModeDeposit, DepositKind: DepositFixed, DepositValue: 1500}, salon)
	require.Equal(t, Rule{Mode: ModeDeposit, DepositKind: DepositFixed, DepositValue: 1500}, dep, "the service's deposit amount")
	dep = Resolve(ModeDeposit, "", service, salon)
	require.Equal(t, Rule{Mode: ModeDeposit, DepositKind: DepositPercent, DepositValue: 30}, dep, "else the salon's deposit amount")
}
