#!/bin/sh
# Builds libcsv from Debian's source package, instrumented for libFuzzer and
# AddressSanitizer, as OUT/libcsv.a, so that the fuzz build's `-lcsv` finds it
# before the system's uninstrumented library (`make fuzz` passes -L OUT first).
#
# The source is the same version as the installed libcsv-dev, fetched with
# apt-get source through a private apt configuration (deb-src lines are not
# enabled on the machine, and this leaves the machine's own apt setup alone).
# libcsv is LGPL-2.1+: it is fetched at build time, never committed.
#
# When the source cannot be had (no network, not Debian), the script says so
# and exits 1: the fuzz build then links the system libcsv, and coverage stops
# at libcsv's boundary (its code runs, but the fuzzer neither sees its branches
# nor checks its memory accesses).
#
# usage: Scripts/build-fuzz-libcsv.sh OUT
set -eu

out=${1:?usage: $0 OUT}
cc=${CC_FUZZ:-$(dirname "$(command -v swiftc)")/clang}
# The archive that served the installed libcsv-dev, as apt itself knows it.
mirror=${DEBIAN_MIRROR:-$(apt-cache policy libcsv-dev 2>/dev/null | awk '$1 ~ /^[0-9]+$/ && $2 ~ /^https?:/ {print $2; exit}')}
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [ -f "$out/libcsv.a" ]; then
    exit 0
fi

version=$(dpkg-query -W -f='${source:Version}' libcsv-dev 2>/dev/null) || version=""
codename=$( . /etc/os-release && echo "${VERSION_CODENAME:-}")
if [ -z "$version" ] || [ -z "$codename" ] || [ -z "$mirror" ] || [ "$( . /etc/os-release && echo "$ID")" != debian ]; then
    echo "build-fuzz-libcsv: libcsv-dev is not installed from a Debian archive; cannot fetch libcsv's source" >&2
    exit 1
fi

apt_dir="$out/apt"
rm -rf "$apt_dir" && mkdir -p "$apt_dir/lists/partial" "$apt_dir/source"
echo "deb-src $mirror $codename main" >"$apt_dir/sources.list"
apt_private() {
    apt-get -qq -o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null \
        -o Dir::State::Lists="$apt_dir/lists" -o Debug::NoLocking=1 "$@"
}
if ! apt_private update >"$apt_dir/log" 2>&1 ||
    ! (cd "$apt_dir/source" && apt_private source --download-only "libcsv=$version") >>"$apt_dir/log" 2>&1; then
    cat "$apt_dir/log" >&2
    echo "build-fuzz-libcsv: cannot fetch libcsv $version's source from $mirror" >&2
    exit 1
fi

# apt-get has checked the tarball against the signed Sources index. Debian's
# patches to this version change comments and documentation only, so the
# upstream tarball is compiled as it is.
src="$apt_dir/source/libcsv"
mkdir -p "$src"
tar -xzf "$apt_dir"/source/libcsv_*.orig.tar.gz -C "$src" --strip-components=1
"$cc" -fsanitize=fuzzer-no-link,address -g -O1 -fPIC -c "$src/libcsv.c" -I "$src" -o "$out/libcsv.o"
ar rcs "$out/libcsv.a.partial" "$out/libcsv.o"
mv "$out/libcsv.a.partial" "$out/libcsv.a"
echo "build-fuzz-libcsv: libcsv $version instrumented: $out/libcsv.a"
