#!/usr/bin/python3
"""openpyxl producer files: the ledger (normal and write-only), an extras file, a 1904 file.
openpyxl writes formulas without a cached value and errors as t="e" cells."""
import sys
import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from ledger import LEDGER, day, rc

out = sys.argv[1]


def value_of(e):
    kind = e[1]
    if kind == 'd':
        return day(e[2]), e[3]
    if kind == 'f':
        return '=' + e[2], (e[4] if len(e) > 4 else None)
    if kind == 'fe':
        return '=' + e[2], None
    return e[2], (e[3] if len(e) > 3 else None)


def fill(wb):
    first = True
    for sh in LEDGER['sheets']:
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = sh['name']
        for e in sh['cells']:
            v, fmt = value_of(e)
            cell = ws[e[0]]
            cell.value = v
            if fmt:
                cell.number_format = fmt
        for m in sh.get('merges', []):
            ws.merge_cells(m)
        for r in sh.get('hiddenRows', []):
            ws.row_dimensions[r].hidden = True
        if sh.get('hidden'):
            ws.sheet_state = 'hidden'
    return wb


wb = fill(openpyxl.Workbook())
wb.save(f'{out}/openpyxl.xlsx')

# 1904 date system: same content, serials counted from 1904-01-01
wb = openpyxl.Workbook()
wb.epoch = CALENDAR_MAC_1904
fill(wb).save(f'{out}/openpyxl-1904.xlsx')

# extras: comments, a table, whole-sheet and whole-column data validation
wb = fill(openpyxl.Workbook())
ws = wb['三会一课台账']
ws['B4'].comment = Comment('会议记录已归档', '组织部')
ws['I8'].comment = Comment('请补充说明', '人事科')
st = wb['学习台账']
tab = Table(displayName='学习表', ref='A1:D4')
tab.tableStyleInfo = TableStyleInfo(name='TableStyleMedium9', showRowStripes=True)
st.add_table(tab)
dv = DataValidation(type='list', formula1='"是,否"', allow_blank=True)
dv.add('A1:XFD1048576')
ws.add_data_validation(dv)
dv2 = DataValidation(type='whole', operator='between', formula1='0', formula2='100')
dv2.add('A4:A1048576')
st.add_data_validation(dv2)
wb.save(f'{out}/openpyxl-extras.xlsx')

# write-only (streaming) mode: rows appended in order, no merges or hidden rows afterwards
wb = openpyxl.Workbook(write_only=True)
from ledger import rows_of
for sh in LEDGER['sheets']:
    ws = wb.create_sheet(sh['name'])
    if sh.get('hidden'):
        ws.sheet_state = 'hidden'
    rows = rows_of(sh)
    last = max(rows) if rows else 0
    for r in range(1, last + 1):
        ents = rows.get(r, [])
        width = max((c for c, _ in ents), default=0)
        line = [None] * width
        for c, e in ents:
            v, fmt = value_of(e)
            cell = WriteOnlyCell(ws, value=v)
            if fmt:
                cell.number_format = fmt
            line[c - 1] = cell
        ws.append(line)
wb.save(f'{out}/openpyxl-writeonly.xlsx')
