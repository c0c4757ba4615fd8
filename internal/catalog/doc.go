// Package catalog owns what a salon sells: service categories, services
// (duration, price, buffer, online booking and payment rule, who performs
// them is the team's) and retail products.
package catalog
