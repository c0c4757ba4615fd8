# Carnet: one static binary in a small, non-root image.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Generated code (sqlc, templ) is committed, so the build needs no tools.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/carnet ./cmd/carnet

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/carnet /carnet
USER nonroot:nonroot
EXPOSE 8080
ENV PORT=8080
HEALTHCHECK NONE
ENTRYPOINT ["/carnet"]
CMD ["serve"]
