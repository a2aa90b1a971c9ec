// Encrypts an .xlsx with a password (ECMA-376 agile encryption in an OLE compound file), for the
// 'encrypted' failure fixture. LibreOffice 7.4 cannot be told a password on the command line, so this uses
// officecrypto-tool, installed outside the project: npm install --no-save --prefix /tmp/oct officecrypto-tool@0.0.19
// Usage: node encrypt.cjs IN.xlsx OUT.xlsx   (OFFICECRYPTO=path overrides where the package is)
const fs = require('fs');
const oc = require(process.env.OFFICECRYPTO || '/tmp/oct/node_modules/officecrypto-tool');
const [src, dst] = process.argv.slice(2);
const out = oc.encrypt(fs.readFileSync(src), { password: '考核2022' });
if (!oc.isEncrypted(out)) throw new Error('not encrypted');
fs.writeFileSync(dst, out);
