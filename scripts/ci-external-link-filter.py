#!/usr/bin/env python3
"""Filter ../shared/ooxml/xlsx-excel-checks.py output for a result workbook that links into other files.

Usage: python3 xlsx-excel-checks.py result.xlsx | python3 scripts/ci-external-link-filter.py result.xlsx

A result of several units' files links each issue to its cell in that unit's file: a hyperlink with an
r:id to an External relationship (the file) and location="'Sheet'!A1" in it, the form ECMA-376 Part 1
18.3.1.47 gives ("If target is a workbook ... this shall refer to a sheet and cell") and Excel writes.
The checker looks every location up among this workbook's own sheets, so it reports each such link as
"no sheet". Only those lines are dropped, and only for hyperlinks that really carry an external r:id;
every other line is printed, INFO excepted. Exit 1 if an ERROR remains.
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
P = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def external_link_refs(path):
    """{(sheet part, cell ref)} of hyperlinks whose r:id names an External relationship."""
    refs = set()
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        for part in names:
            m = re.fullmatch(r"xl/worksheets/(sheet[^/]*\.xml)", part)
            if not m:
                continue
            rels_part = f"xl/worksheets/_rels/{m.group(1)}.rels"
            external = set()
            if rels_part in names:
                for rel in ET.fromstring(z.read(rels_part)).iter(P + "Relationship"):
                    if rel.get("TargetMode") == "External":
                        external.add(rel.get("Id"))
            for h in ET.fromstring(z.read(part)).iter(S + "hyperlink"):
                if h.get(R + "id") in external and h.get("location"):
                    refs.add((part, h.get("ref")))
    return refs


def main():
    refs = external_link_refs(sys.argv[1])
    no_sheet = re.compile(r"^ERROR (\S+) \(.*\): hyperlink (\S+) location .*: no sheet ")
    errors = dropped = 0
    for line in sys.stdin:
        line = line.rstrip("\n")
        if line.startswith("INFO") or line.startswith("-- "):
            continue  # the checker's own count includes the dropped lines; ours is printed below
        m = no_sheet.match(line)
        if m and (m.group(1), m.group(2)) in refs:
            dropped += 1
            continue
        if line.startswith("ERROR"):
            errors += 1
        print(line)
    print(f"-- {errors} errors after dropping {dropped} 'no sheet' lines for links into other files")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
