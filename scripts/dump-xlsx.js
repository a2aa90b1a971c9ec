const ExcelJS = require('exceljs');
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  for (const ws of wb.worksheets) {
    console.log('=== SHEET', ws.name, 'state', ws.state, 'dims', ws.dimensions && ws.dimensions.address, 'merges', JSON.stringify(ws.model.merges));
    const max = +process.argv[3] || 15;
    ws.eachRow({includeEmpty:true}, (row, r) => {
      if (r > max) return;
      const vals = [];
      row.eachCell({includeEmpty:true}, (c) => vals.push(c.address + '=' + JSON.stringify(c.value) ));
      console.log(r, row.hidden ? '(hidden)' : '', vals.join(' | '));
    });
  }
})();
