/**
 * Office host faults (issue 5), with the same fake office.js the browser test uses: every reading
 * API failing with its real error code, hanging, answering with empty strings, or missing with its
 * requirement set — the source falls back to the next door and records why; a failed roaming save
 * keeps the admin address for the session; a throwing displayNewMessageForm is reported, not thrown.
 */
import type { AdminMail } from '../../src/ui/adminChannel';
import { installOffice, readItem, type FakeConfig } from '../support/fakeOffice';

const EML = 'From: postmaster@example.com\r\nSubject: Undeliverable: x\r\n\r\nbody';
const FILE = Buffer.from(EML).toString('base64');
const TIMEOUTS = { readTimeoutMs: 150, attachmentTimeoutMs: 150 };

const INTERNAL = { code: 9020, name: 'GenericResponseError', message: 'Internal error' };
const PERMISSION = { code: 9041, name: 'PermissionDenied', message: 'Permission denied' };
const NOT_SUPPORTED = {
  code: 9016,
  name: 'AttachmentTypeNotSupported',
  message: 'The attachment type is not supported',
};

const read = (config: FakeConfig): ReturnType<typeof readItem> => readItem(config, TIMEOUTS);

const attempts = (result: { attempts: readonly { door: string; outcome: string; detail?: string }[] }) =>
  result.attempts.map((a) => `${a.door}:${a.outcome}${a.detail ? `:${a.detail}` : ''}`);

describe('reading doors failing one by one', () => {
  it.each([
    ['9020 internal error', INTERNAL, 'file:failed:9020 Internal error'],
    ['9041 permission', PERMISSION, 'file:failed:9041 Permission denied'],
  ])('falls back from the whole file to headers and body on %s', async (_name, failure, why) => {
    const { result } = await read({
      mailboxVersion: '1.14',
      item: { fileBase64: FILE, body: 'body text', headers: 'Subject: x' },
      fail: { file: failure },
    });
    expect(attempts(result)).toEqual([why, 'headersBody:ok']);
    expect(result.inputs).toEqual([
      { kind: 'text', text: 'body text', headers: 'Subject: x', label: 'item', door: 'headersBody' },
    ]);
  });

  it('gives up on a file read that never answers (timeout) and reads headers and body', async () => {
    const { result } = await read({
      mailboxVersion: '1.14',
      item: { fileBase64: FILE, body: 'body text', headers: 'Subject: x' },
      fail: { file: 'hang' },
    });
    expect(attempts(result)[0]).toMatch(/^file:failed:timeout /);
    expect(result.inputs.map((i) => i.door)).toEqual(['headersBody']);
  });

  it('reads the body alone when the headers fail with 9020, and says so', async () => {
    const { result } = await read({
      mailboxVersion: '1.14',
      item: { body: 'body text', headers: 'Subject: x' },
      fail: { file: PERMISSION, headers: INTERNAL },
    });
    expect(attempts(result)).toEqual([
      'file:failed:9041 Permission denied',
      'headersBody:failed:9020 Internal error',
      'body:ok',
    ]);
    expect(result.inputs).toEqual([{ kind: 'text', text: 'body text', label: 'item', door: 'body' }]);
  });

  it('reads the body alone when the headers hang', async () => {
    const { result } = await read({
      mailboxVersion: '1.8',
      item: { body: 'body text', headers: 'Subject: x' },
      fail: { headers: 'hang' },
    });
    expect(attempts(result)).toEqual([
      'file:skipped:Mailbox 1.14',
      expect.stringMatching(/^headersBody:failed:timeout /),
      'body:ok',
    ]);
  });

  it('treats empty headers (Sent Items) as no headers and reads the body', async () => {
    const { result } = await read({ mailboxVersion: '1.8', item: { body: 'body text', headers: '' } });
    expect(result.inputs).toEqual([{ kind: 'text', text: 'body text', label: 'item', door: 'body' }]);
  });

  it('falls back to headers and body when the whole file comes back empty', async () => {
    const { result } = await read({
      mailboxVersion: '1.14',
      item: { fileBase64: '', body: 'body text', headers: 'Subject: x' },
    });
    expect(attempts(result)).toEqual(['file:failed:empty', 'headersBody:ok']);
    expect(result.inputs.map((i) => i.door)).toEqual(['headersBody']);
  });

  it('records each failed door and returns no input (so the pane offers paste) when every API fails', async () => {
    const { result } = await read({
      mailboxVersion: '1.14',
      item: {},
      fail: { file: 'hang', body: INTERNAL },
    });
    expect(result.inputs).toEqual([]);
    expect(attempts(result)).toEqual([
      expect.stringMatching(/^file:failed:timeout /),
      'body:failed:9020 Internal error',
    ]);
  });

  it('skips an attachment Outlook cannot hand over (AttachmentTypeNotSupported) and reads the item', async () => {
    const { result } = await read({
      mailboxVersion: '1.14',
      item: {
        fileBase64: FILE,
        attachments: [
          { id: 'a1', name: 'Undeliverable: Quote', attachmentType: 'item', format: 'eml', content: EML },
        ],
      },
      fail: { attachment: NOT_SUPPORTED },
    });
    expect(result.attempts[0]).toEqual({
      door: 'attachment',
      name: 'Undeliverable: Quote',
      outcome: 'failed',
      detail: '9016 The attachment type is not supported',
    });
    expect(result.inputs.map((i) => i.door)).toEqual(['file']);
  });
});

