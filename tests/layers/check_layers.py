#!/usr/bin/env python3
"""The layers of app/ form a stack: a folder includes only folders below it.

    core → domain → store → geo → model → render → io → cli, and ui/ above them all

core: results, hashing, the clock. domain: events, sources, dates, keys. store: the SQLite file,
repositories, the search index (persistence only). geo: GDAL, the basemap, the gazetteer, layer
files. model: the open document, undo commands, selection, filter, time index, chart and map
data, what an export may take. render: timeline, map and briefing drawing. io: imports, exports,
the sample case. cli: the command line.

ui/ reads the case only through the model (CaseDocument, CaseQueries and the like): no SQL
text, no SQLite statement or connection of its own.

Usage: check_layers.py SOURCE_DIR   prints every upward include and every SQL use in ui/, and
                                    exits 1 if there is one
       check_layers.py --self-test   checks that both are caught
"""

import os
import re
import sys
import tempfile

ORDER = ["core", "domain", "store", "geo", "model", "render", "io", "cli", "ui"]
RANK = {name: i for i, name in enumerate(ORDER)}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z]+)/[^"]+"')
# What only the layers below ui/ may do: write SQL, hold a statement or a connection.
SQL_IN_UI = re.compile(r'"[^"\n]*\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|'
                       r'PRAGMA|CREATE\s+(TABLE|INDEX|TRIGGER))\b|\bSqlite(Statement|Database)\b|'
                       r'#\s*include\s+"store/sqlite\.h"|\bsqlite3_')


def folder_of(root, path):
    """The layer a file is in: its folder under app/, or ui."""
    rel = os.path.relpath(path, root).split(os.sep)
    if rel[0] == "ui":
        return "ui"
    if rel[0] == "app" and len(rel) > 2:
        return rel[1]
    return None


def upward_includes(root):
    found = []
    for top in ("app", "ui"):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if not name.endswith((".h", ".cpp")):
                    continue
                path = os.path.join(dirpath, name)
                layer = folder_of(root, path)
                if layer not in RANK:
                    found.append((path, 0, f"is in an unknown layer \"{layer}\""))
                    continue
                with open(path, encoding="utf-8") as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if layer == "ui" and SQL_IN_UI.search(line):
                            found.append((path, number, "ui/ uses SQL: read through the model"))
                        if not m or m.group(1) not in RANK:
                            continue
                        if RANK[m.group(1)] > RANK[layer]:
                            found.append((path, number,
                                          f"{layer}/ includes {m.group(1)}/, a layer above it"))
    return found


def self_test():
    with tempfile.TemporaryDirectory() as root:
        for folder in ("app/store", "app/model", "app/core", "ui"):
            os.makedirs(os.path.join(root, folder))

        def write(rel, text):
            with open(os.path.join(root, rel), "w", encoding="utf-8") as f:
                f.write(text)

        write("app/core/result.h", "#pragma once\n")
        write("app/model/doc.h", '#include "store/file.h"\n#include "core/result.h"\n')
        write("ui/window.cpp", '#include "model/doc.h"\n')
        write("app/store/file.h", '#pragma once\n#include "core/result.h"\n')
        if upward_includes(root):
            print("self-test: a clean tree was reported", file=sys.stderr)
            return 1
        write("app/store/file.h", '#pragma once\n#include "model/doc.h"\n')
        found = upward_includes(root)
        if len(found) != 1 or found[0][1] != 2 or "store/ includes model/" not in found[0][2]:
            print(f"self-test: the upward include was not caught: {found}", file=sys.stderr)
            return 1
        write("app/store/file.h", '#pragma once\n#include "core/result.h"\n')
        write("ui/window.cpp", '#include "model/doc.h"\nauto q = u"SELECT fid FROM events"_s;\n')
        found = upward_includes(root)
        if len(found) != 1 or found[0][1] != 2 or "ui/ uses SQL" not in found[0][2]:
            print(f"self-test: SQL in ui/ was not caught: {found}", file=sys.stderr)
            return 1
    print("self-test: an upward include and SQL in ui/ are caught")
    return 0


def main(argv):
    if len(argv) == 2 and argv[1] == "--self-test":
        return self_test()
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = os.path.abspath(argv[1])
    found = upward_includes(root)
    for path, number, what in found:
        print(f"{os.path.relpath(path, root)}:{number}: {what}")
    files = sum(len([n for n in fs if n.endswith((".h", ".cpp"))])
                for top in ("app", "ui") for _, _, fs in os.walk(os.path.join(root, top)))
    print(f"{files} files in {len(ORDER)} layers, {len(found)} upward includes or SQL uses in ui/")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
