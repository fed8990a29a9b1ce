/**
 * The pane decodes .msg strings with src/mail/iconvShim.ts instead of iconv-lite (webpack alias):
 * it must give what iconv-lite gives for the code pages Outlook writes.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import shim from '../../src/mail/iconvShim';

const SINGLE_BYTE = [
  'windows-1252',
  'cp1252',
  'win1250',
  'cp1251',
  'windows-1253',
  'cp874',
  'latin1',
  'binary',
];

describe('the iconv-lite stand-in of the pane', () => {
  it.each(SINGLE_BYTE)('decodes every byte that %s defines as iconv-lite does', (encoding) => {
    for (let byte = 0; byte < 256; byte++) {
      const expected = iconv.decode(Buffer.of(byte), encoding);
      // Bytes a code page leaves undefined: iconv-lite gives U+FFFD, TextDecoder a C1 control.
      if (expected === '\ufffd' && !/1252/.test(encoding)) continue;
      expect([byte, shim.decode(Uint8Array.of(byte), encoding)]).toEqual([byte, expected]);
    }
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(shim.decode(all, encoding)).toHaveLength(256);
  });

  it('decodes UTF-16LE and UTF-8 text as iconv-lite does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const utf16 = new Uint8Array(iconv.encode(text, 'utf16le'));
        expect(shim.decode(utf16, 'utf16le')).toBe(text);
        expect(shim.decode(utf16, 'ucs2')).toBe(text);
        expect(shim.decode(new TextEncoder().encode(text), 'utf-8')).toBe(text);
      }),
    );
  });

  it('decodes the double-byte code pages of East Asian Outlook as iconv-lite does', () => {
    for (const [encoding, text] of [
      ['shift_jis', '配信できませんでした'],
      ['gbk', '邮件无法送达'],
      ['big5', '郵件無法傳遞'],
      ['euc-kr', '메일을 전달할 수 없습니다'],
    ] as const) {
      const bytes = new Uint8Array(iconv.encode(text, encoding));
      expect(shim.decode(bytes, encoding)).toBe(text);
    }
  });

  it('refuses to write anything but UTF-8', () => {
    expect(Array.from(shim.encode('é', 'utf8'))).toEqual([0xc3, 0xa9]);
    expect(() => shim.encode('é', 'cp1252')).toThrow(/not supported/);
  });
});
