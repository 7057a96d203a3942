# Build a static binary, then run it as a non-root user in a minimal image
# that holds only CA certificates (needed for https://api.digitalocean.com).
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
ARG REVISION=unknown
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags "-s -w \
        -X github.com/prometheus/common/version.Version=${VERSION} \
        -X github.com/prometheus/common/version.Revision=${REVISION}" \
      -o /out/digitalocean_exporter .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/digitalocean_exporter /bin/digitalocean_exporter
USER 65532:65532
EXPOSE 9212
ENTRYPOINT ["/bin/digitalocean_exporter"]
