#!/usr/bin/env bash
# Regenerates test/fixtures/producers/: the same small ledger (ledger.json) written by every producer we can
# run here, plus each file's expected values from LibreOffice (expected.py). Needs Debian bookworm packages
# python3-openpyxl python3-xlsxwriter python3-pandas libreoffice-calc-nogui gnumeric, and node_modules.
# Usage: bash scripts/corpus/make-producers.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/test/fixtures/producers"
py=/usr/bin/python3   # Debian's python, which has the python3-* packages
profile="-env:UserInstallation=file:///tmp/corpus-lo-profile"
mkdir -p "$out"
rm -f "$out"/*.xlsx "$out"/*.expected.json
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cd "$here"
"$py" make-openpyxl.py "$out"
"$py" make-xlsxwriter.py "$out"
"$py" make-pandas.py "$out"
node make-exceljs.cjs "$out"

# LibreOffice Calc: opens the openpyxl file (recalculating its formulas, which have no cached value) and saves
# it as Office Open XML; and the same content via .ods, as if a user had kept the ledger in Calc's own format.
soffice "$profile" --headless --convert-to 'xlsx:Calc Office Open XML' --outdir "$tmp/lo" "$out/openpyxl.xlsx" >/dev/null
mv "$tmp/lo/openpyxl.xlsx" "$out/libreoffice.xlsx"
soffice "$profile" --headless --convert-to ods --outdir "$tmp/ods" "$out/openpyxl.xlsx" >/dev/null
soffice "$profile" --headless --convert-to 'xlsx:Calc Office Open XML' --outdir "$tmp/lo2" "$tmp/ods/openpyxl.ods" >/dev/null
mv "$tmp/lo2/openpyxl.xlsx" "$out/libreoffice-from-ods.xlsx"

# Gnumeric's ssconvert (Gnumeric_Excel:xlsx2 exporter).
if command -v ssconvert >/dev/null; then
  ssconvert --export-type=Gnumeric_Excel:xlsx2 "$out/openpyxl.xlsx" "$out/gnumeric.xlsx" 2>/dev/null
fi

cd "$out"
"$py" "$here/expected.py" *.xlsx
ls -l "$out"
