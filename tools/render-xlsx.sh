#!/bin/sh
# Render a workbook as a clerk would print it: LibreOffice (headless) to PDF, then one PNG per page.
#   tools/render-xlsx.sh audits/summary.xlsx [OUT_DIR]     # → OUT_DIR/summary.pdf, summary-1.png …
# Installs LibreOffice Calc and poppler-utils (Debian packages) when they are missing.
set -eu
[ $# -ge 1 ] || { echo "usage: $0 FILE.xlsx [OUT_DIR]" >&2; exit 2; }
xlsx=$1
out=${2:-$(dirname "$xlsx")/pages}
[ -f "$xlsx" ] || { echo "render-xlsx: $xlsx: no such file" >&2; exit 2; }
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
    sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_=sudo
    $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq libreoffice-calc poppler-utils fonts-noto-cjk
fi
mkdir -p "$out"
name=$(basename "$xlsx" .xlsx)
# A private profile: a desktop LibreOffice that is already open must not swallow the job.
soffice --headless -env:UserInstallation=file:///tmp/fzgap-lo-profile \
    --convert-to pdf --outdir "$out" "$xlsx" >/dev/null
pdftoppm -png -r 60 "$out/$name.pdf" "$out/$name"
echo "render-xlsx: $(ls "$out"/"$name"*.png | wc -l) page(s) in $out"
