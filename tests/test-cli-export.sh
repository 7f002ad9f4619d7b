#!/bin/sh
# test-cli-export.sh — reach-cli export-map and report, and the small-numbers rule in them
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A small workspace built through the CLI: wards West = [0, 1] and East =
# [1, 2] (longitude; latitude 50–51) with a sex baseline, 14 women living in
# West and 3 men living in East, all at one drop-in.  3 is a small number:
# no output may show it, and since the total (17) is shown, the 14 must be
# hidden too.  Checks outputs with poppler (pdfinfo, pdftotext) and python3.
# Prints TAP.

set -u

cli=${REACH_CLI:?REACH_CLI must name the built reach-cli}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/reach-cli-export.XXXXXX")
trap '[ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"' EXIT

n=0
failed=0

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok () {
  n=$((n + 1))
  failed=1
  echo "not ok $n - $1"
}

# succeeds DESCRIPTION COMMAND…: exit 0, nothing on stderr
succeeds () {
  what=$1; shift
  if "$@" >"$tmp/out" 2>"$tmp/err"; then
    if [ ! -s "$tmp/err" ]; then ok "$what"; else not_ok "$what: stderr: $(cat "$tmp/err")"; fi
  else
    not_ok "$what: exit $?: $(cat "$tmp/err")"
  fi
}

# fails DESCRIPTION FRAGMENT COMMAND…: non-zero exit, one line on stderr holding FRAGMENT
fails () {
  what=$1; fragment=$2; shift 2
  if "$@" >"$tmp/out" 2>"$tmp/err"; then
    not_ok "$what: succeeded"
  elif [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
    not_ok "$what: stderr is not one line: $(cat "$tmp/err")"
  elif ! grep -q -- "$fragment" "$tmp/err"; then
    not_ok "$what: “$(cat "$tmp/err")” lacks “$fragment”"
  else
    ok "$what"
  fi
}

# has DESCRIPTION FILE TEXT: the file holds the text
has () {
  if grep -q -- "$3" "$2"; then ok "$1"; else not_ok "$1: no “$3” in $(basename "$2")"; fi
}

db=$tmp/small.reach

cat >"$tmp/wards.geojson" <<'JSON'
{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"code": "E05000001", "name": "West"},
  "geometry": {"type": "Polygon", "coordinates": [[[0, 50], [1, 50], [1, 51], [0, 51], [0, 50]]]}},
 {"type": "Feature", "properties": {"code": "E05000002", "name": "East"},
  "geometry": {"type": "Polygon", "coordinates": [[[1, 50], [2, 50], [2, 51], [1, 51], [1, 50]]]}}
]}
JSON

cat >"$tmp/sex.csv" <<'CSV'
"date","geography","geography code","Sex: All persons; measures: Value","Sex: Female; measures: Value","Sex: Male; measures: Value"
"2021","West","E05000001",1000,550,450
"2021","East","E05000002",1000,550,450
CSV

cat >"$tmp/places.csv" <<'CSV'
name,category,latitude,longitude,asset,venue
Town library,institution,50.5,0.5,yes,yes
Mosque,faith,50.4,1.6,yes,no
CSV

echo "Name,Email,Latitude,Longitude,Consent date,Consent contact,Consent equality,Consent method,sex" >"$tmp/people.csv"
echo "activity,contact" >"$tmp/participation.csv"
i=1
while [ $i -le 17 ]; do
  if [ $i -le 14 ]; then lon=0.5; sex=Female; else lon=1.5; sex=Male; fi
  echo "Person $i,p$i@example.org,50.5,$lon,2025-01-01,yes,yes,written,$sex" >>"$tmp/people.csv"
  echo "Drop-in,p$i@example.org" >>"$tmp/participation.csv"
  i=$((i + 1))
done

cat >"$tmp/activities.csv" <<'CSV'
Title,Type,Date,Venue,Rung,Areas
Drop-in,drop-in,2025-03-01,,consultation,E05000001
CSV

