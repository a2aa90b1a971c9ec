/**
 * Bytes of an XML part to text, chunk by chunk. Office writes UTF-8, but Excel on Windows Phone wrote
 * UTF-16 parts, and some tools add a BOM or declare another encoding; the encoding is decided from the
 * first bytes (BOM, the shape of `<?xml`, then the declaration) as the XML specification's appendix F says.
 */

/** Enough bytes to see a BOM and an XML declaration. */
const SNIFF_BYTES = 512;

function sniffEncoding(head: Uint8Array): string {
  const [a, b, c] = [head[0], head[1], head[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  if (a === 0x3c && b === 0x00) return 'utf-16le';
  if (a === 0x00 && b === 0x3c) return 'utf-16be';
  // ASCII-compatible: the declaration names the encoding, if any.
  let decl = '';
  for (let i = 0; i < head.length && i < SNIFF_BYTES; i++) {
    decl += String.fromCharCode(head[i]!);
    if (head[i] === 0x3e) break; // '>' ends the declaration
  }
  const named = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(decl)?.[1]?.toLowerCase();
  // A UTF-16 declaration on 8-bit bytes is a lie the bytes already answered; anything unknown is UTF-8.
  if (named === undefined || named.startsWith('utf-16') || named === 'utf-8' || named === 'utf8') return 'utf-8';
  try {
    new TextDecoder(named);
    return named;
  } catch {
    return 'utf-8';
  }
}

export class TextStream {
  private decoder: TextDecoder | undefined;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  constructor(private readonly emit: (text: string) => void) {}

  push(chunk: Uint8Array): void {
    if (this.decoder) {
      const text = this.decoder.decode(chunk, { stream: true });
      if (text) this.emit(text);
      return;
    }
    // Chunks are views the zip reader may reuse: keep copies until the encoding is known.
    this.pending.push(chunk.slice());
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= SNIFF_BYTES) this.start();
  }

  end(): void {
    if (!this.decoder) this.start();
    const text = this.decoder!.decode();
    if (text) this.emit(text);
  }

  private start(): void {
    const head = new Uint8Array(this.pendingBytes);
    let p = 0;
    for (const c of this.pending) {
      head.set(c, p);
      p += c.length;
    }
    this.pending = [];
    // The default (ignoreBOM false) drops a leading BOM of the decoder's own encoding.
    this.decoder = new TextDecoder(sniffEncoding(head));
    const text = this.decoder.decode(head, { stream: true });
    if (text) this.emit(text);
  }
}

/** A whole part as text (decoding at once is about twice as fast as decoding in a stream). */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder(sniffEncoding(bytes.subarray(0, SNIFF_BYTES))).decode(bytes);
}
