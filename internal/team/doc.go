// Package team owns the salon's staff members as the agenda sees them: who
// they are (optionally linked to a login), their colour, which services they
// perform, their weekly working hours and their absences.
package team