"$cli" new "$db" && "$cli" import "$db" areas "$tmp/wards.geojson" --level ward 2>/dev/null &&
  "$cli" import "$db" baseline "$tmp/sex.csv" 2>/dev/null &&
  "$cli" import "$db" places "$tmp/places.csv" 2>/dev/null &&
  "$cli" import "$db" contacts "$tmp/people.csv" 2>/dev/null &&
  "$cli" import "$db" activities "$tmp/activities.csv" 2>/dev/null &&
  "$cli" import "$db" participation "$tmp/participation.csv" 2>/dev/null
if [ $? -eq 0 ]; then ok "workspace built"; else not_ok "workspace built"; fi

# PNG: the asked pixel size, and the dpi in its pHYs chunk
succeeds "export-map PNG" "$cli" export-map "$db" "$tmp/map.png" --width 1200 --height 900 --dpi 300
png_info () {
  python3 - "$1" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
at = data.find(b"pHYs")
x, y, unit = struct.unpack(">IIB", data[at + 4:at + 13]) if at > 0 else (0, 0, 0)
print(w, h, round(x * 0.0254) if unit == 1 else 0, round(y * 0.0254) if unit == 1 else 0)
PY
}
info=$(png_info "$tmp/map.png")
if [ "$info" = "1200 900 300 300" ]; then ok "PNG is 1200 × 900 at 300 dpi"; else not_ok "PNG size and dpi: $info"; fi
succeeds "export-map PNG on A4 at 100 dpi" "$cli" export-map "$db" "$tmp/a4.png" --dpi 100
info=$(png_info "$tmp/a4.png")
if [ "$info" = "826 1169 100 100" ]; then ok "A4 PNG at 100 dpi is 826 × 1169"; else not_ok "A4 PNG: $info"; fi

# SVG: parses, and the areas are vector paths
succeeds "export-map SVG" "$cli" export-map "$db" "$tmp/map.svg" --layer areas
if python3 - "$tmp/map.svg" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
paths = [p for p in root.iter("{http://www.w3.org/2000/svg}path") if p.get("d", "").count("L") >= 3]
sys.exit(0 if len(paths) >= 2 else 1)
PY
then ok "SVG parses and draws the wards as paths"; else not_ok "SVG parses and draws the wards as paths"; fi

# PDF: page sizes, and the text is text
succeeds "export-map PDF A4" "$cli" export-map "$db" "$tmp/a4.pdf" --title "Where we meet people"
if pdfinfo "$tmp/a4.pdf" | grep -q "Page size: *595 x 842 pts"; then ok "A4 is 595 × 842"; else not_ok "A4 page size"; fi
succeeds "export-map PDF A3 landscape" "$cli" export-map "$db" "$tmp/a3.pdf" --paper A3 --landscape --layer choropleth --layer places
if pdfinfo "$tmp/a3.pdf" | grep -q "Page size: *1191 x 842 pts"; then ok "A3 landscape is 1191 × 842"; else not_ok "A3 landscape page size"; fi
pdftotext "$tmp/a4.pdf" "$tmp/a4.txt"
has "the title is text" "$tmp/a4.txt" "Where we meet people"
has "legend: Institutions" "$tmp/a4.txt" "Institutions"
has "legend: Consultation venue" "$tmp/a4.txt" "Consultation venue"
has "legend: the ward boundary" "$tmp/a4.txt" "Ward boundary"
has "attribution: OpenStreetMap" "$tmp/a4.txt" "OpenStreetMap contributors"
has "attribution: Crown copyright" "$tmp/a4.txt" "Crown copyright"
has "attribution: Open Government Licence" "$tmp/a4.txt" "Open Government Licence"
has "the suppression note" "$tmp/a4.txt" "fewer than 5"
has "a scale bar" "$tmp/a4.txt" " km"
pdftotext "$tmp/a3.pdf" "$tmp/a3.txt"
has "choropleth key" "$tmp/a3.txt" "People reached per 1,000"
has "East's 3 people are a small number, not a rate" "$tmp/a3.txt" "Fewer than 5 people reached"

