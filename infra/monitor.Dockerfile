# The monitor executable for infra/compose.yaml. Publish first (from the repository root):
#   dotnet publish pipeline/Monitor.Host -c Release -r linux-x64 --self-contained -o artifacts/monitor-linux-x64
# then: docker build -f infra/monitor.Dockerfile -t monitor:local .
FROM debian:trixie-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates libssl3 zlib1g libzstd1 libicu76 \
    && rm -rf /var/lib/apt/lists/*
COPY artifacts/monitor-linux-x64/ /opt/monitor/
WORKDIR /opt/monitor
ENTRYPOINT ["/opt/monitor/monitor"]
