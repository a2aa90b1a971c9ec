#!/usr/bin/python3
"""Expected cell values for corpus workbooks, taken from LibreOffice (an independent reader), never from ours.

Usage: expected.py [--structure openpyxl|none] FILE.xlsx...   writes FILE.expected.json beside each file.

Values come from two CSV exports of every sheet by `soffice --headless --convert-to csv:...` (LibreOffice 7.2+
writes one CSV per sheet when token 12 is -1; its log line "Writing sheet NAME -> PATH" gives the sheet order):

  RAW    = 'Text - txt - csv (StarCalc):9,34,76,1,,0,true,false,false,false,false,-1'
           tab-separated, UTF-8, quote all text cells, "save cell contents as shown" OFF: numbers in full
           (15 significant digits), percentages as "91.6666666666667%", date-formatted cells as "MM/DD/YYYY"
           (date-only formats; "MM/DD/YYYY HH:MM:SS" for some date-time formats), "YYYY-MM-DD" (the ISO format yyyy-mm-dd is kept) or "YYYY-MM-DD HH:MM:SS"
           (formats with a time part), whatever their own format.
  SHOWN  = the same with "as shown" ON ('...,true,false,true,false,false,-1'): text and error cells are quoted,
           numbers, dates and booleans are not (a tab never appears in a shown number, so no number is quoted
           for containing the separator).

Normalisation of one cell (RAW text r, SHOWN field s):
  - s empty and unquoted, or s == "" quoted            -> empty cell, not listed;
  - s quoted: an Excel error literal (#NULL! #DIV/0! #VALUE! #REF! #NAME? #NUM! #N/A #GETTING_DATA)
                                                      -> that text (an error cell); else the text itself;
  - s unquoted TRUE/FALSE                              -> JSON true/false;
  - r "MM/DD/YYYY[ HH:MM:SS]", "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" -> "YYYY-MM-DD" (a date cell, compared by day);
  - r "<number>%"                                      -> number / 100;  r "<number>" -> number.
  Anything else stops the script. Because of the first two rules the corpus never holds a TEXT cell that
  looks like an error literal or like an ISO day "YYYY-MM-DD"; the script checks that, so the JSON is
  unambiguous: a string matching ^\\d{4}-\\d\\d-\\d\\d$ is a date, an error literal is an error, else text.
  Numbers are compared by the test at 15 significant digits (what LibreOffice prints).

Known limits (the corpus avoids them; CORPUS_LENIENT=1 skips such cells for ad-hoc runs on outside files):
  - a number whose shown text has leading/trailing spaces (formats like `0_ `) is quoted in SHOWN and would
    be taken for text; time-only formats ("06:56:00 PM") are not normalised;
  - LibreOffice drops the CR of a CR LF inside a cell (also an _x000D_ escape): make-quirks.py corrects the
    one quirk file where that matters and says so in its JSON;
  - LibreOffice recalculates formulas it has no cached value for, and functions it does not know give Err:5xx.

Formula cells without a cached value (openpyxl writes none) are recalculated by LibreOffice; the SPEC says
such a cell counts as empty, so they are moved out of "cells" into "formulasWithoutCachedValue" (with
LibreOffice's value for information). They are found by scanning the worksheet XML for <f> without <v> (or an empty <v/>).

Structure (not in CSV): sheet visibility, merged ranges, hidden rows and the 1904 flag come from openpyxl's
reader (--structure openpyxl, the default), or from the caller (make-quirks.py passes them explicitly).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

SOFFICE = shutil.which('soffice') or '/usr/bin/soffice'
FILTER = 'Text - txt - csv (StarCalc)'
RAW_OPTS = '9,34,76,1,,0,true,false,false,false,false,-1'
SHOWN_OPTS = '9,34,76,1,,0,true,false,true,false,false,-1'
ERRORS = {'#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA'}
ISO_DAY = re.compile(r'^\d{4}-\d\d-\d\d$')
PROFILE = 'file:///tmp/corpus-lo-profile'


def soffice_csv(paths, opts, outdir):
    """Convert every path; return {path: [(sheetName, csvPath), ...]} in sheet order."""
    cmd = [SOFFICE, f'-env:UserInstallation={PROFILE}', '--headless', '--convert-to', f'csv:{FILTER}:{opts}',
           '--outdir', outdir] + [os.path.abspath(p) for p in paths]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600).stdout
    result, current = {}, None
    by_abs = {os.path.abspath(p): p for p in paths}
    for line in out.splitlines():
        m = re.match(r'^convert (.*) using filter', line)
        if m:
            current = by_abs.get(m.group(1))
            if current is not None:
                result[current] = []
            continue
        m = re.match(r'^Writing sheet (.*) -> (.*)$', line)
        if m and current is not None:
            result[current].append((m.group(1), m.group(2)))
    return result


def parse_csv(text):
    """Tab-separated rows of (field, quoted) pairs; LibreOffice's quoting: "" inside quotes is one quote."""
    rows, row, i, n = [], [], 0, len(text)
    if text.startswith('\ufeff'):
        i = 1
    while i < n:
        if text[i] == '"':
            j, buf = i + 1, []
            while True:
                k = text.index('"', j)
                buf.append(text[j:k])
                if k + 1 < n and text[k + 1] == '"':
                    buf.append('"')
                    j = k + 2
                else:
                    i = k + 1
                    break
            row.append((''.join(buf), True))
        else:
            k = i
            while k < n and text[k] not in '\t\n':
                k += 1
            row.append((text[i:k].rstrip('\r'), False))
            i = k
        if i < n and text[i] == '\t':
            i += 1
            if i >= n or text[i] == '\n':
                row.append(('', False))
        elif i < n and text[i] == '\n':
            rows.append(row)
            row = []
            i += 1
    if row:
        rows.append(row)
    return rows


