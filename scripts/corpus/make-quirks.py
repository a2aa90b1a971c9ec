#!/usr/bin/python3
"""Hand-made .xlsx packages, one tolerance each, written with zipfile from XML strings; and inputs that are
not a readable .xlsx, for the failure kinds. Writes test/fixtures/quirks/.

Every quirk package is opened by LibreOffice (expected.py exports its values; a package LibreOffice cannot
open stops the script); its structure (visibility, merges, hidden rows, 1904) is declared here, since we
wrote the XML. Usage: /usr/bin/python3 scripts/corpus/make-quirks.py
Needs LibreOffice; the encrypted file needs officecrypto-tool (npm install --no-save --prefix /tmp/oct
officecrypto-tool@0.0.19), see encrypt.cjs.
"""
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import expected  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', '..', 'test', 'fixtures', 'quirks')

T = 'http://schemas.openxmlformats.org'
MAIN = f'{T}/spreadsheetml/2006/main'
R = f'{T}/officeDocument/2006/relationships'
PKG = f'{T}/package/2006/relationships'
STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main'
STRICT_R = 'http://purl.oclc.org/ooxml/officeDocument/relationships'
CT = f'{T}/package/2006/content-types'
APP_NS = f'{T}/officeDocument/2006/extended-properties'
VT = f'{T}/officeDocument/2006/docPropsVTypes'
CT_WB = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'
CT_WS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'
CT_SST = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml'
CT_STY = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml'
CT_APP = 'application/vnd.openxmlformats-officedocument.extended-properties+xml'
CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml'
CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml'
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# The content of most quirk files: 台账 with a date column (style 1 = numFmt 14), a formula with its cached
# result, and 第二页 with a boolean and an error. Strings are shared-string indexes unless inline.
STRINGS = ['单位', '日期', '人数', '办公室', '信息中心', '合计', '备注', '已审核：是']
SHEET1 = [  # (row, [(col letter, kind, value, formula)])
    (1, [('A', 's', 0), ('B', 's', 1), ('C', 's', 2)]),
    (2, [('A', 's', 3), ('B', 'd', 44625), ('C', 'n', 12)]),
    (3, [('A', 's', 4), ('B', 'd', 44700), ('C', 'n', 7.5)]),
    (5, [('A', 's', 5), ('C', 'f', 19.5, 'SUM(C2:C3)')]),
]
SHEET2 = [
    (1, [('A', 's', 6), ('B', 's', 7)]),
    (2, [('A', 'b', 1), ('B', 'e', '#N/A')]),
]
INTENT = {  # what the default content means; expected.py's LibreOffice values are checked against it
    '台账': {'A1': '单位', 'B1': '日期', 'C1': '人数', 'A2': '办公室', 'B2': '2022-03-05', 'C2': 12,
             'A3': '信息中心', 'B3': '2022-05-19', 'C3': 7.5, 'A5': '合计', 'C5': 19.5},
    '第二页': {'A1': '备注', 'B1': '已审核：是', 'A2': True, 'B2': '#N/A'},
}


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')


class Opts:
    def __init__(self, **kw):
        self.p = ''              # SpreadsheetML prefix, e.g. 'x:'
        self.main = MAIN
        self.r = R
        self.reltype = f'{T}/officeDocument/2006/relationships'
        self.inline = False      # inline strings, no sharedStrings part
        self.styles = True
        self.docprops = True
        self.no_r = False
        self.wbdir = 'xl'
        self.wbname = 'workbook.xml'
        self.sheetdir = 'worksheets'
        self.sheetnames = ['sheet1.xml', 'sheet2.xml']
        self.sstname = 'sharedStrings.xml'
        self.stylesname = 'styles.xml'
        self.absolute = False
        self.rels_prefix = ''    # e.g. 'ns0:' for workbook.xml.rels
        self.date1904 = False
        self.sheet1 = SHEET1
        self.sheet2 = SHEET2
        self.strings = STRINGS
        self.sheet1_extra = ''   # XML after sheetData (before pageMargins)
        self.sheet1_tail = ''    # XML at the very end (legacyDrawing, tableParts)
        self.sheet1_rels = []    # (id, type suffix, target)
        self.dimension = None
        self.app = None          # replacement docProps/app.xml text
        self.extra_parts = {}    # path -> (content type or None, text)
        self.si_xml = None       # replacement <si> list (raw XML)
        self.__dict__.update(kw)


