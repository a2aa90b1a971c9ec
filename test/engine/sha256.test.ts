import { createHash } from 'crypto';
import { Sha256, sha256Hex } from '../../src/engine/explain/sha256';

describe('SHA-256 in plain TypeScript', () => {
  test.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('FIPS 180-4 vector %#', (input, digest) => {
    expect(sha256Hex(input)).toBe(digest);
  });

  test('one million "a" (FIPS 180-4), fed in pieces', () => {
    const h = new Sha256();
    const chunk = 'a'.repeat(1000);
    for (let i = 0; i < 1000; i++) h.updateText(chunk);
    expect(h.hex()).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  test('UTF-8 text, surrogate pairs and lengths around the 56/64-byte padding edge agree with Node crypto', () => {
    const samples = ['学习台账', '张　三𠀋', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(63), 'x'.repeat(64), '中'.repeat(40), '\uD800lone'];
    for (const s of samples) {
      const expected = createHash('sha256').update(Buffer.from(new TextEncoder().encode(s))).digest('hex');
      expect(sha256Hex(s)).toBe(expected);
      // The hand-written encoder (for webviews without TextEncoder) gives the same bytes, also fed in odd pieces.
      expect(new Sha256().updateTextSlowly(s).hex()).toBe(expected);
      const pieces = new Sha256();
      for (let i = 0; i < s.length; i += 7) pieces.updateTextSlowly(s.slice(i, i + 7));
      if (!/[\uD800-\uDFFF]/.test(s)) expect(pieces.hex()).toBe(expected);
    }
    const long = '学习台账 row 12;'.repeat(500);
    const mixed = new Sha256().updateText(long.slice(0, 101)).updateTextSlowly(long.slice(101, 2000)).updateText(long.slice(2000));
    expect(mixed.hex()).toBe(createHash('sha256').update(long, 'utf8').digest('hex'));
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) & 255);
    expect(new Sha256().update(bytes).hex()).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