fails "an unknown format" "must end in" "$cli" export-map "$db" "$tmp/map.jpg"
fails "an unknown paper" "not a paper size" "$cli" export-map "$db" "$tmp/x.pdf" --paper A5
fails "too many dpi" "out of range" "$cli" export-map "$db" "$tmp/x.png" --dpi 600
fails "an unknown area" "E05999999" "$cli" export-map "$db" "$tmp/x.pdf" --area E05999999
fails "a bad box" "--bbox" "$cli" export-map "$db" "$tmp/x.pdf" --bbox 1,2,3
fails "an unknown layer" "not a layer" "$cli" export-map "$db" "$tmp/x.pdf" --layer people
if [ ! -e "$tmp/x.pdf" ] && [ ! -e "$tmp/x.png" ]; then ok "failures write nothing"; else not_ok "failures write nothing"; fi

succeeds "export-map one ward's extent" "$cli" export-map "$db" "$tmp/west.pdf" --area E05000001
pdftotext "$tmp/west.pdf" "$tmp/west.txt"
has "the chosen area is explained" "$tmp/west.txt" "The area this map is about"

# The report
succeeds "report" "$cli" report "$db" "$tmp/report.pdf" --from 2025-01-01 --to 2025-12-31
if pdfinfo "$tmp/report.pdf" | grep -q "Page size: *595 x 842 pts"; then ok "report is A4"; else not_ok "report page size"; fi
pdftotext -layout "$tmp/report.pdf" "$tmp/report.txt"
has "report title" "$tmp/report.txt" "Reach report"
has "report period" "$tmp/report.txt" "From 2025-01-01 to 2025-12-31"
has "report headline" "$tmp/report.txt" "People reached"
has "report sex section" "$tmp/report.txt" "Sex"
has "report ladder" "$tmp/report.txt" "ladder of participation"
has "report you said, we did" "$tmp/report.txt" "You said, we did"
has "report page numbers" "$tmp/report.txt" "Page 2 of"
has "report map attribution" "$tmp/report.txt" "OpenStreetMap contributors"
has "report suppression note" "$tmp/report.txt" "Counts below 5 are shown as"

male=$(grep -E "^ *Male " "$tmp/report.txt" | head -1)
female=$(grep -E "^ *Female " "$tmp/report.txt" | head -1)
case "$male" in
  *"fewer than 5"*) ok "Male row: fewer than 5" ;;
  *) not_ok "Male row: fewer than 5: “$male”" ;;
esac
if echo "$male" | grep -qE '(^|[^0-9.,])3([^0-9.,%]|$)'; then not_ok "Male row hides the 3: “$male”"; else ok "Male row hides the 3"; fi
if echo "$male" | grep -q "17.6"; then not_ok "Male row hides the share 3/17"; else ok "Male row hides the share 3/17"; fi
case "$female" in
  *hidden*) ok "Female row is hidden too (17 − 14 would give the 3 away)" ;;
  *) not_ok "Female row is hidden too: “$female”" ;;
esac
if echo "$female" | grep -qE '(^|[^0-9.,])14([^0-9.,%]|$)|82\.4'; then not_ok "Female row hides 14 and its share: “$female”"; else ok "Female row hides 14 and its share"; fi
if grep -qE '17\.6%|82\.4%' "$tmp/report.txt"; then not_ok "no share derived from a hidden count anywhere"; else ok "no share derived from a hidden count anywhere"; fi
# a flag says how a hidden count compares with the population: it goes with the count
if echo "$male $female" | grep -qiE 'in line|under-represented|over-represented|not reached'; then
  not_ok "no flag on a row whose count is hidden: “$male” / “$female”"
else
  ok "no flag on a row whose count is hidden"
fi

fails "report: a bad date" "is not a date" "$cli" report "$db" "$tmp/bad.pdf" --from 2025-13-01
fails "report: an unknown area" "E05999999" "$cli" report "$db" "$tmp/bad.pdf" --scope E05999999
fails "report: not a PDF" "PDF" "$cli" report "$db" "$tmp/bad.png"
if [ ! -e "$tmp/bad.pdf" ] && [ ! -e "$tmp/bad.png" ]; then ok "report failures write nothing"; else not_ok "report failures write nothing"; fi

