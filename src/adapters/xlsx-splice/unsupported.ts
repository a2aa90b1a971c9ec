/**
 * The workbook's package has a shape the splicer does not handle (ZIP64, prefixed XML, no styles part…).
 * Not a data problem and not shown to the user: the caller rewrites the whole workbook with exceljs instead.
 */
export class SpliceUnsupported extends Error {
  constructor(readonly reason: string) {
    super(`cannot splice into this workbook: ${reason}`);
    this.name = 'SpliceUnsupported';
  }
}