describe('requirement sets missing', () => {
  it('uses only the body on Mailbox 1.3 and records why the other doors were skipped', async () => {
    const { result, calls } = await read({
      mailboxVersion: '1.3',
      item: {
        body: 'only text',
        headers: 'Subject: x',
        attachments: [{ id: 'a1', name: 'bounce.eml', attachmentType: 'item', content: EML }],
      },
    });
    expect(calls).toEqual(['body']);
    expect(attempts(result)).toEqual([
      'attachment:skipped:Mailbox 1.8',
      'file:skipped:Mailbox 1.14',
      'headersBody:skipped:Mailbox 1.8',
      'body:ok',
    ]);
    expect(result.host?.mailboxVersion).toBe('1.3');
  });

  it('reads the body alone on Outlook mobile (Mailbox 1.5), skipping the attachment and file doors', async () => {
    const { result, calls } = await read({
      mailboxVersion: '1.5',
      hostName: 'OutlookAndroid',
      item: {
        body: 'only text',
        headers: 'Subject: x',
        fileBase64: 'eA==',
        attachments: [{ id: 'a1', name: 'bounce.eml', attachmentType: 'item', content: EML }],
      },
    });
    expect(calls).toEqual(['body']);
    expect(attempts(result)).toEqual([
      'attachment:skipped:Mailbox 1.8',
      'file:skipped:Mailbox 1.14',
      'headersBody:skipped:Mailbox 1.8',
      'body:ok',
    ]);
    expect(result.host).toEqual({ name: 'OutlookAndroid 16.0', mailboxVersion: '1.5' });
  });

  it('says there is no item instead of throwing when the mailbox has none', async () => {
    const { result } = await read({ noMailbox: true });
    expect(result.inputs).toEqual([]);
    expect(attempts(result)).toEqual(['body:skipped:no item selected']);
  });
});

