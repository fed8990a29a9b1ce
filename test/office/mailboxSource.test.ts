import { readItem, type FakeConfig } from '../support/fakeOffice';

const TIMEOUTS = { readTimeoutMs: 200, attachmentTimeoutMs: 200 };
const read = (
  config: FakeConfig,
  timeouts: Parameters<typeof readItem>[1] = TIMEOUTS,
): ReturnType<typeof readItem> => readItem(config, timeouts);

const EML = 'From: postmaster@example.com\r\nSubject: Undeliverable: x\r\n\r\nbody';

describe('reading the current Outlook item', () => {
  it('takes the whole item as EML when Mailbox 1.14 is there', async () => {
    const { result, calls } = await read({
      mailboxVersion: '1.14',
      item: { fileBase64: Buffer.from(EML).toString('base64') },
    });
    expect(result.inputs[0]).toMatchObject({ kind: 'bytes', door: 'file' });
    expect(new TextDecoder().decode((result.inputs[0] as { bytes: Uint8Array }).bytes)).toBe(EML);
    expect(calls).toEqual(['file']);
    expect(result.host?.mailboxVersion).toBe('1.14');
  });

  it('falls back to headers and body when the file API fails with 9020', async () => {
    const { result } = await read({
      mailboxVersion: '1.14',
      item: { fileBase64: '', body: 'text', headers: 'Subject: x' },
      fail: { file: { code: 9020, message: 'Internal error' } },
    });
    expect(result.attempts).toEqual(
      expect.arrayContaining([{ door: 'file', outcome: 'failed', detail: '9020 Internal error' }]),
    );
    expect(result.inputs[0]).toMatchObject({
      kind: 'text',
      door: 'headersBody',
      text: 'text',
      headers: 'Subject: x',
    });
  });

  it('uses headers and body on Mailbox 1.8 and records why the file door was skipped', async () => {
    const { result, calls } = await read({
      mailboxVersion: '1.8',
      item: { body: 'text', headers: 'Subject: x' },
    });
    expect(calls).toEqual(['body', 'headers']);
    expect(result.attempts).toEqual(
      expect.arrayContaining([{ door: 'file', outcome: 'skipped', detail: 'Mailbox 1.14' }]),
    );
    expect(result.inputs[0]).toMatchObject({ door: 'headersBody' });
  });

  it('reads headers and body instead of a whole item over the size limit', async () => {
    const { result } = await read(
      {
        mailboxVersion: '1.14',
        item: { fileBase64: Buffer.from(EML).toString('base64'), body: 'text', headers: 'Subject: x' },
      },
      { readTimeoutMs: 200, attachmentTimeoutMs: 200, maxFileBytes: 10 },
    );
    expect(result.attempts[0]).toEqual({ door: 'file', outcome: 'skipped', detail: 'over 0 MB' });
    expect(result.inputs[0]).toMatchObject({ door: 'headersBody' });
  });

  it('reads the body alone on Mailbox 1.3', async () => {
    const { result, calls } = await read({ mailboxVersion: '1.3', item: { body: 'only text' } });
    expect(calls).toEqual(['body']);
    expect(result.inputs).toEqual([{ kind: 'text', text: 'only text', label: 'item', door: 'body' }]);
  });

  it('treats an empty header string (Sent Items) as no headers', async () => {
    const { result } = await read({ mailboxVersion: '1.8', item: { body: 'text', headers: '' } });
    expect(result.inputs[0]).toMatchObject({ door: 'body' });
  });

  it('reads an attached bounce before the message that carries it', async () => {
    const { result } = await read({
      mailboxVersion: '1.14',
      item: {
        fileBase64: Buffer.from(EML).toString('base64'),
        attachments: [
          { id: 'a1', name: 'Undeliverable: Quote', attachmentType: 'item', format: 'eml', content: EML },
        ],
      },
    });
    expect(result.inputs.map((i) => i.door)).toEqual(['attachment', 'file']);
  });

  it('reads the text of an item that carries a report, to recognise our own admin report', async () => {
    const { result, calls } = await read({
      mailboxVersion: '1.14',
      item: {
        fileBase64: Buffer.from(EML).toString('base64'),
        body: 'Hello admin\n[bounce-explainer:admin-report:1:nl]',
        attachments: [
          { id: 'a1', name: 'Undeliverable: Quote', attachmentType: 'item', format: 'eml', content: EML },
        ],
      },
    });
    expect(calls).toEqual(['attachment', 'body', 'file']);
    expect(result.item?.text).toBe('Hello admin\n[bounce-explainer:admin-report:1:nl]');
  });

  it('reads that text once, also for the body door when the whole item does not answer', async () => {
    const { result, calls } = await read({
      mailboxVersion: '1.14',
      item: {
        body: 'Hello admin',
        headers: 'Subject: x',
        attachments: [
          { id: 'a1', name: 'Undeliverable: Quote', attachmentType: 'item', format: 'eml', content: EML },
        ],
      },
    });
    expect(calls).toEqual(['attachment', 'body', 'file', 'headers']);
    expect(result.inputs.map((i) => i.door)).toEqual(['attachment', 'headersBody']);
  });

  it('does not read the text of an item without an attached report', async () => {
    const { result, calls } = await read({
      mailboxVersion: '1.14',
      item: { fileBase64: Buffer.from(EML).toString('base64'), body: 'text' },
    });
    expect(calls).toEqual(['file']);
    expect(result.item?.text).toBeUndefined();
  });

  it('gives up on an attachment that never answers and still reads the item', async () => {
    const { result } = await read({
      mailboxVersion: '1.14',
      item: {
        fileBase64: Buffer.from(EML).toString('base64'),
        attachments: [{ id: 'a1', name: 'x.eml', attachmentType: 'file' }],
      },
      fail: { attachment: 'hang' },
    });
    expect(result.attempts[0]).toMatchObject({
      door: 'attachment',
      outcome: 'failed',
      detail: expect.stringContaining('timeout'),
    });
    expect(result.inputs.map((i) => i.door)).toEqual(['file']);
  });

  it('reads the draft body in compose mode (the Forward window of a bounce), as text and from HTML', async () => {
    const { result, calls } = await read({
      mode: 'compose',
      item: { body: '<p>forwarded NDR <b>text</b></p>' },
    });
    expect(calls).toEqual(['compose', 'compose']);
    expect(result.inputs).toEqual([
      { kind: 'text', text: '<p>forwarded NDR <b>text</b></p>', label: 'compose', door: 'compose' },
      { kind: 'text', text: 'forwarded NDR text\n', label: 'compose-html', door: 'compose' },
    ]);
  });

  it('reports every API failing without throwing', async () => {
    const { result } = await read({
      mailboxVersion: '1.14',
      item: {},
      fail: { file: { code: 9041, message: 'Permission' }, body: { code: 9020, message: 'Internal error' } },
    });
    expect(result.inputs).toEqual([]);
    expect(result.attempts.map((a) => `${a.door}:${a.outcome}`)).toEqual(['file:failed', 'body:failed']);
  });
});
