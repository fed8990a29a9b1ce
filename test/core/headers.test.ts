import { decodeEncodedWords, getHeader, parseHeaderBlock } from '../../src/core/headers';

describe('header blocks', () => {
  it('unfolds continuation lines and keeps the original spelling', () => {
    const { headers } = parseHeaderBlock('Subject: a\n  long subject\nX-Custom-Thing: 1\n\nbody');
    expect(getHeader(headers, 'subject')).toBe('a long subject');
    expect(headers[1]?.originalName).toBe('X-Custom-Thing');
  });

  it('stops at the first line that is not a field', () => {
    const { headers, lineCount } = parseHeaderBlock('From: a@example.com\nThis is text\nTo: b@example.com');
    expect(headers).toHaveLength(1);
    expect(lineCount).toBe(1);
  });

  it('decodes RFC 2047 encoded words, joining adjacent ones', () => {
    expect(decodeEncodedWords('=?iso-8859-1?Q?Non_remis_:_caf=E9?=')).toBe('Non remis : café');
    expect(decodeEncodedWords('=?UTF-8?B?T25iZXN0ZWxiYWFy?= =?UTF-8?B?OiBPZmZlcnRl?=')).toBe(
      'Onbestelbaar: Offerte',
    );
  });

  it('keeps a decoded value on one line: encoded line breaks and controls become spaces', () => {
    expect(decodeEncodedWords('=?UTF-8?Q?Quote=0D=0ABcc=3A=20x=40y=2Eexample?=')).toBe(
      'Quote  Bcc: x@y.example',
    );
  });

  it('leaves words in unknown charsets as they are', () => {
    expect(decodeEncodedWords('=?x-nonsense?Q?abc?=')).toBe('=?x-nonsense?Q?abc?=');
  });
});
