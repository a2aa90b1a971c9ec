/**
 * How the splicer compresses the parts it writes and reads the few it edits. The default is fflate (pure
 * JavaScript: the same code runs in Node, the task pane, the web page and its worker); the command line
 * hands in Node's native zlib instead (src/cli/node-zip-codec.ts), several times faster on big results.
 * Both write standard raw DEFLATE, so the parts differ in bytes but never in content.
 */
import { Deflate, inflateSync } from 'fflate';

/** One raw DEFLATE stream, fed in pieces; each piece's output goes to `out` as soon as it is ready. */
export interface RawDeflater {
  push(chunk: Uint8Array, final: boolean): void;
}

export interface ZipCodec {
  deflater(out: (compressed: Uint8Array) => void): RawDeflater;
  inflateRaw(data: Uint8Array): Uint8Array;
}

export const fflateCodec: ZipCodec = {
  deflater(out) {
    // fflate copies each pushed chunk into its own window, so the caller may reuse its buffer.
    const stream = new Deflate({ level: 6 }, (data) => out(data));
    return { push: (chunk, final) => stream.push(chunk, final) };
  },
  inflateRaw: (data) => inflateSync(data),
};
