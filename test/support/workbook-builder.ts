/** Building small exceljs workbooks from arrays, and round-tripping them through bytes. */
import ExcelJS from 'exceljs';

export type BuilderCell = ExcelJS.CellValue;

export interface SheetSpec {
  name: string;
  rows: BuilderCell[][];
  merges?: string[];
  hiddenRows?: number[];
  hiddenColumns?: number[];
  state?: 'visible' | 'hidden' | 'veryHidden';
}

export function buildWorkbook(sheets: SheetSpec[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    spec.rows.forEach((values, r) => {
      const row = ws.getRow(r + 1);
      values.forEach((v, c) => {
        if (v !== null && v !== undefined) row.getCell(c + 1).value = v;
      });
    });
    for (const m of spec.merges ?? []) ws.mergeCells(m);
    for (const r of spec.hiddenRows ?? []) ws.getRow(r).hidden = true;
    for (const c of spec.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
    if (spec.state) ws.state = spec.state;
  }
  return wb;
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function fromBytes(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  return wb;
}

/** A minimal ledger workbook the engine recognises: one study sheet and one 说明 sheet. */
export function tinyLedgerWorkbook(): ExcelJS.Workbook {
  return buildWorkbook([
    {
      name: '学习台账',
      rows: [
        ['2022年度学习笔记登记表'],
        ['单位', '姓名', '职级', '笔记字数', '心得体会'],
        ['局办公室', '张三', '科员', 12000, 5],
        ['局办公室', '=1+1', '副科长', 16000, 4],
        ['人事科', '李四', '一级科员', 8000, 2],
      ],
      merges: ['A1:E1'],
    },
    { name: '说明', rows: [['本工作簿由各单位报送。']] },
  ]);
}