def rels_xml(rels, prefix=''):
    p = prefix
    ns = f' xmlns:{p[:-1]}="{PKG}"' if p else f' xmlns="{PKG}"'
    body = ''.join(f'<{p}Relationship Id="{i}" Type="{t}" Target="{esc(g)}"/>' for i, t, g in rels)
    return f'{DECL}<{p}Relationships{ns}>{body}</{p}Relationships>'


def cell_xml(o, col, row, kind, value, formula=None):
    p = o.p
    ref = '' if o.no_r else f' r="{col}{row}"'
    if kind == 's':
        if o.inline:
            return f'<{p}c{ref} t="inlineStr"><{p}is><{p}t>{esc(o.strings[value])}</{p}t></{p}is></{p}c>'
        return f'<{p}c{ref} t="s"><{p}v>{value}</{p}v></{p}c>'
    if kind == 'd':
        s = ' s="1"' if o.styles else ''
        v = value - 1462 if o.date1904 else value
        return f'<{p}c{ref}{s}><{p}v>{v}</{p}v></{p}c>'
    if kind == 'n':
        return f'<{p}c{ref}><{p}v>{value}</{p}v></{p}c>'
    if kind == 'b':
        return f'<{p}c{ref} t="b"><{p}v>{value}</{p}v></{p}c>'
    if kind == 'e':
        return f'<{p}c{ref} t="e"><{p}v>{value}</{p}v></{p}c>'
    if kind == 'f':
        return f'<{p}c{ref}><{p}f>{esc(formula)}</{p}f><{p}v>{value}</{p}v></{p}c>'
    if kind == 'raw':
        return value
    raise ValueError(kind)


def sheet_xml(o, rows, extra='', tail='', dimension=None):
    p = o.p
    ns = f'xmlns:{p[:-1]}="{o.main}"' if p else f'xmlns="{o.main}"'
    out = [f'{DECL}<{p}worksheet {ns} xmlns:r="{o.r}">']
    if dimension:
        out.append(f'<{p}dimension ref="{dimension}"/>')
    out.append(f'<{p}sheetData>')
    last = 0
    for row, cells in rows:
        if o.no_r:
            while last + 1 < row:  # rows without r: an empty <row/> keeps the numbering
                out.append(f'<{p}row/>')
                last += 1
        ref = '' if o.no_r else f' r="{row}"'
        out.append(f'<{p}row{ref}>' + ''.join(cell_xml(o, c[0], row, *c[1:]) for c in cells) + f'</{p}row>')
        last = row
    out.append(f'</{p}sheetData>{extra}<{p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>{tail}</{p}worksheet>')
    return ''.join(out)


