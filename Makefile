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

# Ends with one summary line, "N passed, N failed, N skipped", summed over the test projects.
test: build
	@mkdir -p artifacts
	@set -o pipefail; dotnet test Monitor.sln -c Release --no-build --nologo -v quiet --logger "console;verbosity=normal" 2>&1 \
	  | tee artifacts/test-output.log; status=$$?; \
	  awk '/^ +Passed: +[0-9]+$$/{p+=$$2} /^ +Failed: +[0-9]+$$/{f+=$$2} /^ +Skipped: +[0-9]+$$/{s+=$$2} \
	       END{printf "tests: %d passed, %d failed, %d skipped\n", p, f, s}' artifacts/test-output.log; exit $$status

test-kafka: build
	dotnet test Monitor.sln -c Release --no-build --nologo --filter "Category=Kafka"

bench: setup
	./monitor bench pipeline

clean:
	rm -rf artifacts .data
	dotnet clean Monitor.sln --nologo -v quiet
