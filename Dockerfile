# Build a static binary with the Makefile (the one place that says how a
# build is stamped), then run it as a non-root user in a minimal image that
# holds only CA certificates (needed for https://api.digitalocean.com).
#
#   make docker      passes the stamps below from the checkout, or by hand:
#   docker build --build-arg VERSION=1.2.3 --build-arg REVISION=$(git rev-parse HEAD) \
#     --build-arg BRANCH=main --build-arg BUILD_DATE=$(date -u +%Y%m%d-%H:%M:%S) .
# A stamp not given is the Makefile's default: VERSION from the VERSION file,
# REVISION and BRANCH unknown (.git stays out of the image), the date now.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# The stamps reach make as environment variables.
ARG VERSION
ARG REVISION
ARG BRANCH
ARG BUILD_USER
ARG BUILD_DATE
RUN make build BINARY=/out/digitalocean_exporter

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/digitalocean_exporter /bin/digitalocean_exporter
USER 65532:65532
EXPOSE 9212
ENTRYPOINT ["/bin/digitalocean_exporter"]