def build(o, names=('台账', '第二页'), states=(None, None)):
    """{part name: bytes} and the content types, for options o."""
    p = o.p
    parts = {}
    ct = {}
    wbpath = f'{o.wbdir}/{o.wbname}'
    wbrels_dir = f'{o.wbdir}/_rels/{o.wbname}.rels'

    def target(path, base):
        if o.absolute:
            return '/' + path
        return os.path.relpath(path, base) if base else path

    ns = f'xmlns:{p[:-1]}="{o.main}"' if p else f'xmlns="{o.main}"'
    sheets_xml = ''.join(
        f'<{p}sheet name="{esc(n)}" sheetId="{i + 1}"' + (f' state="{s}"' if s else '') + f' r:id="rId{i + 1}"/>'
        for i, (n, s) in enumerate(zip(names, states)))
    pr = f'<{p}workbookPr date1904="1"/>' if o.date1904 else ''
    parts[wbpath] = f'{DECL}<{p}workbook {ns} xmlns:r="{o.r}">{pr}<{p}sheets>{sheets_xml}</{p}sheets></{p}workbook>'
    ct[wbpath] = CT_WB
    wrels = []
    contents = [o.sheet1, o.sheet2]
    for i, n in enumerate(names):
        sp = f'{o.wbdir}/{o.sheetdir}/{o.sheetnames[i]}' if o.sheetdir else f'{o.wbdir}/{o.sheetnames[i]}'
        if i == 0:
            parts[sp] = sheet_xml(o, contents[0], o.sheet1_extra, o.sheet1_tail, o.dimension)
            if o.sheet1_rels:
                d = os.path.dirname(sp)
                parts[f'{d}/_rels/{os.path.basename(sp)}.rels'] = rels_xml(
                    [(i_, f'{o.reltype}/{t}', g) for i_, t, g in o.sheet1_rels])
        else:
            parts[sp] = sheet_xml(o, contents[i])
        ct[sp] = CT_WS
        wrels.append((f'rId{i + 1}', f'{o.reltype}/worksheet', target(sp, o.wbdir)))
    if not o.inline:
        sp = f'{o.wbdir}/{o.sstname}'
        sis = o.si_xml if o.si_xml is not None else ''.join(f'<{p}si><{p}t>{esc(s)}</{p}t></{p}si>' for s in o.strings)
        parts[sp] = f'{DECL}<{p}sst {ns} count="{len(o.strings)}" uniqueCount="{len(o.strings)}">{sis}</{p}sst>'
        ct[sp] = CT_SST
        wrels.append(('rId90', f'{o.reltype}/sharedStrings', target(sp, o.wbdir)))
    if o.styles:
        sp = f'{o.wbdir}/{o.stylesname}'
        parts[sp] = (f'{DECL}<{p}styleSheet {ns}><{p}fonts count="1"><{p}font><{p}sz val="11"/><{p}name val="宋体"/></{p}font></{p}fonts>'
                     f'<{p}fills count="2"><{p}fill><{p}patternFill patternType="none"/></{p}fill><{p}fill><{p}patternFill patternType="gray125"/></{p}fill></{p}fills>'
                     f'<{p}borders count="1"><{p}border/></{p}borders>'
                     f'<{p}cellStyleXfs count="1"><{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></{p}cellStyleXfs>'
                     f'<{p}cellXfs count="2"><{p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
                     f'<{p}xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></{p}cellXfs>'
                     f'</{p}styleSheet>')
        ct[sp] = CT_STY
        wrels.append(('rId91', f'{o.reltype}/styles', target(sp, o.wbdir)))
    parts[wbrels_dir] = rels_xml(wrels, o.rels_prefix)
    top = [('rId1', f'{o.reltype}/officeDocument', '/' + wbpath if o.absolute else wbpath)]
    if o.docprops:
        parts['docProps/app.xml'] = o.app or (f'{DECL}<Properties xmlns="{APP_NS}" xmlns:vt="{VT}">'
                                              '<Application>Microsoft Excel</Application></Properties>')
        ct['docProps/app.xml'] = CT_APP
        top.append(('rId2', f'{T}/officeDocument/2006/relationships/extended-properties',
                    '/docProps/app.xml' if o.absolute else 'docProps/app.xml'))
    parts['_rels/.rels'] = rels_xml(top)
    for path, (ctype, text) in o.extra_parts.items():
        parts[path] = text
        if ctype:
            ct[path] = ctype
    overrides = ''.join(f'<Override PartName="/{esc(k)}" ContentType="{v}"/>' for k, v in ct.items())
    parts['[Content_Types].xml'] = (f'{DECL}<Types xmlns="{CT}"><Default Extension="rels" ContentType="application/'
                                    f'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                                    f'ContentType="application/xml"/>{overrides}</Types>')
    order = ['[Content_Types].xml', '_rels/.rels'] + [k for k in parts if k not in ('[Content_Types].xml', '_rels/.rels')]
    return [(k, parts[k]) for k in order]


def write_zip(path, parts, encode=lambda name, text: text.encode('utf-8'), stream=False):
    if stream:  # a non-seekable stream: zipfile sets bit 3 and writes a data descriptor after each entry
        class Sink(io.RawIOBase):
            def __init__(self):
                self.buf = bytearray()

            def writable(self):
                return True

            def write(self, b):
                self.buf += b
                return len(b)

        sink = Sink()
        with zipfile.ZipFile(sink, 'w', zipfile.ZIP_DEFLATED) as z:
            for name, text in parts:
                info = zipfile.ZipInfo(name, (2022, 3, 5, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                with z.open(info, 'w') as f:
                    f.write(encode(name, text))
        open(path, 'wb').write(bytes(sink.buf))
        return
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, (2022, 3, 5, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, encode(name, text))


# Where LibreOffice's value is wrong and the file format says otherwise, the expectation is corrected here and
# the JSON says so ("correctedFromLibreOffice"): LibreOffice drops the CR that _x000D_ encodes (ECMA-376 Part 1,
# 22.4.2.4 / 22.9.2.19 ST_Xstring: _xHHHH_ is the character U+HHHH), so a CR LF pair reads as a bare LF there.
CORRECTIONS = {'x000d-escapes.xlsx': {'第二页': {'A1': '第一行\r\n第二行'}}}

QUIRKS = []  # (file, description, parts, structure, intent override or None, extra expected keys)


def quirk(file, description, parts, structure=None, intent=None, extra=None, **zipkw):
    QUIRKS.append((file, description, parts, structure or {}, intent, extra or {}, zipkw))


def plain_structure(names=('台账', '第二页'), hidden=(False, False), date1904=False):
    return {'date1904': date1904, 'sheets': {n: {'hidden': h, 'merges': [], 'hiddenRows': []} for n, h in zip(names, hidden)}}


def define():
    quirk('x-prefix.xlsx', 'x:-prefixed SpreadsheetML in workbook, sheets, sharedStrings and styles (ClosedXML)',
          build(Opts(p='x:')), plain_structure())

    quirk('ns0-rels.xlsx', 'workbook.xml.rels with an ns0: prefix (re-serialised by Python xml.etree)',
          build(Opts(rels_prefix='ns0:')), plain_structure())

    app = (f'{DECL}<properties:Properties xmlns:properties="{APP_NS}" xmlns:vt="{VT}">'
           '<properties:Application>腾讯文档</properties:Application><properties:HeadingPairs><vt:vector size="2" '
           'baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4>'
           '</vt:variant></vt:vector></properties:HeadingPairs></properties:Properties>')
    quirk('prefixed-app-props.xlsx', 'docProps/app.xml with properties: and vt: prefixes (as Tencent Docs writes it)',
          build(Opts(app=app)), plain_structure(), extra={'application': '腾讯文档'})

    comments = (f'{DECL}<comments xmlns="{MAIN}"><authors><author>人事科</author></authors><commentList>'
                '<comment ref="A2" authorId="0"><text><r><t>请核对</t></r></text></comment></commentList></comments>')
    table = (f'{DECL}<table xmlns="{MAIN}" id="1" name="表1" displayName="表1" ref="A1:C3"><autoFilter ref="A1:C3"/>'
             '<tableColumns count="3"><tableColumn id="1" name="单位"/><tableColumn id="2" name="日期"/>'
             '<tableColumn id="3" name="人数"/></tableColumns><tableStyleInfo name="TableStyleMedium2" '
             'showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>')
    quirk('comments-table.xlsx', 'comments at xl/comments/comment1.xml and a table at the absolute target /xl/tables/table1.xml',
          build(Opts(sheet1_rels=[('rId1', 'comments', '../comments/comment1.xml'), ('rId2', 'table', '/xl/tables/table1.xml')],
                     sheet1_tail='<tableParts count="1"><tablePart r:id="rId2"/></tableParts>',
                     extra_parts={'xl/comments/comment1.xml': (CT_COMMENTS, comments), 'xl/tables/table1.xml': (CT_TABLE, table)})),
          plain_structure())

    quirk('workbook-outside-xl.xlsx', 'workbook at /book/workbook.xml, sheets under book/sheets/',
          build(Opts(wbdir='book', sheetdir='sheets')), plain_structure())

    quirk('numbers-sheet-names.xlsx', 'first worksheet part named sheet.xml, then sheet2.xml (Apple Numbers)',
          build(Opts(sheetnames=['sheet.xml', 'sheet2.xml'])), plain_structure())

    quirk('no-r-attributes.xlsx', 'rows and cells without r attributes (an empty <row/> keeps row 4 empty)',
          build(Opts(no_r=True, sheet1=[(1, SHEET1[0][1]), (2, SHEET1[1][1]), (3, SHEET1[2][1]),
                                        (5, [('A', 's', 5), ('B', 'raw', '<c/>'), ('C', 'f', 19.5, 'SUM(C2:C3)')])])),
          plain_structure())

    def utf16(name, text):
        if name.endswith('.xml') or name.endswith('.rels'):
            return b'\xff\xfe' + text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode('utf-16-le')
        return text.encode('utf-8')
    quirk('utf16.xlsx', 'every XML part UTF-16LE with a byte order mark (Windows Phone Office)',
          build(Opts()), plain_structure(), encode=utf16)

    parts = build(Opts(wbdir='XL', wbname='Workbook.xml', sheetdir='Worksheets', sheetnames=['Sheet1.XML', 'Sheet2.XML'],
                       sstname='SharedStrings.xml', stylesname='Styles.xml'))
    quirk('odd-case-names.xlsx', 'upper-case part names: XL/Workbook.xml, XL/Worksheets/Sheet1.XML, with matching rels',
          parts, plain_structure())

    quirk('absolute-targets.xlsx', 'every relationship target absolute (/xl/worksheets/sheet1.xml)',
          build(Opts(absolute=True)), plain_structure())

    quirk('strict.xlsx', 'Strict Open XML: purl.oclc.org namespaces for SpreadsheetML, r: and relationship types',
          build(Opts(main=STRICT_MAIN, r=STRICT_R, reltype='http://purl.oclc.org/ooxml/officeDocument/relationships')),
          plain_structure())

    quirk('inline-only.xlsx', 'inline strings only: no sharedStrings, no styles, no docProps (dates are plain numbers)',
          build(Opts(inline=True, styles=False, docprops=False)), plain_structure(),
          intent={'台账': {**INTENT['台账'], 'B2': 44625, 'B3': 44700}, '第二页': INTENT['第二页']})

    quirk('data-descriptors.xlsx', 'zip written to a non-seekable stream: bit 3 set, sizes 0 in local headers, data descriptors',
          build(Opts()), plain_structure(), stream=True)

    whole = ('<conditionalFormatting sqref="A:XFD"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan">'
             '<formula>0</formula></cfRule></conditionalFormatting><dataValidations count="1"><dataValidation type="list" '
             'allowBlank="1" showErrorMessage="1" sqref="A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>')
    quirk('whole-sheet-ranges.xlsx', 'dimension A1:XFD1048576, conditional formatting on A:XFD, data validation on A1:XFD1048576',
          build(Opts(dimension='A1:XFD1048576', sheet1_extra=whole)), plain_structure(), extra={'maxMilliseconds': 1000})

    quirk('date1904.xlsx', '1904 date system (workbookPr date1904="1"), date cells as 1904 serials',
          build(Opts(date1904=True)), plain_structure(date1904=True))

    quirk('last-row.xlsx', 'a stray value at row 1048576 (A1048576)',
          build(Opts(strings=STRINGS + ['末行'], sheet1=SHEET1 + [(1048576, [('A', 's', 8)])])), plain_structure(),
          intent={'台账': {**INTENT['台账'], 'A1048576': '末行'}, '第二页': INTENT['第二页']}, extra={'maxMilliseconds': 1000})

    sis = ''.join(f'<si><t>{esc(s)}</t></si>' for s in STRINGS[:6]) + (
        '<si><t xml:space="preserve">第一行_x000D_\n第二行</t></si>'
        '<si><t>制表_x0009_符与_x005F_x0041_字面</t></si>')
    quirk('x000d-escapes.xlsx', 'shared strings with _x000D_, _x0009_ escapes and an escaped escape _x005F_x0041_',
          build(Opts(si_xml=sis)), plain_structure(), intent=None)

    sis = ''.join(f'<si><t>{esc(s)}</t></si>' for s in STRINGS[:6]) + (
        '<si><r><t>张</t></r><r><rPr><b/></rPr><t>三</t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh>'
        '<rPh sb="1" eb="2"><t>さん</t></rPh><phoneticPr fontId="0" type="noConversion"/></si>'
        '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="0"/></si>')
    quirk('phonetic.xlsx', 'shared strings with phonetic <rPh> runs, one of them rich text: the reading is not part of the value',
          build(Opts(si_xml=sis)), plain_structure(),
          intent={'台账': INTENT['台账'], '第二页': {'A1': '张三', 'B1': '漢字', 'A2': True, 'B2': '#N/A'}})


def lo_convert(src, fmt, outdir):
    subprocess.run(['soffice', f'-env:UserInstallation={expected.PROFILE}', '--headless', '--convert-to', fmt,
                    '--outdir', outdir, src], capture_output=True, timeout=300, check=True)


def failures(tmp):
    """Inputs that must fail, and their failure kind."""
    src = os.path.join(OUT, 'x-prefix.xlsx')
    good = open(os.path.join(OUT, 'absolute-targets.xlsx'), 'rb').read()
    kinds = {}
    # a real password-protected .xlsx (OLE compound file with EncryptionInfo / EncryptedPackage)
    subprocess.run(['node', os.path.join(HERE, 'encrypt.cjs'), src, os.path.join(OUT, 'fail-encrypted.xlsx')], check=True)
    kinds['fail-encrypted.xlsx'] = 'encrypted'
    # a real Excel 97-2003 workbook, and an .ods, both by LibreOffice
    lo_convert(src, 'xls:MS Excel 97', tmp)
    shutil.copy(os.path.join(tmp, 'x-prefix.xls'), os.path.join(OUT, 'fail-legacy.xls'))
    kinds['fail-legacy.xls'] = 'legacy-xls'
    lo_convert(src, 'ods', tmp)
    shutil.copy(os.path.join(tmp, 'x-prefix.ods'), os.path.join(OUT, 'fail-opendocument.ods'))
    kinds['fail-opendocument.ods'] = 'ods'
    # an HTML table saved with an .xlsx name (what some web systems export)
    html = ('<html><head><meta charset="utf-8"></head><body><table border="1"><tr><th>单位</th><th>人数</th></tr>'
            '<tr><td>办公室</td><td>12</td></tr></table></body></html>\n')
    open(os.path.join(OUT, 'fail-html-table.xlsx'), 'w', encoding='utf-8').write(html)
    kinds['fail-html-table.xlsx'] = 'not-xlsx'
    # the first half of a valid package (an interrupted download)
    open(os.path.join(OUT, 'fail-truncated.xlsx'), 'wb').write(good[:len(good) // 2])
    kinds['fail-truncated.xlsx'] = 'corrupt'
    # a zip that is not an Office package
    with zipfile.ZipFile(os.path.join(OUT, 'fail-plain-zip.xlsx'), 'w') as z:
        z.writestr('readme.txt', '这不是工作簿\n')
    kinds['fail-plain-zip.xlsx'] = 'not-xlsx'
    # a workbook whose only sheet is a chart sheet
    o = Opts()
    parts = dict(build(o, names=('图表',), states=(None,)))
    del parts['xl/worksheets/sheet1.xml']
    parts['xl/chartsheets/sheet1.xml'] = (f'{DECL}<chartsheet xmlns="{MAIN}" xmlns:r="{R}"><sheetViews><sheetView '
                                          'workbookViewId="0"/></sheetViews></chartsheet>')
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels'].replace(
        '/worksheet" Target="worksheets/sheet1.xml"', '/chartsheet" Target="chartsheets/sheet1.xml"')
    parts['[Content_Types].xml'] = parts['[Content_Types].xml'].replace(
        '/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
        '/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml')
    write_zip(os.path.join(OUT, 'fail-chartsheet-only.xlsx'), list(parts.items()))
    kinds['fail-chartsheet-only.xlsx'] = 'no-worksheets'
    return kinds


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.startswith(('fail-',)) or f.endswith(('.xlsx', '.expected.json')):
            os.remove(os.path.join(OUT, f))
    define()
    paths = []
    for file, _, parts, _, _, _, zipkw in QUIRKS:
        path = os.path.join(OUT, file)
        write_zip(path, parts, **zipkw)
        paths.append(path)
    values = expected.lo_values(paths)
    problems = []
    for (file, description, _, structure, intent, extra, _), path in zip(QUIRKS, paths):
        doc = expected.build(path, values[path], structure, {'quirk': description, **extra})
        for sheet in doc['sheets']:
            fix = CORRECTIONS.get(file, {}).get(sheet['name'], {})
            if fix:
                doc['correctedFromLibreOffice'] = {f"{sheet['name']}!{a}": {'libreoffice': sheet['cells'].get(a), 'expected': v}
                                                   for a, v in fix.items()}
                sheet['cells'].update(fix)
        got = {s['name']: s['cells'] for s in doc['sheets']}
        want = intent if intent is not None else (INTENT if file != 'x000d-escapes.xlsx' else None)
        if want is not None and got != want:
            problems.append(f'{file}: LibreOffice read {json.dumps(got, ensure_ascii=False)}')
        expected.write(path, doc)
        print('wrote', file, os.path.getsize(path), 'bytes')
    tmp = tempfile.mkdtemp()
    try:
        kinds = failures(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    with open(os.path.join(OUT, 'failures.json'), 'w', encoding='utf-8') as f:
        json.dump({'_comment': 'Inputs that are not a readable .xlsx and the XlsxReadError failure each must give '
                               '(scripts/corpus/make-quirks.py).', 'files': kinds}, f, ensure_ascii=False, indent=1)
        f.write('\n')
    for p in problems:
        print('CHECK:', p)


if __name__ == '__main__':
    main()
