#!/bin/sh
# test-cli-contacts.sh — reach-cli import/export contacts, sar and erase
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the built reach-cli ($REACH_CLI) on temporary workspaces with the
# fixtures under $G_TEST_SRCDIR/data.  Prints TAP.

set -u

cli=${REACH_CLI:?REACH_CLI must name the built reach-cli}
data=${G_TEST_SRCDIR:?G_TEST_SRCDIR must name tests/}/data
tmp=$(mktemp -d "${TMPDIR:-/tmp}/reach-cli-contacts.XXXXXX")
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

# json_name FILE: the contact's name from a subject access file, read by a JSON parser
json_name () {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["contact"]["name"])' "$1"
  elif command -v jq >/dev/null 2>&1; then
    jq -r .contact.name "$1"
  else
    echo "no JSON parser"
  fi
}

db=$tmp/contacts.reach
succeeds "new" "$cli" new "$db"

# CSV with equality columns, then a vCard
succeeds "import contacts from CSV" "$cli" import "$db" contacts "$data/contacts/contacts.csv"
if grep -q "Imported 4 contacts" "$tmp/err"; then ok "CSV summary line"; else not_ok "CSV summary line: $(cat "$tmp/err")"; fi
succeeds "import contacts from vCard" "$cli" import "$db" contacts "$data/ez-vcard/John_Doe_ANDROID.vcf"
if grep -q "Imported 6 contacts" "$tmp/err"; then ok "vCard summary line"; else not_ok "vCard summary line: $(cat "$tmp/err")"; fi
equals "stats counts contacts" "$(stat "$db" contacts)" 10

# refused imports leave the workspace as it was
fails "unknown category refused" "unknown-category.csv: line 3: “Whiteish”" \
  "$cli" import "$db" contacts "$data/contacts/unknown-category.csv"
fails "equality answers without consent refused" "no-consent.csv: line 3:" \
  "$cli" import "$db" contacts "$data/contacts/no-consent.csv"
fails "broken vCard refused" "broken.vcf: line 5:" \
  "$cli" import "$db" contacts "$data/contacts/broken.vcf"
equals "nothing added by refused imports" "$(stat "$db" contacts)" 10

# export with an id column
succeeds "export contacts" "$cli" export "$db" contacts "$tmp/contacts.csv"
equals "export starts with an id column" "$(head -c 8 "$tmp/contacts.csv")" "id,kind,"
amina=$(grep "Amina Yusuf" "$tmp/contacts.csv" | cut -d, -f1)
if [ -n "$amina" ] && [ "$amina" -gt 0 ] 2>/dev/null; then ok "exported id of a contact"; else not_ok "no id for Amina Yusuf"; fi
if grep -q "Muslim" "$tmp/contacts.csv"; then not_ok "equality answers exported without being asked"; else ok "no equality answers by default"; fi
fails "export contacts needs a file" "export DB contacts FILE.csv" "$cli" export "$db" contacts
succeeds "export contacts with equality" "$cli" export "$db" contacts "$tmp/equality.csv" --with-equality
if grep -q "Muslim" "$tmp/equality.csv"; then ok "equality answers when asked"; else not_ok "no equality answers with --with-equality"; fi

# subject access
succeeds "sar" "$cli" sar "$db" "$amina"
cp "$tmp/out" "$tmp/sar.json"
equals "sar JSON parses and holds the name" "$(json_name "$tmp/sar.json")" "Amina Yusuf"
if grep -q '"Muslim"' "$tmp/sar.json"; then ok "sar holds equality answers"; else not_ok "sar lacks equality answers"; fi
fails "sar of a contact that is not there" "There is no contact 999" "$cli" sar "$db" 999
fails "sar of something that is not an id" "not a contact id" "$cli" sar "$db" amina

# erasure
succeeds "erase" "$cli" erase "$db" "$amina"
fails "sar after erase" "There is no contact $amina" "$cli" sar "$db" "$amina"
equals "stats contacts decreases" "$(stat "$db" contacts)" 9
if grep -q "Amina" "$db" || { [ -f "$db-wal" ] && grep -q "Amina" "$db-wal"; }; then
  not_ok "the erased name is still in the workspace file"
else
  ok "the erased name is not in the workspace file"
fi
if grep -q "amina@example.org" "$db"; then not_ok "the erased email is in the file"; else ok "the erased email is not in the file"; fi
fails "erase twice" "There is no contact" "$cli" erase "$db" "$amina"

echo "1..$n"
exit $failed
