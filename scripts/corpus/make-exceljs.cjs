// exceljs producer files: the ledger through the in-memory Workbook (shared strings) and through the
// streaming WorkbookWriter without shared strings (inline strings). Usage: node make-exceljs.cjs OUTDIR
const path = require('path');
const ExcelJS = require('exceljs');
const ledger = require('./ledger.json');

const out = process.argv[2];

function fill(wb) {
  for (const sh of ledger.sheets) {
    const ws = wb.addWorksheet(sh.name, sh.hidden ? { state: 'hidden' } : {});
    for (const e of sh.cells) {
      const [addr, kind, v] = e;
      const cell = ws.getCell(addr);
      if (kind === 'd') {
        cell.value = new Date(v + 'T00:00:00Z');
        cell.numFmt = e[3];
      } else if (kind === 'f') {
        cell.value = { formula: v, result: e[3] };
        if (e[4]) cell.numFmt = e[4];
      } else if (kind === 'fe') {
        cell.value = { formula: v, result: { error: e[3] } };
      } else {
        cell.value = v;
        if (e[3]) cell.numFmt = e[3];
      }
    }
    for (const m of sh.merges ?? []) ws.mergeCells(m);
    for (const r of sh.hiddenRows ?? []) ws.getRow(r).hidden = true;
    if (ws.commit) {
      const last = Math.max(...sh.cells.map((e) => Number(/\d+$/.exec(e[0])[0])));
      for (let r = 1; r <= last; r++) ws.getRow(r).commit();
      ws.commit();
    }
  }
}

(async () => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'corpus';
  fill(wb);
  await wb.xlsx.writeFile(path.join(out, 'exceljs.xlsx'));

  const sw = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path.join(out, 'exceljs-stream.xlsx'),
    useSharedStrings: false,
    useStyles: true,
  });
  fill(sw);
  await sw.commit();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
