#!/usr/bin/env bash
# Builds librdkafka 2.15.1 from source and packs it as the NuGet package librdkafka.redist 2.15.1
# into infra/librdkafka/packages (a source listed in nuget.config). Confluent.Kafka 2.15.1 needs that
# package and the registry here lacks it. The source comes from the npm package
# @confluentinc/kafka-javascript@1.10.1, which vendors librdkafka 2.15.1 in package/deps/librdkafka.
# Skips all work when the package is already in the local folder or in the NuGet cache.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/packages"
version=2.15.1
nupkg="$out/librdkafka.redist.$version.nupkg"
cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}/librdkafka.redist/$version"

so="$cache/runtimes/linux-x64/native/librdkafka.so"
# A package built before zstd was added (libzstd-dev) is rebuilt once; its features are listed in the library itself.
if [ -f "$so" ] && ! grep -aq ' ZSTD ' "$so"; then
  echo "librdkafka: the cached $version lacks zstd; rebuilding"
  rm -rf "$cache" "$nupkg"
fi
if [ -f "$nupkg" ] || [ -f "$so" ]; then
  exit 0
fi

"$here/../setup-apt.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "librdkafka: building $version from source (about a minute)"
(cd "$work" && npm pack --silent @confluentinc/kafka-javascript@1.10.1 >/dev/null && tar xzf confluentinc-kafka-javascript-1.10.1.tgz)
src="$work/package/deps/librdkafka"
(cd "$src" && ./configure --disable-sasl --disable-curl >"$work/configure.log" 2>&1 \
  && make -j"$(nproc)" libs >"$work/make.log" 2>&1) || { tail -30 "$work"/*.log; exit 1; }
mkdir -p "$work/pack/native"
strip --strip-unneeded -o "$work/pack/native/librdkafka.so" "$src/src/librdkafka.so.1"
cp "$here/librdkafka.redist.csproj" "$work/pack/"
mkdir -p "$out"
dotnet pack "$work/pack/librdkafka.redist.csproj" -c Release -o "$out" --nologo -v quiet -p:NativeDir="$work/pack/native"
echo "librdkafka: packed $nupkg"
