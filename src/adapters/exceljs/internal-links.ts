/**
 * exceljs 4.4 writes every hyperlink as an external relationship, so an in-workbook link such as
 * `#'学习台账'!E13` gets both `r:id` (pointing at a file named "#'学习台账'!E13") and `location`; Excel
 * then fails to follow it (exceljs issues #749, #3027). These patches make in-workbook links plain
 * `location` links, as Excel itself writes them, and let exceljs read such links back.
 * Applied once, on first import of the exceljs adapter.
 */

interface HyperlinkModel {
  address: string;
  target?: string;
  rId?: string;
  tooltip?: string;
}

interface RelModel {
  Id: string;
  Type?: string;
  Target: string;
  TargetMode?: string;
}

interface SheetModel {
  hyperlinks?: HyperlinkModel[];
  rels?: RelModel[];
  relationships?: RelModel[];
}

type XformMethod = (this: unknown, model: SheetModel, options: unknown) => unknown;

interface WorksheetXformClass {
  prototype: { prepare: XformMethod; reconcile: XformMethod; __internalLinksPatched?: boolean };
}

const HYPERLINK_REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

function patch(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const WorksheetXform = require('exceljs/lib/xlsx/xform/sheet/worksheet-xform') as WorksheetXformClass;
  const proto = WorksheetXform.prototype;
  if (proto.__internalLinksPatched) return;
  proto.__internalLinksPatched = true;

  const prepare = proto.prepare;
  proto.prepare = function prepareWithInternalLinks(model, options) {
    const result = prepare.call(this, model, options);
    const dropped = new Set<string>();
    for (const link of model.hyperlinks ?? []) {
      if (typeof link.target === 'string' && link.target.startsWith('#')) {
        if (link.rId) dropped.add(link.rId);
        link.rId = undefined;
        link.target = link.target.slice(1);
      }
    }
    if (dropped.size > 0 && model.rels) model.rels = model.rels.filter((rel) => !dropped.has(rel.Id));
    return result;
  };

  const reconcile = proto.reconcile;
  proto.reconcile = function reconcileWithInternalLinks(model, options) {
    let n = 0;
    for (const link of model.hyperlinks ?? []) {
      if (!link.rId && typeof link.target === 'string') {
        const id = `internalLink${++n}`;
        (model.relationships ??= []).push({ Id: id, Type: HYPERLINK_REL_TYPE, Target: `#${link.target}` });
        link.rId = id;
      }
    }
    return reconcile.call(this, model, options);
  };
}

patch();

export {};
