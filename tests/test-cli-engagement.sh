#!/bin/sh
# test-cli-engagement.sh — reach-cli import activities and participation, and
# the demo's people in stats
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the built reach-cli ($REACH_CLI) on a temporary demo workspace
# (REACH_DATA_DIR must hold the demo data).  Prints TAP.

set -u

cli=${REACH_CLI:?REACH_CLI must name the built reach-cli}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/reach-cli-engagement.XXXXXX")
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

stat () {
  "$cli" stats "$1" | sed -n "s/.*\"$2\": \([0-9]*\).*/\1/p"
}

equals () {
  if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1: “$2” is not “$3”"; fi
}

db=$tmp/demo.reach
succeeds "demo" "$cli" demo "$db"
equals "demo contacts" "$(stat "$db" contacts)" 60
equals "demo community groups" "$(stat "$db" community_groups)" 8
equals "demo activities" "$(stat "$db" activities)" 25
equals "demo participation" "$(stat "$db" participation)" 98
equals "demo headcounts" "$(stat "$db" headcounts)" 21
equals "demo feedback" "$(stat "$db" feedback)" 16

printf 'title,type,date,venue,rung,areas\nHorsforth tea dance,event,2025-05-01,HORSFORTH library,informing,E05011547\nSeacroft chat,drop-in,02/06/2025 14:00,Seacroft library,consultation,"E05011400; E05011391"\n' >"$tmp/activities.csv"
succeeds "import activities" "$cli" import "$db" activities "$tmp/activities.csv"
if grep -q "Imported 2 activities from activities.csv" "$tmp/err"; then ok "activities summary"; else not_ok "activities summary: $(cat "$tmp/err")"; fi
equals "two more activities" "$(stat "$db" activities)" 27

printf 'activity,contact,role\nHorsforth tea dance,Amber.Quillfeather@example.org,\nSeacroft chat,1,speaker\nSeacroft chat,1,\n' >"$tmp/participation.csv"
succeeds "import participation" "$cli" import "$db" participation "$tmp/participation.csv"
if grep -q "Imported 2 participants from participation.csv" "$tmp/err"; then ok "participation summary"; else not_ok "participation summary: $(cat "$tmp/err")"; fi
equals "two more participants" "$(stat "$db" participation)" 100

# Failures name the file and line, and change nothing.
printf 'title,date,venue\nFine,2025-01-01,Pudsey library\n"Two\nlines",2025-01-02,Pudsey library\nLost,2025-01-03,The Moon Community Centre\n' >"$tmp/venue.csv"
fails "unknown venue" "venue.csv line 5: there is no place called “The Moon Community Centre”" \
  "$cli" import "$db" activities "$tmp/venue.csv"
printf 'title,date\nOne,2025-01-01\nTwo,2025-13-40\n' >"$tmp/date.csv"
fails "bad date" "date.csv line 3: “2025-13-40” is not a date" "$cli" import "$db" activities "$tmp/date.csv"
printf 'title,date,areas\nOne,2025-01-01,E05999999\n' >"$tmp/area.csv"
fails "unknown area" "area.csv line 2: there is no area with the code “E05999999”" \
  "$cli" import "$db" activities "$tmp/area.csv"
printf 'title,venue\nOne,Pudsey library\n' >"$tmp/nodate.csv"
fails "no date column" "nodate.csv line 1: there is no “date” column" "$cli" import "$db" activities "$tmp/nodate.csv"
equals "activities unchanged" "$(stat "$db" activities)" 27

printf 'activity,contact_email\nHorsforth tea dance,basil.thistlewood@example.org\nHorsforth tea dance,nobody@example.org\n' >"$tmp/who.csv"
fails "unknown contact" "who.csv line 3: there is no contact with the email address nobody@example.org" \
  "$cli" import "$db" participation "$tmp/who.csv"
printf 'activity,contact\nNo such thing,1\n' >"$tmp/what.csv"
fails "unknown activity" "what.csv line 2: there is no activity titled “No such thing”" \
  "$cli" import "$db" participation "$tmp/what.csv"
printf 'activity,contact\n' >"$tmp/header.csv"
fails "header only" "has a header but no rows" "$cli" import "$db" participation "$tmp/header.csv"
equals "participation unchanged" "$(stat "$db" participation)" 100

fails "no such file" "no-such.csv" "$cli" import "$db" activities "$tmp/no-such.csv"
fails "no such workspace" "no such workspace" "$cli" import "$tmp/none.reach" activities "$tmp/activities.csv"
fails "extra argument" "usage" "$cli" import "$db" participation "$tmp/participation.csv" --level ward

echo "1..$n"
exit $failed
