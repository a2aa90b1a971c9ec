#!/usr/bin/python3
"""pandas DataFrame.to_excel producer files, with the openpyxl and the xlsxwriter engine. The header row and
data come from DataFrames (startrow=2, index=False); the title, 填报单位 line, merge, hidden row and hidden
sheet are added through writer.sheets, as a pandas user would. Formulas are '=...' strings: openpyxl writes
them without a cached value, xlsxwriter with a cached 0."""
import sys
import pandas as pd
from ledger import LEDGER, day, rc

out = sys.argv[1]


def frame(sh, header_row):
    cells = {}
    for e in sh['cells']:
        r, c = rc(e[0])
        kind = e[1]
        v = day(e[2]) if kind == 'd' else ('=' + e[2] if kind in ('f', 'fe') else e[2])
        cells[(r, c)] = v
    last_row = max(r for r, _ in cells)
    last_col = max(c for _, c in cells)
    cols = [cells.get((header_row, c), f'列{c}') for c in range(1, last_col + 1)]
    data = [[cells.get((r, c)) for c in range(1, last_col + 1)] for r in range(header_row + 1, last_row + 1)]
    return pd.DataFrame(data, columns=cols), cells


for engine in ('openpyxl', 'xlsxwriter'):
    path = f'{out}/pandas-{engine}.xlsx'
    with pd.ExcelWriter(path, engine=engine, datetime_format='yyyy"年"m"月"d"日"', date_format='yyyy-mm-dd') as xw:
        for i, sh in enumerate(LEDGER['sheets']):
            header_row = 3 if i == 0 else 1
            df, cells = frame(sh, header_row)
            df.to_excel(xw, sheet_name=sh['name'], startrow=header_row - 1, index=False)
            ws = xw.sheets[sh['name']]
            above = {k: v for k, v in cells.items() if k[0] < header_row}
            if engine == 'openpyxl':
                for (r, c), v in above.items():
                    ws.cell(row=r, column=c, value=v)
                for m in sh.get('merges', []):
                    ws.merge_cells(m)
                for r in sh.get('hiddenRows', []):
                    ws.row_dimensions[r].hidden = True
                if sh.get('hidden'):
                    ws.sheet_state = 'hidden'
            else:
                merges = {rc(m.split(':')[0]): m for m in sh.get('merges', [])}
                for (r, c), v in above.items():
                    if (r, c) in merges:
                        ws.merge_range(merges[(r, c)], v)
                    else:
                        ws.write(r - 1, c - 1, v)
                for r in sh.get('hiddenRows', []):
                    ws.set_row(r - 1, None, None, {'hidden': True})
                if sh.get('hidden'):
                    ws.hide()
