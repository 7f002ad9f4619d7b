#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Lays out the desktop entry, metainfo and icons as they install, then checks
they agree: appstreamcli validate-tree (the metainfo's launchable names the
desktop entry beside it) and the desktop entry's Icon has both a scalable and
a symbolic icon in hicolor.
Usage: check-install-tree.py APPSTREAMCLI DESKTOP_FILE METAINFO_FILE ICONS_DIR"""
import configparser
import pathlib
import shutil
import subprocess
import sys
import tempfile

appstreamcli, desktop_file, metainfo_file, icons_dir = sys.argv[1:5]

entry = configparser.ConfigParser(interpolation=None)
entry.read(desktop_file, encoding="utf-8")
icon = entry["Desktop Entry"]["Icon"]

status = 0
for path in (f"hicolor/scalable/apps/{icon}.svg", f"hicolor/symbolic/apps/{icon}-symbolic.svg"):
    if not (pathlib.Path(icons_dir) / path).is_file():
        print(f"{desktop_file}: Icon={icon}, but there is no data/icons/{path}")
        status = 1

with tempfile.TemporaryDirectory() as tmp:
    share = pathlib.Path(tmp) / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir(parents=True)
    shutil.copy(desktop_file, share / "applications")
    shutil.copy(metainfo_file, share / "metainfo")
    shutil.copytree(icons_dir, share / "icons")
    run = subprocess.run([appstreamcli, "validate-tree", "--no-net", "--explain", str(share.parent)],
                         capture_output=True, text=True)
    print(run.stdout, run.stderr, sep="")
    if run.returncode != 0:
        status = 1

sys.exit(status)