describe('admin channel faults', () => {
  const MAIL: AdminMail = {
    to: 'helpdesk@contoso.example',
    subject: 'Bounce: x',
    html: '<p>x</p>',
    text: 'x',
  };

  it('keeps the address for the session and reports 9057 when roamingSettings cannot save', async () => {
    installOffice({ roaming: {}, fail: { roaming: { code: 9057, message: 'Settings too large' } } });
    const { createRoamingSettingsStore } = await import('../../src/office/adminChannel');
    const store = createRoamingSettingsStore(null);
    expect(store.load().userAddress).toBeNull();
    await expect(store.save('helpdesk@contoso.example')).resolves.toEqual({
      ok: false,
      detail: '9057 Settings too large',
    });
    expect(store.load()).toEqual({ userAddress: 'helpdesk@contoso.example', organisationAddress: null });
  });

  it('does not use a stored address that is not one valid address', async () => {
    for (const stored of [
      'helpdesk@contoso.example; attacker@evil.example',
      'help\u200bdesk@contoso.example',
      42,
    ]) {
      installOffice({ roaming: { adminAddress: stored } });
      const { createRoamingSettingsStore } = await import('../../src/office/adminChannel');
      expect([stored, createRoamingSettingsStore(null).load().userAddress]).toEqual([stored, null]);
    }
    installOffice({ roaming: { adminAddress: 'helpdesk@contoso.example' } });
    const { createRoamingSettingsStore } = await import('../../src/office/adminChannel');
    expect(createRoamingSettingsStore(null).load().userAddress).toBe('helpdesk@contoso.example');
  });

  it('keeps the address when roamingSettings never answers', async () => {
    jest.useFakeTimers();
    try {
      installOffice({ fail: { roaming: 'hang' } });
      const { createRoamingSettingsStore } = await import('../../src/office/adminChannel');
      const store = createRoamingSettingsStore('it@contoso.example');
      const saving = store.save('helpdesk@contoso.example');
      jest.advanceTimersByTime(16_000);
      await expect(saving).resolves.toEqual({ ok: false, detail: expect.stringMatching(/^timeout /) });
      expect(store.load().userAddress).toBe('helpdesk@contoso.example');
    } finally {
      jest.useRealTimers();
    }
  });

  it('names the attached bounce by its subject cut between code points', async () => {
    const subject = `${'x'.repeat(99)}😀 and more`;
    const { scope } = installOffice({ mailboxVersion: '1.14', item: { subject } });
    const { createOfficeAdminChannel } = await import('../../src/office/adminChannel');
    await expect(createOfficeAdminChannel().send(MAIL, { attachCurrentItem: true })).resolves.toEqual({
      ok: true,
      via: 'newMessageForm',
    });
    const sent = scope['__NEW_MESSAGE__'] as { attachments: { name: string }[] };
    expect(sent.attachments[0]?.name).toBe('x'.repeat(99));
  });

  it('reports a throwing displayNewMessageForm as a failed send instead of throwing', async () => {
    const { scope } = installOffice({ mailboxVersion: '1.14', item: { subject: 'FW: x' } });
    const office = scope['Office'] as { context: { mailbox: { displayNewMessageForm: unknown } } };
    office.context.mailbox.displayNewMessageForm = () => {
      throw new Error('htmlBody over 32 KB');
    };
    const { createOfficeAdminChannel } = await import('../../src/office/adminChannel');
    const channel = createOfficeAdminChannel();
    expect(channel.canSend).toBe(true);
    await expect(channel.send(MAIL, { attachCurrentItem: true })).resolves.toEqual({
      ok: false,
      reason: 'failed',
      detail: 'htmlBody over 32 KB',
    });
  });

  it('reports a failing compose draft (9020 on prepend) as a failed send', async () => {
    installOffice({ mode: 'compose', item: { body: 'x', to: [] }, fail: { prepend: INTERNAL } });
    const { createOfficeAdminChannel } = await import('../../src/office/adminChannel');
    await expect(createOfficeAdminChannel().send(MAIL, { attachCurrentItem: false })).resolves.toEqual({
      ok: false,
      reason: 'failed',
      detail: '9020 Internal error',
    });
  });

  it('offers neither form on Outlook mobile, where office.js still defines displayReplyForm (§3.2)', async () => {
    // Outlook on iOS and Android: Mailbox 1.5, and displayReplyForm unsupported in read mode there.
    for (const hostName of ['OutlookIOS', 'OutlookAndroid']) {
      const { calls } = installOffice({ mailboxVersion: '1.5', hostName, item: { subject: 'x' } });
      const { createOfficeAdminChannel } = await import('../../src/office/adminChannel');
      const channel = createOfficeAdminChannel();
      expect([hostName, channel.canSend, channel.canReply]).toEqual([hostName, false, false]);
      await expect(channel.reply?.('<p>x</p>')).resolves.toEqual({ ok: false, reason: 'unsupported' });
      expect(calls).not.toContain('displayReplyForm');
    }
    // A draft there could not be written to (body.getTypeAsync and prependAsync are unsupported).
    installOffice({ mailboxVersion: '1.5', hostName: 'OutlookIOS', mode: 'compose', item: { to: [] } });
    const { createOfficeAdminChannel } = await import('../../src/office/adminChannel');
    expect(createOfficeAdminChannel().canSend).toBe(false);
    // The same item on the desktop still gets the reply form.
    installOffice({ mailboxVersion: '1.5', item: { subject: 'x' } });
    expect(createOfficeAdminChannel().canReply).toBe(true);
  });

  it('does not offer sending where displayNewMessageForm is missing (Mailbox 1.5)', async () => {
    installOffice({ mailboxVersion: '1.5', item: { subject: 'x' } });
    const { createOfficeAdminChannel } = await import('../../src/office/adminChannel');
    const channel = createOfficeAdminChannel();
    expect(channel.canSend).toBe(false);
    await expect(channel.send(MAIL, { attachCurrentItem: false })).resolves.toEqual({
      ok: false,
      reason: 'unsupported',
    });
  });
});
