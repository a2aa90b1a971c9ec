/**
 * `JSON.stringify(value, null, 2)` in pieces, for writing the report without holding it as one string
 * (13 MB of text for a city's ledgers, on top of the report itself). The top-level object and the arrays
 * in it are written member by member; anything deeper, and any value with a toJSON method, is stringified
 * whole and indented. The pieces joined are exactly JSON.stringify's text.
 */

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function container(value: unknown): value is object {
  return typeof value === 'object' && value !== null && (Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON !== 'function');
}

/** `value` stringified whole, its lines indented by `indent` (JSON text has no raw line breaks in strings). */
function whole(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  return indent === '' ? text : text.replace(/\n/g, `\n${indent}`);
}

function* member(value: unknown, indent: string, depth: number): Generator<string> {
  if (depth < 2 && container(value)) yield* jsonParts(value, indent, depth);
  else yield whole(value, indent);
}

export function* jsonParts(value: unknown, indent = '', depth = 0): Generator<string> {
  if (!container(value)) {
    yield whole(value, indent);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '[' : ','}\n${inner}`;
      yield* member(omitted(value[i]) ? null : value[i], inner, depth + 1);
    }
    yield `\n${indent}]`;
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => !omitted(record[k]));
  if (keys.length === 0) {
    yield '{}';
    return;
  }
  for (let i = 0; i < keys.length; i++) {
    yield `${i === 0 ? '{' : ','}\n${inner}${JSON.stringify(keys[i])}: `;
    yield* member(record[keys[i]!], inner, depth + 1);
  }
  yield `\n${indent}}`;
}
