"""The shared ledger content (ledger.json) for the python producer scripts."""
import datetime
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
LEDGER = json.load(open(os.path.join(HERE, 'ledger.json'), encoding='utf-8'))


def day(iso):
    return datetime.datetime.strptime(iso, '%Y-%m-%d')


def rc(addr):
    """'C4' -> (row 4, col 3), 1-based."""
    letters = ''.join(ch for ch in addr if ch.isalpha())
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(addr[len(letters):]), col


def rows_of(sheet):
    """{row: [(col, entry)]} sorted, for producers that write row by row."""
    rows = {}
    for e in sheet['cells']:
        r, c = rc(e[0])
        rows.setdefault(r, []).append((c, e))
    return {r: sorted(v, key=lambda x: x[0]) for r, v in sorted(rows.items())}
