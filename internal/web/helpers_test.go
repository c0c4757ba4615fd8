package web_test

import "github.com/carnet-salon/carnet/internal/store"

type storeTx = store.Tx
