#!/bin/sh
# test-cli-gaps.sh — reach-cli import baseline, import lookup and gaps
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A small workspace built through the CLI: wards W1 = [0, 1] and W2 = [1, 2]
# (longitude; latitude 50–51), a sex baseline (W1 600 F 400 M, W2 500 F
# 500 M), five people and two activities.  Every expected number was worked
# by hand (see test-gaps.c for the Wilson formula).  Prints TAP.

set -u

cli=${REACH_CLI:?REACH_CLI must name the built reach-cli}
data=${G_TEST_SRCDIR:?G_TEST_SRCDIR must name tests/}/data
tmp=$(mktemp -d "${TMPDIR:-/tmp}/reach-cli-gaps.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

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

# succeeds DESCRIPTION COMMAND…: exit 0, at most one line on stderr
succeeds () {
  what=$1; shift
  if "$@" >"$tmp/out" 2>"$tmp/err"; then
    if [ "$(wc -l <"$tmp/err")" -le 1 ]; then ok "$what"; else not_ok "$what: stderr has several lines"; fi
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

# same DESCRIPTION EXPECTED-FILE ACTUAL-FILE
same () {
  if cmp -s "$2" "$3"; then ok "$1"; else not_ok "$1: $(diff "$2" "$3" | tr '\n' ' ')"; fi
}

db=$tmp/gaps.reach

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
"2021","West","E05000001",1000,600,400
"2021","East","E05000002",1000,500,500
"2021","Elsewhere","E05009999",10,5,5
CSV

cat >"$tmp/people.csv" <<'CSV'
Name,Email,Latitude,Longitude,Consent date,Consent contact,Consent equality,Consent method,sex
Ann,a@example.org,50.5,0.25,2025-01-01,yes,yes,written,Female
Bea,b@example.org,50.5,0.75,2025-01-01,yes,yes,written,Female
Cal,c@example.org,50.5,1.5,2025-01-01,yes,yes,written,Male
Dee,d@example.org,50.5,0.5,2025-01-01,yes,yes,written,Prefer not to say
Eve,e@example.org,50.5,1.25,2025-01-01,yes,yes,written,Female
CSV

cat >"$tmp/activities.csv" <<'CSV'
Title,Type,Date,Venue,Rung,Areas
Drop-in,drop-in,2025-03-01,,consultation,E05000001
Old survey,survey,2024-01-01,,informing,
CSV

cat >"$tmp/participation.csv" <<'CSV'
activity,contact
Drop-in,a@example.org
Drop-in,b@example.org
Drop-in,c@example.org
Drop-in,d@example.org
Drop-in,e@example.org
Old survey,c@example.org
CSV

succeeds "new workspace" "$cli" new "$db"
succeeds "import wards" "$cli" import "$db" areas "$tmp/wards.geojson" --level ward
succeeds "import a baseline with one unknown area" "$cli" import "$db" baseline "$tmp/sex.csv"
if grep -q "sex baseline for 2 areas" "$tmp/err"; then ok "baseline summary line"; else not_ok "baseline summary line: $(cat "$tmp/err")"; fi
succeeds "import people" "$cli" import "$db" contacts "$tmp/people.csv"
succeeds "import activities" "$cli" import "$db" activities "$tmp/activities.csv"
succeeds "import participation" "$cli" import "$db" participation "$tmp/participation.csv"

# everywhere, every date: n = 4 (Ann, Bea, Eve female; Cal male; Dee prefers not to say)
cat >"$tmp/expected.json" <<'JSON'
[
  {"category": "Female", "population": 1100, "population_share": 0.5500, "reached": 3, "reached_share": 0.7500, "ci_low": 0.3006, "ci_high": 0.9544, "ratio": 1.3636, "expected": 2.20, "shortfall": -0.80, "flag": "in-line"},
  {"category": "Male", "population": 900, "population_share": 0.4500, "reached": 1, "reached_share": 0.2500, "ci_low": 0.0456, "ci_high": 0.6994, "ratio": 0.5556, "expected": 1.80, "shortfall": 0.80, "flag": "under-represented"}
]
JSON
succeeds "gaps as JSON" "$cli" gaps "$db" --characteristic sex
same "gaps JSON numbers" "$tmp/expected.json" "$tmp/out"

# West only: Ann and Bea
cat >"$tmp/expected.csv" <<'CSV'
category,population,population_share,reached,reached_share,ci_low,ci_high,ratio,expected,shortfall,flag
Female,600,0.6000,2,1.0000,0.3424,1.0000,1.6667,1.20,-0.80,in-line
Male,400,0.4000,0,0.0000,0.0000,0.6576,0.0000,0.80,0.80,under-represented
CSV
succeeds "gaps as CSV for one ward" "$cli" gaps "$db" --characteristic Sex --scope E05000001 --format csv --from 2025-01-01 --to 2025-12-31
same "gaps CSV numbers" "$tmp/expected.csv" "$tmp/out"

# nobody in the period: nothing to flag, and it says so
cat >"$tmp/expected-empty.csv" <<'CSV'
category,population,population_share,reached,reached_share,ci_low,ci_high,ratio,expected,shortfall,flag
Female,1100,0.5500,0,,,,,0.00,0.00,no-data
Male,900,0.4500,0,,,,,0.00,0.00,no-data
CSV
"$cli" gaps "$db" --characteristic sex --from 2030-01-01 --format csv >"$tmp/out" 2>"$tmp/err"
same "no-data rows" "$tmp/expected-empty.csv" "$tmp/out"
if grep -q "nothing to flag" "$tmp/err"; then ok "n = 0 is said"; else not_ok "n = 0 is said: $(cat "$tmp/err")"; fi

fails "unknown characteristic" "shoe_size" "$cli" gaps "$db" --characteristic shoe_size
fails "unknown scope" "E05999999" "$cli" gaps "$db" --characteristic sex --scope E05999999
fails "bad date" "2025-02-30" "$cli" gaps "$db" --characteristic sex --from 2025-02-30
fails "bad format" "xml" "$cli" gaps "$db" --characteristic sex --format xml
fails "no characteristic" "usage" "$cli" gaps "$db"
fails "no workspace" "no such workspace" "$cli" gaps "$tmp/none.reach" --characteristic sex

# a bad baseline names the file and line and changes nothing
printf 'date,geography,geography code,Sex: Female,Sex: Male\n2021,West,E05000001,600,lots\n' >"$tmp/bad.csv"
fails "bad baseline value" "bad.csv, line 2" "$cli" import "$db" baseline "$tmp/bad.csv"
"$cli" gaps "$db" --characteristic sex >"$tmp/out" 2>/dev/null
same "bad baseline changed nothing" "$tmp/expected.json" "$tmp/out"

# real data: the Leeds lookup links nothing in this workspace
fails "lookup with no known areas" "no row links" "$cli" import "$db" lookup "$data/census/leeds/leeds_lookup_lsoa21_ward24_ltla24.csv"

echo "1..$n"
exit $failed
