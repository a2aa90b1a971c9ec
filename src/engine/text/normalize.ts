/** Text normalisation shared by header matching, names and value parsing. */

// \s covers the full-width space U+3000 and NBSP in JS regexes; zero-width characters come from copy-paste.
const WHITESPACE = /(?:\s|\u200b|\u200c|\u200d|\ufeff)+/g;
const HAS_WHITESPACE = /\s|\u200b|\u200c|\u200d|\ufeff/;
const BRACKETED = /（[^（）]*）|\([^()]*\)|【[^【】]*】|\[[^[\]]*\]/g;

/** Removes every kind of white space: `张　三` → `张三`. */
export function stripSpaces(text: string): string {
  // Most names have no space at all: test first so they are returned without a copy.
  return HAS_WHITESPACE.test(text) ? text.replace(WHITESPACE, '') : text;
}

/** A header cell reduced for synonym matching: no white space, no bracketed units. `笔记字数\n（字）` → `笔记字数`. */
export function headerKey(text: string): string {
  return stripSpaces(toHalfWidth(text)).replace(BRACKETED, '');
}

/** Full-width digits and punctuation to ASCII, for numbers and dates written in an IME: `１２，０００` → `12,000`. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * True when the first character is certainly visible: printable ASCII or a CJK ideograph. A quick test
 * that lets the hot paths (blank cells, footer rows) skip trimming or iterating most cells; false
 * means "look closer", not "invisible".
 */
export function startsVisibly(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff);
}
