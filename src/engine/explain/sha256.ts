/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, synchronous and incremental, for the run record's
 * fingerprint of the ledger data. The engine runs synchronously in Node and in the task pane, so neither
 * Node's crypto nor WebCrypto (asynchronous) will do. Text is fed as UTF-8 without building one big string.
 */

// Int32Array, not Uint32Array: values above 2^31 read from a Uint32Array are doubles, which makes V8
// leave the fast small-integer path in compress() (about 3× slower).
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const ENCODER: TextEncoder | undefined = typeof TextEncoder === 'function' ? new TextEncoder() : undefined;

export class Sha256 {
  private readonly h = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  private readonly block = new Uint8Array(64);
  private readonly w = new Int32Array(64);
  private used = 0;
  /** Bytes hashed so far (a double holds any realistic length exactly). */
  private length = 0;
  private done = false;
  private scratch = new Uint8Array(0);

  private byte(b: number): void {
    this.block[this.used++] = b;
    this.length++;
    if (this.used === 64) {
      this.compress();
      this.used = 0;
    }
  }

  update(bytes: Uint8Array): this {
    const block = this.block;
    let i = 0;
    // Top up a partial block, then whole blocks straight from the input.
    while (this.used !== 0 && i < bytes.length) this.byte(bytes[i++]!);
    for (; i + 64 <= bytes.length; i += 64) {
      block.set(bytes.subarray(i, i + 64));
      this.compress();
      this.length += 64;
    }
    while (i < bytes.length) this.byte(bytes[i++]!);
    return this;
  }

  /** Feed `text` as UTF-8 (a lone surrogate becomes U+FFFD, as TextEncoder does). */
  updateText(text: string): this {
    // The platform's encoder where there is one (Node, every current browser): several times faster.
    if (ENCODER) {
      // Into one reused buffer (3 bytes per UTF-16 unit at most): no new array per call.
      if (this.scratch.length < text.length * 3) this.scratch = new Uint8Array(text.length * 3);
      const { written } = ENCODER.encodeInto(text, this.scratch);
      return this.update(this.scratch.subarray(0, written));
    }
    return this.updateTextSlowly(text);
  }

  /**
   * UTF-8 encoding by hand, straight into the block: for many short strings (no array per call; the
   * fingerprint's lines) and for a webview without TextEncoder (Internet Explorer 11 in Excel 2016/2019).
   */
  updateTextSlowly(text: string): this {
    // Hot at city scale (megabytes of records): bytes go straight into the block, no call per byte.
    const block = this.block;
    let used = this.used;
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      let n: number;
      let b0: number;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      if (c < 0x80) {
        n = 1;
        b0 = c;
      } else if (c < 0x800) {
        n = 2;
        b0 = 0xc0 | (c >> 6);
        b1 = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const next = text.charCodeAt(i + 1);
          if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
            i++;
          } else c = 0xfffd;
        }
        if (c >= 0x10000) {
          n = 4;
          b0 = 0xf0 | (c >> 18);
          b1 = 0x80 | ((c >> 12) & 63);
          b2 = 0x80 | ((c >> 6) & 63);
          b3 = 0x80 | (c & 63);
        } else {
          n = 3;
          b0 = 0xe0 | (c >> 12);
          b1 = 0x80 | ((c >> 6) & 63);
          b2 = 0x80 | (c & 63);
        }
      }
      bytes += n;
      if (used + n <= 64) {
        block[used++] = b0;
        if (n > 1) block[used++] = b1;
        if (n > 2) block[used++] = b2;
        if (n > 3) block[used++] = b3;
        if (used === 64) {
          this.compress();
          used = 0;
        }
      } else {
        const all = [b0, b1, b2, b3];
        for (let k = 0; k < n; k++) {
          block[used++] = all[k]!;
          if (used === 64) {
            this.compress();
            used = 0;
          }
        }
      }
    }
    this.used = used;
    this.length += bytes;
    return this;
  }

  /** The digest as 64 lowercase hex digits. The hasher cannot be used afterwards. */
  hex(): string {
    if (this.done) throw new Error('Sha256: digest already taken');
    this.done = true;
    const bits = this.length * 8;
    this.byte(0x80);
    while (this.used !== 56) this.byte(0);
    const high = Math.floor(bits / 0x1_0000_0000);
    for (const word of [high, bits >>> 0]) for (let s = 24; s >= 0; s -= 8) this.byte((word >>> s) & 255);
    let out = '';
    for (const v of this.h) out += (v >>> 0).toString(16).padStart(8, '0');
    return out;
  }

  private compress(): void {
    const { w, block, h } = this;
    for (let i = 0; i < 16; i++) w[i] = (block[i * 4]! << 24) | (block[i * 4 + 1]! << 16) | (block[i * 4 + 2]! << 8) | block[i * 4 + 3]!;
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, k = h[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (k + S1 + ch + K[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
    h[5] = (h[5]! + f) | 0;
    h[6] = (h[6]! + g) | 0;
    h[7] = (h[7]! + k) | 0;
  }
}

export function sha256Hex(text: string): string {
  return new Sha256().updateText(text).hex();
}