succeeds "report for one ward" "$cli" report "$db" "$tmp/west.pdf" --scope E05000001
pdftotext -layout "$tmp/west.pdf" "$tmp/west-report.txt"
has "the scope is named on the cover" "$tmp/west-report.txt" "West"
has "the cover says what the scope covers" "$tmp/west-report.txt" "venues there"

# East alone: 3 men, nobody else; the total itself is small
succeeds "report for the ward of the 3" "$cli" report "$db" "$tmp/east.pdf" --scope E05000002
pdftotext -layout "$tmp/east.pdf" "$tmp/east.txt"
male=$(grep -E "^ *Male " "$tmp/east.txt" | head -1)
case "$male" in
  *"fewer than 5"*) ok "East: Male row says fewer than 5" ;;
  *) not_ok "East: Male row says fewer than 5: “$male”" ;;
esac
if echo "$male" | grep -qE '(^|[^0-9.,])3([^0-9.,%]|$)|100\.0'; then not_ok "East: neither the 3 nor their 100% share: “$male”"; else ok "East: neither the 3 nor their 100% share"; fi
if grep -qE '(^|[^0-9.,])3 people' "$tmp/east.txt"; then not_ok "East: no “3 people” anywhere"; else ok "East: no “3 people” anywhere"; fi
has "East: the total goes too (the other row is 0)" "$tmp/east.txt" "How many people told us their answer is hidden"

# With suppression set off (a threshold of 0 or 1), the same counts are printed.
python3 - "$db" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
con.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('suppress-below', '0')")
con.commit()
PY
succeeds "report without suppression" "$cli" report "$db" "$tmp/open.pdf"
pdftotext -layout "$tmp/open.pdf" "$tmp/open.txt"
male=$(grep -E "^ *Male " "$tmp/open.txt" | head -1)
if echo "$male" | grep -qE '(^|[^0-9.,])3([^0-9.,%]|$)'; then ok "without the rule the 3 shows (so the check above can fail)"; else not_ok "without the rule the 3 shows: “$male”"; fi

# Community groups go on the map with their status, and into the key
demo="$tmp/demo.reach"
succeeds "demo workspace" "$cli" demo "$demo"
succeeds "demo map with groups" "$cli" export-map "$demo" "$tmp/groups.pdf"
pdftotext "$tmp/groups.pdf" "$tmp/groups.txt"
if grep -q "Community groups" "$tmp/groups.txt" && grep -q "Not yet reached" "$tmp/groups.txt"; then
  ok "the key explains the group symbols"
else
  not_ok "the key explains the group symbols: $(tr '\n' ' ' < "$tmp/groups.txt")"
fi
if grep -qE "Young carers in Seacroft|Polish community in Harehills|Care leavers in Armley" "$tmp/groups.txt"; then
  ok "groups are named on the map"
else
  not_ok "groups are named on the map"
fi
succeeds "demo map of places only" "$cli" export-map "$demo" "$tmp/places.pdf" --layer places
pdftotext "$tmp/places.pdf" "$tmp/places.txt"
if grep -q "Community groups" "$tmp/places.txt"; then not_ok "no groups when only places are asked for"; else ok "no groups when only places are asked for"; fi

# A report for one ward counts that ward's activities, not the whole city's
succeeds "demo report, everywhere" "$cli" report "$demo" "$tmp/all.pdf"
succeeds "demo report, Horsforth" "$cli" report "$demo" "$tmp/horsforth.pdf" --scope E05011547
first_figure () {
  pdftotext -l 1 "$1" - | python3 -c '
import sys
lines = [l.strip() for l in sys.stdin]
after = lines[lines.index("At a glance") + 1:]
print(next(l for l in after if l.isdigit()))'
}
all_n=$(first_figure "$tmp/all.pdf")
ward_n=$(first_figure "$tmp/horsforth.pdf")
if [ -n "$ward_n" ] && [ -n "$all_n" ] && [ "$ward_n" -gt 0 ] && [ "$ward_n" -lt "$all_n" ]; then
  ok "a ward's report counts its own activities ($ward_n of $all_n)"
else
  not_ok "a ward's report counts its own activities: “$ward_n” of “$all_n”"
fi

echo "1..$n"
exit $failed