def col_letters(c):
    s = ''
    c += 1
    while c:
        c, m = divmod(c - 1, 26)
        s = chr(65 + m) + s
    return s


def normalise(raw, shown, where):
    s, quoted = shown
    if quoted:
        if s == '':
            return None
        if s in ERRORS:
            return s
        if ISO_DAY.match(s) and not os.environ.get('CORPUS_LENIENT'):
            raise SystemExit(f'{where}: text cell {s!r} looks like a date; the JSON would be ambiguous')
        return s
    if s == '':
        return None
    if s in ('TRUE', 'FALSE'):
        return s == 'TRUE'
    r = raw[0]
    m = re.match(r'^(\d\d)/(\d\d)/(\d{4})( \d\d:\d\d:\d\d)?$', r)
    if m:
        return f'{m.group(3)}-{m.group(1)}-{m.group(2)}'
    m = re.match(r'^(\d{4}-\d\d-\d\d)( \d\d:\d\d:\d\d)?$', r)
    if m:
        return m.group(1)
    pct = r.endswith('%')
    try:
        v = float(r[:-1] if pct else r)
    except ValueError:
        if os.environ.get('CORPUS_LENIENT'):  # ad-hoc runs on files outside the corpus: skip the cell
            print(f'{where}: skipped raw {r!r} / shown {s!r}', file=sys.stderr)
            return None
        raise SystemExit(f'{where}: cannot normalise raw {r!r} / shown {s!r}')
    if pct:
        v = float(f'{v / 100:.15g}')
    return int(v) if v.is_integer() and abs(v) < 2 ** 53 else v


def lo_values(paths):
    """{path: [{'name', 'cells': {A1: value}}]} from LibreOffice."""
    tmp = tempfile.mkdtemp(prefix='corpus-csv-')
    try:
        res = {}
        raw = soffice_csv(paths, RAW_OPTS, os.path.join(tmp, 'raw'))
        shown = soffice_csv(paths, SHOWN_OPTS, os.path.join(tmp, 'shown'))
        for p in paths:
            if p not in raw or p not in shown or not raw[p]:
                raise SystemExit(f'{p}: LibreOffice did not convert it')
            sheets = []
            for (name, rcsv), (name2, scsv) in zip(raw[p], shown[p]):
                assert name == name2
                rrows = parse_csv(open(rcsv, encoding='utf-8').read())
                srows = parse_csv(open(scsv, encoding='utf-8').read())
                cells = {}
                for r, srow in enumerate(srows):
                    for c, sf in enumerate(srow):
                        rf = rrows[r][c] if r < len(rrows) and c < len(rrows[r]) else ('', False)
                        addr = f'{col_letters(c)}{r + 1}'
                        v = normalise(rf, sf, f'{p} {name}!{addr}')
                        if v is not None:
                            cells[addr] = v
                sheets.append({'name': name, 'cells': cells})
            res[p] = sheets
        return res
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def local(tag):
    return tag.rsplit('}', 1)[-1].split(':')[-1]


