#!/usr/bin/env bash
# `make check-install`: `make install` into a temporary PREFIX (and once more under a DESTDIR),
# checks each file, runs the installed binary and its bash completion, then `make uninstall`.
# INSTALL_CONFIG=debug (the default here) installs the debug build, to spare CI the release
# build's minutes; INSTALL_CONFIG=release checks what users install.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
config=${INSTALL_CONFIG:-debug}
work=$(mktemp -d "${TMPDIR:-/tmp}/partnergraph-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "check-install: $*" >&2; exit 1; }

prefix="$work/prefix"
make -C "$root" --no-print-directory install PREFIX="$prefix" INSTALL_CONFIG="$config" >"$work/install.log" 2>&1 \
  || { tail -n 30 "$work/install.log" >&2; fail "make install PREFIX=$prefix failed (above)"; }

files=(bin/partnergraph bin/partnergraph-serve bin/partnergraph-postgres share/bash-completion/completions/partnergraph share/zsh/site-functions/_partnergraph
  share/fish/vendor_completions.d/partnergraph.fish share/man/man1/partnergraph.1)
for file in "${files[@]}"; do
  [ -s "$prefix/$file" ] || fail "make install did not write $prefix/$file"
done
[ -x "$prefix/bin/partnergraph" ] || fail "$prefix/bin/partnergraph is not executable"

# The binary runs from where it is installed.
version=$(cd "$work" && "$prefix/bin/partnergraph" --version) || fail "$prefix/bin/partnergraph --version failed"
[ "$version" = "0.1.0" ] || fail "$prefix/bin/partnergraph --version printed \"$version\", expected 0.1.0"

# Each script is for its shell and the right command; the page is a section-1 page that names every subcommand.
grep -q "complete -o filenames -F _partnergraph partnergraph" "$prefix/share/bash-completion/completions/partnergraph" \
  || fail "the bash completion script does not complete partnergraph"
bash -n "$prefix/share/bash-completion/completions/partnergraph" || fail "the bash completion script is not valid bash"
head -n 1 "$prefix/share/zsh/site-functions/_partnergraph" | grep -q "^#compdef partnergraph" \
  || fail "the zsh completion script does not start with #compdef partnergraph"
grep -q "complete -c 'partnergraph'" "$prefix/share/fish/vendor_completions.d/partnergraph.fish" \
  || fail "the fish completion script does not complete partnergraph"
if command -v zsh >/dev/null; then zsh -n "$prefix/share/zsh/site-functions/_partnergraph" || fail "the zsh script is not valid zsh"; fi
if command -v fish >/dev/null; then fish -n "$prefix/share/fish/vendor_completions.d/partnergraph.fish" || fail "the fish script is not valid fish"; fi
grep -q "^\.Dt PARTNERGRAPH 1" "$prefix/share/man/man1/partnergraph.1" || fail "the man page is not partnergraph(1)"
for subcommand in init example add link unlink update remove show list vocab source export import ingest review \
  neighbors path common timeline search stats render; do
  grep -q "^\.It Em $subcommand\$" "$prefix/share/man/man1/partnergraph.1" || fail "the man page does not describe $subcommand"
done
if command -v man >/dev/null; then
  MANWIDTH=80 man -l "$prefix/share/man/man1/partnergraph.1" 2>/dev/null | grep -q "partnergraph" || fail "man cannot read the page"
fi

# The installed completion, found on the PATH as a user's shell would, completes the top-level --version.
offered=$(PATH="$prefix/bin:$PATH" bash -c '
  source "$1"
  COMP_WORDS=(partnergraph --ver); COMP_CWORD=1; COMP_LINE="partnergraph --ver"; COMP_POINT=${#COMP_LINE}
  _partnergraph partnergraph --ver partnergraph
  printf "%s\n" "${COMPREPLY[@]}"' bash "$prefix/share/bash-completion/completions/partnergraph")
[ "$offered" = "--version" ] || fail "the installed bash completion offered \"$offered\" for --ver"

make -C "$root" --no-print-directory uninstall PREFIX="$prefix" >/dev/null
for file in "${files[@]}"; do
  [ ! -e "$prefix/$file" ] || fail "make uninstall left $prefix/$file"
done

# DESTDIR, for packagers: the files land under DESTDIR/PREFIX.
make -C "$root" --no-print-directory install PREFIX=/usr DESTDIR="$work/stage" INSTALL_CONFIG="$config" >"$work/install.log" 2>&1 \
  || { tail -n 30 "$work/install.log" >&2; fail "make install DESTDIR=… PREFIX=/usr failed (above)"; }
for file in "${files[@]}"; do
  [ -s "$work/stage/usr/$file" ] || fail "make install DESTDIR=$work/stage PREFIX=/usr did not write $work/stage/usr/$file"
done
echo "check-install: ok (the $config build, its completions and man page installed, run and uninstalled)"
