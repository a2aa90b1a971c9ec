#!/usr/bin/env bash
# Renders a result workbook to PDF and PNG pages, to look at the print layout of the generated sheets
# (A4, orientation, fit to width, repeated header rows). An inspection tool, not part of CI.
#
#   scripts/render-summary.sh <result.xlsx> <outdir>      (npm run render -- <result.xlsx> <outdir>)
#
# Needs LibreOffice and poppler:  apt-get install -y libreoffice-calc poppler-utils fonts-noto-cjk
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "用法 / Usage: $0 <result.xlsx> <outdir>" >&2
  exit 2
fi
input=$1
outdir=$2
if [[ ! -f $input ]]; then
  echo "错误：找不到文件：$input / Error: file not found: $input" >&2
  exit 2
fi
for tool in soffice pdftoppm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "错误：未安装 $tool（apt-get install -y libreoffice-calc poppler-utils fonts-noto-cjk） / Error: $tool is not installed" >&2
    exit 2
  fi
done

mkdir -p "$outdir"
here=$(cd "$(dirname "$0")" && pwd)
# A private profile: no clash with a running LibreOffice, no first-start dialogs.
profile=$(mktemp -d)
split=$(mktemp -d)
trap 'rm -rf "$profile" "$split"' EXIT

# One workbook per generated sheet, so each PDF holds just that sheet with its own page setup.
mapfile -t sheets < <(cd "$here/.." && npx tsx scripts/render-extract.ts "$input" "$split")
if [[ ${#sheets[@]} -eq 0 ]]; then
  echo "错误：工作簿中没有本工具生成的工作表 / Error: no generated sheets in $input" >&2
  exit 2
fi
for sheet in "${sheets[@]}"; do
  name=$(basename "${sheet%.xlsx}")
  soffice --headless --norestore "-env:UserInstallation=file://$profile" \
    --convert-to pdf --outdir "$outdir" "$sheet" >/dev/null 2>&1
  if [[ ! -f "$outdir/$name.pdf" ]]; then
    echo "错误：LibreOffice 未能生成 $name.pdf / Error: LibreOffice produced no PDF for $name" >&2
    exit 1
  fi
  pdftoppm -r 80 -png "$outdir/$name.pdf" "$outdir/$name"
  pages=$(ls -1 "$outdir/$name"-*.png | wc -l)
  echo "$name：$outdir/$name.pdf（$pages 页）"
done
ls -1 "$outdir"/*.png
