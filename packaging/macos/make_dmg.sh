#!/usr/bin/env bash
# Pack dist/Writer.app (from `python packaging/build.py` on macOS) into dist/Writer-<version>.dmg.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(python -c "import writer; print(writer.__version__)")
staging=$(mktemp -d)
cp -R dist/Writer.app "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "Writer" -srcfolder "$staging" -ov -format UDZO "dist/Writer-${version}.dmg"
rm -rf "$staging"
echo "dist/Writer-${version}.dmg"
