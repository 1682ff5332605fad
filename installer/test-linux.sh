#!/usr/bin/env bash
# Builds the Linux app image (jpackage, with a jlink-trimmed runtime) and checks that it works:
# its launcher prints the version and the engine and exits 0, it holds only Linux x86-64 natives
# (and of ND4J's only the oneDNN build), and a one-second engine benchmark runs through it.
# Needs Maven and a JDK 17+ with jpackage; not the .deb tools. CI runs it after the tests.
#   bash installer/test-linux.sh
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
mvn -Pinstaller package -DskipTests -Dinstaller.appImageOnly
image=target/installer/SinGAN-Seg-Studio
launcher=$image/bin/SinGAN-Seg-Studio
echo "App image built in $((SECONDS - started)) s: $(du -sh "$image" | cut -f1)"

fail() {
  echo "test-linux.sh: $*" >&2
  exit 1
}

version=$("$launcher" --version) || fail "the launcher's --version exited with $?"
echo "$version"
grep -q '^SinGAN-Seg Studio [0-9]' <<<"$version" || fail "--version does not name the app's version"
grep -q '^Engine: CPU (oneDNN), [0-9]* thread' <<<"$version" || fail "--version does not report the oneDNN CPU engine"

jars=$(ls "$image/lib/app")
other_platforms=$(grep -E -- '-(windows|macosx|android|ios|linux-(arm|ppc))' <<<"$jars" || true)
[ -z "$other_platforms" ] || fail "natives of other platforms in the image: $other_platforms"
nd4j_natives=$(grep -E -- '^nd4j-native-[0-9].*-linux-x86_64' <<<"$jars" || true)
[[ "$nd4j_natives" == *-linux-x86_64-onednn.jar && $(wc -l <<<"$nd4j_natives") -eq 1 ]] \
  || fail "expected ND4J's oneDNN natives only, found: $nd4j_natives"

# Started without the OpenMP variables, the launcher starts itself again with them (PassiveOpenMp).
bench=$(env -u OMP_WAIT_POLICY -u GOMP_SPINCOUNT "$launcher" bench --sizes 25x19 --widths 32 --seconds 1) \
  || fail "bench through the launcher exited with $?"
echo "$bench"
grep -q '^OpenMP waiting: OMP_WAIT_POLICY=passive GOMP_SPINCOUNT=1000$' <<<"$bench" \
  || fail "the launcher did not set the OpenMP waiting variables"
echo "test-linux.sh: the app image works ($((SECONDS - started)) s in all)"
