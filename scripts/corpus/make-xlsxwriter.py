#!/usr/bin/python3
"""xlsxwriter producer files: the ledger with shared strings, the ledger in constant_memory mode (inline
strings, rows streamed), and extras (rich strings). Formulas carry their cached results."""
import sys
import xlsxwriter
from ledger import LEDGER, day, rows_of

out = sys.argv[1]


def write_ledger(wb, rich=False):
    fmts = {}

    def fmt(code):
        if code is None:
            return None
        if code not in fmts:
            fmts[code] = wb.add_format({'num_format': code})
        return fmts[code]

    for sh in LEDGER['sheets']:
        ws = wb.add_worksheet(sh['name'])
        hidden_rows = set(sh.get('hiddenRows', []))
        merges = {m.split(':')[0]: m for m in sh.get('merges', [])}
        for r, ents in rows_of(sh).items():
            if r in hidden_rows:
                ws.set_row(r - 1, None, None, {'hidden': True})
            for c, e in ents:
                addr, kind = e[0], e[1]
                if addr in merges:
                    ws.merge_range(merges[addr], e[2])
                elif kind == 's':
                    ws.write_string(addr, e[2])
                elif kind == 'n':
                    ws.write_number(addr, e[2], fmt(e[3] if len(e) > 3 else None))
                elif kind == 'b':
                    ws.write_boolean(addr, e[2])
                elif kind == 'd':
                    ws.write_datetime(addr, day(e[2]), fmt(e[3]))
                elif kind == 'f':
                    ws.write_formula(addr, '=' + e[2], fmt(e[4] if len(e) > 4 else None), e[3])
                elif kind == 'fe':
                    ws.write_formula(addr, '=' + e[2], None, e[3])
        if rich and sh['name'] == '学习台账':
            bold = wb.add_format({'bold': True})
            red = wb.add_format({'font_color': 'red'})
            ws.write_rich_string('E1', bold, '评价', red, '（推荐）')
            ws.write_rich_string('E2', '优秀', red, '★')
        if sh.get('hidden'):
            ws.hide()


wb = xlsxwriter.Workbook(f'{out}/xlsxwriter.xlsx')
write_ledger(wb)
wb.close()

wb = xlsxwriter.Workbook(f'{out}/xlsxwriter-constmem.xlsx', {'constant_memory': True})
write_ledger(wb)
wb.close()

wb = xlsxwriter.Workbook(f'{out}/xlsxwriter-richtext.xlsx')
write_ledger(wb, rich=True)
wb.close()
