# Monitor — the two commands a newcomer needs: `make demo` and `make test`.
SHELL := /bin/bash
RDKAFKA_PKG := infra/librdkafka/packages/librdkafka.redist.2.15.1.nupkg
RDKAFKA_CACHE := $(or $(NUGET_PACKAGES),$(HOME)/.nuget/packages)/librdkafka.redist/2.15.1/runtimes/linux-x64/native/librdkafka.so

.PHONY: setup build demo test test-kafka bench clean

# Debian packages, then librdkafka.redist (built from source only when missing), then restore.
setup:
	@infra/setup-apt.sh
	@if [ ! -f "$(RDKAFKA_PKG)" ] && [ ! -f "$(RDKAFKA_CACHE)" ]; then infra/librdkafka/build.sh; fi
	@dotnet restore Monitor.sln --nologo -v quiet

build: setup
	dotnet build Monitor.sln -c Release --no-restore --nologo -v quiet

demo: setup
	./monitor demo --once

test: build
	dotnet test Monitor.sln -c Release --no-build --nologo -v quiet --logger "console;verbosity=normal"

test-kafka: build
	dotnet test Monitor.sln -c Release --no-build --nologo --filter "Category=Kafka"

bench: setup
	./monitor bench pipeline

clean:
	rm -rf artifacts .data
	dotnet clean Monitor.sln --nologo -v quiet