def formulas_without_value(path):
    """{sheetName: set(A1)} of <c> with an <f> and no <v>, found in the XML (conventional packages only)."""
    out = {}
    try:
        z = zipfile.ZipFile(path)
        names = {n.lower(): n for n in z.namelist()}

        def read(part):
            return ET.fromstring(z.read(names[part.lstrip('/').lower()]))

        def rels(part):
            d, b = os.path.split(part.lstrip('/'))
            try:
                root = read(f'{d}/_rels/{b}.rels' if d else f'_rels/{b}.rels')
            except KeyError:
                return {}
            m = {}
            for rel in root:
                t = rel.get('Target')
                m[rel.get('Id')] = t.lstrip('/') if t.startswith('/') else os.path.normpath(os.path.join(d, t))
            return m

        top = read('_rels/.rels')
        wb = next(r.get('Target').lstrip('/') for r in top if r.get('Type', '').endswith('/officeDocument'))
        wrels = rels(wb)
        for sh in read(wb).iter():
            if local(sh.tag) != 'sheet':
                continue
            rid = next(v for k, v in sh.attrib.items() if local(k) == 'id')
            cells = set()
            for c in read(wrels[rid]).iter():
                if local(c.tag) == 'c':
                    kids = {local(k.tag): (k.text or '') for k in c}
                    if 'f' in kids and kids.get('v', '') == '' and c.get('r'):
                        cells.add(c.get('r'))
            if cells:
                out[sh.get('name')] = cells
    except Exception as e:  # unusual packages: the caller declares what it needs
        print(f'  (formula scan skipped for {path}: {e})', file=sys.stderr)
    return out


def structure_openpyxl(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    sheets = {}
    for ws in wb.worksheets:
        sheets[ws.title] = {
            'hidden': ws.sheet_state != 'visible',
            'merges': sorted(str(r) for r in ws.merged_cells.ranges),
            'hiddenRows': sorted(r for r, d in ws.row_dimensions.items() if d.hidden),
        }
    return {'date1904': bool(wb.epoch.year == 1904), 'sheets': sheets}


def build(path, lo_sheets, structure=None, extra=None):
    nocache = formulas_without_value(path)
    doc = dict(extra or {})
    doc['file'] = os.path.basename(path)
    if structure is not None and 'date1904' in structure:
        doc['date1904'] = structure['date1904']
    doc['sheets'] = []
    for sh in lo_sheets:
        entry = {'name': sh['name']}
        st = (structure or {}).get('sheets', {}).get(sh['name'], {})
        for k in ('hidden', 'merges', 'hiddenRows'):
            if k in st:
                entry[k] = st[k]
        cells = dict(sh['cells'])
        moved = {a: cells.pop(a) for a in sorted(nocache.get(sh['name'], ())) if a in cells}
        entry['cells'] = cells
        if moved:
            entry['formulasWithoutCachedValue'] = moved
        doc['sheets'].append(entry)
    return doc


def write(path, doc):
    out = re.sub(r'\.xlsx$', '', path) + '.expected.json'
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write('\n')
    return out


def main(argv):
    mode = 'openpyxl'
    if argv[:1] == ['--structure']:
        mode, argv = argv[1], argv[2:]
    vals = lo_values(argv)
    for p in argv:
        st = structure_openpyxl(p) if mode == 'openpyxl' else None
        print('wrote', write(p, build(p, vals[p], st)))


if __name__ == '__main__':
    main(sys.argv[1:])
