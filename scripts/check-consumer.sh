#!/usr/bin/env bash
# `make check-consumer`: builds and runs a package that depends on PartnerGraph as other packages
# do, `.package(url: …, from: "0.1.0")`, against a tagged clone of this working tree.
#
# SwiftPM treats a `file://` URL as a remote, versioned package, and refuses any remote package
# whose library product has a target with unsafe build flags (`unsafeFlags`): so this fails if
# one comes back. The clone holds the working tree as it is (tracked files and new ones that git
# does not ignore), committed and tagged 0.1.0 in a temporary folder.
set -euo pipefail
SWIFT=${SWIFT:-swift}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/partnergraph-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The clone: the working tree's files, one commit, tag 0.1.0.
mkdir "$work/PartnerGraph"
(cd "$root" && git ls-files -z --cached --others --exclude-standard) |
  (cd "$root" && xargs -0 -r sh -c 'for f do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) |
  (cd "$root" && tar --null -T - -cf -) | tar -xf - -C "$work/PartnerGraph"
git -C "$work/PartnerGraph" init -q
git -C "$work/PartnerGraph" add -A
git -C "$work/PartnerGraph" -c user.name=check-consumer -c user.email=check-consumer@localhost \
  commit -q -m "PartnerGraph as a consumer sees it"
git -C "$work/PartnerGraph" tag 0.1.0

# The consumer: a package that names the clone by URL and version.
mkdir -p "$work/Consumer"
cp -R "$root/scripts/consumer/Sources" "$work/Consumer/"
sed "s|@PARTNERGRAPH_URL@|file://$work/PartnerGraph|" "$root/scripts/consumer/Package.swift.template" \
  >"$work/Consumer/Package.swift"

echo "check-consumer: building a package that depends on PartnerGraph from: \"0.1.0\" (file://$work/PartnerGraph)"
# Its own cache folder: each run's clone has a new URL, which SwiftPM's shared cache would keep.
if ! "$SWIFT" build --package-path "$work/Consumer" --cache-path "$work/cache" >"$work/build.log" 2>&1; then
  grep -E "error|warning: .*unsafe" "$work/build.log" | sed 's/^/  /' >&2 || tail -n 30 "$work/build.log" >&2
  echo "check-consumer: the consumer package does not build against PartnerGraph (above)" >&2
  exit 1
fi
"$work/Consumer/.build/debug/PartnerGraphConsumer" || {
  echo "check-consumer: the consumer package built but did not run as expected" >&2; exit 1; }
echo "check-consumer: ok"
