# The two commands a newcomer needs are `make run` and `make test`
# (README.md). The rest is for people changing the code.

.PHONY: run test services generate lint

# Run Carnet with a demo salon: creates the database, migrates, seeds, serves.
run:
	go run ./cmd/carnet serve --demo

# Run every test (real Postgres, Redis, SMTP sink, stripe-mock, headless Chromium).
test: services
	go test -race -count=1 -timeout 20m ./...

# Start PostgreSQL and Redis, install Chromium, when missing.
services:
	@bash .ci/services

# Regenerate sqlc and templ output after changing queries/ or views/.
generate:
	go tool sqlc generate
	go tool templ generate -path views

lint:
	go vet ./...
	gofmt -l cmd internal schema static views
	go tool staticcheck ./...
	go tool sqlc vet
	go mod tidy -diff
