// Package customer owns the salon's clients (the fiche client). It is named
// customer because "client" clashes with stripe-go and every HTTP variable.
package customer
