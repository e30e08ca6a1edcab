# Monitor — the two commands a newcomer needs: `make demo` and `make test`.
SHELL := /bin/bash

.PHONY: setup build demo test test-fast test-kafka bench clean

# Debian packages, the dashboards' npm parts (pinned by package-lock.json, copied into wwwroot/lib, never committed),
# then restore (librdkafka comes from the registry's librdkafka.redist).
WEB := dashboards/Monitor.Dashboards
setup:
	@infra/setup-apt.sh
	@[ $(WEB)/wwwroot/lib/echarts.min.js -nt $(WEB)/package-lock.json ] || { (cd $(WEB) && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) \
	  && mkdir -p $(WEB)/wwwroot/lib && cp $(WEB)/node_modules/echarts/dist/echarts.min.js $(WEB)/wwwroot/lib/; }
	@dotnet restore Monitor.sln --nologo -v quiet

build: setup
	dotnet build Monitor.sln -c Release --no-restore --nologo -v quiet

demo: setup
	./monitor demo --once

# Ends with one summary line, "N passed, N failed, N skipped", summed over the test projects' result files, one
# folder per project (the console output of projects running side by side interleaves, so counting its lines can
# miss a project, and result files of one shared folder are named by the second and overwrite each other).
test: build
	@mkdir -p artifacts; rm -rf tests/*/TestResults
	@set -o pipefail; dotnet test Monitor.sln -c Release --no-build --nologo -v quiet --logger "console;verbosity=normal" \
	  --logger trx 2>&1 | tee artifacts/test-output.log; status=$$?; \
	  cat tests/*/TestResults/*.trx | grep -o '<Counters [^>]*' | awk -F'"' \
	    '{for(i=1;i<NF;i+=2){k=$$i; gsub(/[ =]/,"",k); gsub(/<Counters/,"",k); v[k]+=$$(i+1)}} \
	     END{printf "tests: %d passed, %d failed, %d skipped\n", v["passed"], v["failed"]+v["error"]+v["timeout"]+v["aborted"], v["total"]-v["executed"]}'; \
	  exit $$status

# The quick loop while editing: no browser, no spawned monitor processes, no Kafka mock cluster, no ../shared corpus.
test-fast: build
	dotnet test Monitor.sln -c Release --no-build --nologo \
	  --filter "Category!=Browser&Category!=Process&Category!=Kafka&Category!=Corpus"

test-kafka: build
	dotnet test Monitor.sln -c Release --no-build --nologo --filter "Category=Kafka"

bench: setup
	./monitor bench pipeline

clean:
	rm -rf artifacts .data
	dotnet clean Monitor.sln --nologo -v quiet
