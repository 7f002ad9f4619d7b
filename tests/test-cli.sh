#!/bin/sh
# test-cli.sh — reach-cli new, import, stats, export, and its failures
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the built reach-cli ($REACH_CLI) on temporary workspaces with the
# fixtures under $G_TEST_SRCDIR/data.  Prints TAP.

set -u

cli=${REACH_CLI:?REACH_CLI must name the built reach-cli}
data=${G_TEST_SRCDIR:?G_TEST_SRCDIR must name tests/}/data
tmp=$(mktemp -d "${TMPDIR:-/tmp}/reach-cli-test.XXXXXX")
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

# succeeds DESCRIPTION COMMAND…: exit 0, nothing on stderr but one line
succeeds () {
  what=$1; shift
  if "$@" >"$tmp/out" 2>"$tmp/err"; then
    if [ "$(wc -l <"$tmp/err")" -le 1 ]; then ok "$what"; else not_ok "$what: stderr has several lines"; fi
  else
    not_ok "$what: exit $?: $(cat "$tmp/err")"
  fi
}

# fails DESCRIPTION FRAGMENT COMMAND…: non-zero exit, exactly one line on
# stderr that contains FRAGMENT
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

# stat DB KEY: one count from reach-cli stats
stat () {
  "$cli" stats "$1" | sed -n "s/.*\"$2\": \([0-9]*\).*/\1/p"
}

equals () {
  if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1: “$2” is not “$3”"; fi
}

db=$tmp/work.reach
libraries=$data/leeds/leeds_libraries_taskforce2016.csv
wards=$data/leeds/boundaries/leeds_wards22.geojson

succeeds "new" "$cli" new "$db"
fails "new refuses an existing file" "already exists" "$cli" new "$db"

succeeds "import places from CSV" "$cli" import "$db" places "$libraries"
if grep -q "Imported 50 places" "$tmp/err"; then ok "summary line"; else not_ok "summary line: $(cat "$tmp/err")"; fi
succeeds "import places from GeoJSON" "$cli" import "$db" places "$data/leeds/osm_horsforth/community.geojson"
succeeds "import areas" "$cli" import "$db" areas "$wards" --level ward
equals "stats counts places" "$(stat "$db" places)" 52
equals "stats counts areas" "$(stat "$db" areas)" 33

# Failures change nothing.
fails "areas already there" "already in the workspace" "$cli" import "$db" areas "$wards" --level ward
fails "invalid feature" "feature 3" "$cli" import "$db" places "$data/leeds/osm_horsforth/education.geojson"
printf 'name,lat,lon\nA,53.1,-1.5\nB,north,-1.5\n' >"$tmp/bad.csv"
fails "bad number" "bad.csv line 3: latitude “north” is not a number" "$cli" import "$db" places "$tmp/bad.csv"
printf 'name,lat,lon\nCaf\351,53.1,-1.5\n' >"$tmp/latin1.csv"
fails "not UTF-8" "UTF-8" "$cli" import "$db" places "$tmp/latin1.csv"
: >"$tmp/empty.csv"
fails "empty file" "empty" "$cli" import "$db" places "$tmp/empty.csv"
fails "bad GeoJSON" "twice" "$cli" import "$db" places "$data/geojsonhint/bad/bad-duplicate-properties.geojson"
fails "no such file" "no such file" "$cli" import "$db" places "$tmp/missing.csv"
fails "level required" "usage" "$cli" import "$db" areas "$wards"
fails "bad level" "not a level" "$cli" import "$db" areas "$wards" --level county
fails "bad category" "not a category" "$cli" import "$db" places "$libraries" --category shops
fails "areas option for places" "usage" "$cli" import "$db" places "$libraries" --level ward
fails "no such workspace" "no such workspace" "$cli" import "$tmp/none.reach" places "$libraries"
equals "places unchanged" "$(stat "$db" places)" 52
equals "areas unchanged" "$(stat "$db" areas)" 33

# A default category for a file that names none.
cat_db=$tmp/categories.reach
succeeds "new for categories" "$cli" new "$cat_db"
succeeds "import with --category" "$cli" import "$cat_db" places "$libraries" --category institution
succeeds "export for categories" "$cli" export "$cat_db" places "$tmp/categories.csv"
equals "every library is an institution" "$(cut -d, -f3 "$tmp/categories.csv" | sort -u | tr '\n' ' ')" "category institution "

# Export, and the exports import back.
succeeds "export CSV" "$cli" export "$db" places "$tmp/out.csv"
succeeds "export GeoJSON" "$cli" export "$db" places "$tmp/out.geojson"
fails "export to an unknown format" ".geojson or .csv" "$cli" export "$db" places "$tmp/out.txt"
equals "CSV has a header and 52 rows" "$(grep -c '' "$tmp/out.csv")" 53

for format in csv geojson; do
  copy=$tmp/copy-$format.reach
  succeeds "new copy ($format)" "$cli" new "$copy"
  succeeds "re-import $format" "$cli" import "$copy" places "$tmp/out.$format"
  equals "round trip keeps 52 places ($format)" "$(stat "$copy" places)" 52
  succeeds "export the copy ($format)" "$cli" export "$copy" places "$tmp/again.csv"
  # ids differ between workspaces; everything else must match
  cut -d, -f2- "$tmp/out.csv" >"$tmp/a"
  cut -d, -f2- "$tmp/again.csv" >"$tmp/b"
  if cmp -s "$tmp/a" "$tmp/b"; then ok "same places after the $format round trip"; else not_ok "$format round trip differs"; fi
done

echo "1..$n"
exit $failed
