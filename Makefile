# Builds and release artifacts. Every binary, the image (Dockerfile) and the
# Debian package are stamped through LDFLAGS below, the one place that says
# how; `digitalocean_exporter --version` and the metric
# digitalocean_exporter_build_info show the stamps.
#
#   make build       ./digitalocean_exporter for this machine
#   make release     dist/: static binaries for linux and darwin on amd64 and
#                    arm64 (tarballs), the .deb for linux/amd64 and arm64, and
#                    sha256sums.txt
#   make deb         dist/*.deb for ARCH (amd64, arm64; default: this machine's)
#   make docker      the image, IMAGE, with the same stamps as build arguments
#   make print-ldflags
#
# Override any stamp: make build VERSION=1.2.3 REVISION=abc123 ...
# Nothing here needs a git remote, or git at all (then REVISION=unknown).

GO          ?= go
BINARY      ?= digitalocean_exporter
DIST        ?= dist
NFPM        ?= $(GO) run github.com/goreleaser/nfpm/v2/cmd/nfpm@v2.45.2
PLATFORMS   ?= linux/amd64 linux/arm64 darwin/amd64 darwin/arm64
DEB_ARCHES  ?= amd64 arm64
ARCH        ?= $(shell $(GO) env GOARCH)

# A stamp given on the command line or in the environment wins; one empty
# or not given is found out here.
VERSION     := $(or $(VERSION),$(shell cat VERSION))
REVISION    := $(or $(REVISION),$(shell git rev-parse HEAD 2>/dev/null),unknown)
BRANCH      := $(or $(BRANCH),$(shell git rev-parse --abbrev-ref HEAD 2>/dev/null),unknown)
BUILD_USER  := $(or $(BUILD_USER),$(shell whoami)@$(shell hostname))
# The commit's time, so that two builds of one commit are the same; the
# present time without git. Prometheus' format: 20060102-15:04:05.
SOURCE_DATE_EPOCH := $(or $(SOURCE_DATE_EPOCH),$(shell git log -1 --format=%ct 2>/dev/null),$(shell date +%s))
BUILD_DATE  := $(or $(BUILD_DATE),$(shell date -u -d @$(SOURCE_DATE_EPOCH) +%Y%m%d-%H:%M:%S 2>/dev/null || date -u -r $(SOURCE_DATE_EPOCH) +%Y%m%d-%H:%M:%S))
export SOURCE_DATE_EPOCH

VERSION_PKG := github.com/prometheus/common/version
LDFLAGS     := -s -w \
	-X $(VERSION_PKG).Version=$(VERSION) \
	-X $(VERSION_PKG).Revision=$(REVISION) \
	-X $(VERSION_PKG).Branch=$(BRANCH) \
	-X $(VERSION_PKG).BuildUser=$(BUILD_USER) \
	-X $(VERSION_PKG).BuildDate=$(BUILD_DATE)
GOBUILD     := CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)'
STAMPS      := VERSION REVISION BRANCH BUILD_USER BUILD_DATE
IMAGE       ?= digitalocean_exporter:$(VERSION)

.PHONY: build release binaries deb docker checksums print-ldflags clean

build:
	$(GOBUILD) -o $(BINARY) .

print-ldflags:
	@echo '$(LDFLAGS)'

release: clean binaries
	$(foreach arch,$(DEB_ARCHES),$(MAKE) --no-print-directory deb ARCH=$(arch) &&) true
	$(MAKE) --no-print-directory checksums

# One tarball per platform, as Prometheus' exporters ship:
# digitalocean_exporter-VERSION.OS-ARCH/{digitalocean_exporter,LICENSE,README.md,
# CHANGELOG.md,docs/}: the README's links lead into docs/.
binaries:
	@set -e; for platform in $(PLATFORMS); do \
	  os=$${platform%/*}; arch=$${platform#*/}; \
	  dir=$(BINARY)-$(VERSION).$$os-$$arch; \
	  mkdir -p $(DIST)/$$dir; \
	  echo "build $$dir"; \
	  GOOS=$$os GOARCH=$$arch $(GOBUILD) -o $(DIST)/$$dir/$(BINARY) .; \
	  cp -R LICENSE README.md CHANGELOG.md docs $(DIST)/$$dir/; \
	  tar --sort=name --mtime=@$(SOURCE_DATE_EPOCH) --owner=0 --group=0 --numeric-owner \
	    -C $(DIST) -cf - $$dir | gzip -n > $(DIST)/$$dir.tar.gz; \
	done

# The Debian package of the linux/ARCH binary (packaging/nfpm.yaml). nfpm
# itself runs on this machine: GOOS and GOARCH are unset for it.
DEB_BINARY = $(DIST)/$(BINARY)-$(VERSION).linux-$(ARCH)/$(BINARY)
deb:
	@mkdir -p $(dir $(DEB_BINARY))
	GOOS=linux GOARCH=$(ARCH) $(GOBUILD) -o $(DEB_BINARY) .
	env -u GOOS -u GOARCH DEB_ARCH=$(ARCH) VERSION=$(VERSION) BINARY=$(DEB_BINARY) \
	  $(NFPM) package --config packaging/nfpm.yaml --packager deb --target $(DIST)/

# The Dockerfile runs `make build`; its build arguments are the stamps.
docker:
	docker build $(foreach stamp,$(STAMPS),--build-arg $(stamp)=$($(stamp))) -t $(IMAGE) .

checksums:
	cd $(DIST) && sha256sum *.tar.gz *.deb > sha256sums.txt

clean:
	rm -rf $(DIST)
