// Package session keeps signed-in sessions in Redis: the staff's back-office
// sessions and the clients' portal sessions are one store, parameterised by
// key prefix, idle and maximum age, and payload type.
package session
