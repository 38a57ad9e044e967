#!/usr/bin/env bash
# Installs CaseAtlas the two ways a user does and checks the result:
#  1. `cmake --install` into a fresh prefix: the desktop file and AppStream metainfo validate.
#  2. (as root) the .deb from CPack installed with apt-get: the installed `caseatlas --version`
#     and `caseatlas info` work, and the installed MIME database maps *.caseatlas to CaseAtlas.
#     The package is removed again afterwards.
# Usage: test_package.sh BUILD_DIR
set -euo pipefail
build="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
checks=0
ok() { echo "ok: $*"; checks=$((checks + 1)); }

prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
id=org.caseatlas.CaseAtlas
for f in bin/caseatlas share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
         share/mime/packages/$id.xml share/icons/hicolor/scalable/apps/$id.svg; do
  test -f "$prefix/$f" || { echo "missing after cmake --install: $f"; exit 1; }
done
ok "cmake --install into $prefix"
desktop-file-validate "$prefix/share/applications/$id.desktop"
ok "desktop-file-validate"
appstreamcli validate --no-net "$prefix/share/metainfo/$id.metainfo.xml"
ok "appstreamcli validate"
"$prefix/bin/caseatlas" --version | grep -q "CaseAtlas"
ok "the installed binary runs from its prefix"

if [ "$(id -u)" -ne 0 ]; then
  echo "skipped: installing the .deb needs root ($checks checks passed)"
  exit 77
fi
if dpkg-query -W -f='${Status}' caseatlas 2>/dev/null | grep -q "install ok installed"; then
  echo "a caseatlas package is already installed; not touching it ($checks checks passed)"
  exit 77
fi
(cd "$build" && cpack -G DEB -B "$work/deb" >/dev/null)
deb="$(ls "$work"/deb/caseatlas_*.deb)"
ok "cpack built $(basename "$deb")"
trap 'DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq caseatlas >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
ok "apt-get install ./$(basename "$deb")"
version="$(/usr/bin/caseatlas --version)"
echo "$version" | grep -q "CaseAtlas"
ok "installed caseatlas --version: $version"
/usr/bin/caseatlas sample "$work/sample.caseatlas" >/dev/null
/usr/bin/caseatlas info "$work/sample.caseatlas" | grep -q "Integrity:  ok"
ok "installed caseatlas info on the sample case"
type="$(xdg-mime query filetype "$work/sample.caseatlas")"
[ "$type" = "application/x-caseatlas" ] || { echo "xdg-mime says $type"; exit 1; }
ok "xdg-mime query filetype: $type"
app="$(xdg-mime query default application/x-caseatlas)"
[ "$app" = "$id.desktop" ] || { echo "xdg-mime default is '$app'"; exit 1; }
ok "a double-click opens $app"
desktop-file-validate "/usr/share/applications/$id.desktop"
appstreamcli validate --no-net "/usr/share/metainfo/$id.metainfo.xml" >/dev/null
ok "the installed desktop file and metainfo validate"
echo "packaging: $checks checks passed"
