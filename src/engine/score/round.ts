/**
 * Round half away from zero to `digits` decimals (SPEC 4.6), immune to binary artefacts such as
 * 1.005 being stored as 1.00499999…: the value is first cut to 12 significant digits.
 */
export function roundHalfAwayFromZero(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const clean = Number(Math.abs(value).toPrecision(12));
  const factor = 10 ** digits;
  const rounded = Math.round(clean * factor) / factor;
  return value < 0 ? -rounded : rounded;
}
