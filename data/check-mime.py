#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the workspace MIME type: update-mime-database accepts the package,
*.reach maps to it as a kind of SQLite database, and the desktop entry
claims it.  Usage: check-mime.py UPDATE_MIME_DATABASE MIME_XML DESKTOP_FILE"""
import configparser
import pathlib
import shutil
import subprocess
import sys
import tempfile

MIME_TYPE = "application/x-reach-workspace"
update_mime_database, mime_xml, desktop_file = sys.argv[1:4]

with tempfile.TemporaryDirectory() as tmp:
    packages = pathlib.Path(tmp) / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(mime_xml, packages)
    run = subprocess.run([update_mime_database, str(packages.parent)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"update-mime-database refused {mime_xml}:\n{run.stdout}{run.stderr}")

    globs = (packages.parent / "globs2").read_text(encoding="utf-8").splitlines()
    if not any(line.endswith(f":{MIME_TYPE}:*.reach") for line in globs):
        sys.exit(f"globs2 has no *.reach → {MIME_TYPE}: {globs}")
    subclasses = (packages.parent / "subclasses").read_text(encoding="utf-8").split("\n")
    if f"{MIME_TYPE} application/vnd.sqlite3" not in subclasses:
        sys.exit(f"{MIME_TYPE} is not a subclass of application/vnd.sqlite3: {subclasses}")

entry = configparser.ConfigParser(interpolation=None)
entry.read(desktop_file, encoding="utf-8")
mime_types = entry["Desktop Entry"].get("MimeType", "").split(";")
if MIME_TYPE not in mime_types:
    sys.exit(f"{desktop_file}: MimeType does not list {MIME_TYPE}")
if "%F" not in entry["Desktop Entry"]["Exec"] and "%f" not in entry["Desktop Entry"]["Exec"]:
    sys.exit(f"{desktop_file}: Exec takes no file, so workspaces cannot be opened with it")
print(f"*.reach is {MIME_TYPE}, a kind of SQLite database, and Reach opens it")
