#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that po/POTFILES.in lists every source file with translatable strings,
and that every file it lists exists.  Usage: check-potfiles.py SOURCE_ROOT"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
C_MARKS = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"')

listed = set()
for line in (root / "po" / "POTFILES.in").read_text(encoding="utf-8").splitlines():
    line = line.strip()
    if line and not line.startswith("#"):
        listed.add(line)

wanted = set()
for path in sorted((root / "src").rglob("*.c")):
    if C_MARKS.search(path.read_text(encoding="utf-8", errors="replace")):
        wanted.add(path.relative_to(root).as_posix())
for path in sorted((root / "ui").glob("*.ui")):
    if 'translatable="yes"' in path.read_text(encoding="utf-8", errors="replace"):
        wanted.add(path.relative_to(root).as_posix())
for pattern in ("*.desktop.in", "*.metainfo.xml.in", "*.mime.xml.in", "*.gschema.xml"):
    for path in (root / "data").glob(pattern):
        wanted.add(path.relative_to(root).as_posix())

status = 0
for name in sorted(wanted - listed):
    print(f"po/POTFILES.in: missing {name}, which has translatable strings")
    status = 1
for name in sorted(listed):
    if not (root / name).is_file():
        print(f"po/POTFILES.in: lists {name}, which does not exist")
        status = 1
if status == 0:
    print(f"po/POTFILES.in lists all {len(wanted)} files with translatable strings")
sys.exit(status)
