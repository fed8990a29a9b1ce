/**
 * The Outlook host around the pane (issue 13): a pinned pane follows ItemChanged, a cancelled read
 * stops, the admin mail attaches the item on screen, the theme and the user's address come from
 * Office. Same fake office.js as the browser tests, driven through window.__FAKE_OUTLOOK__.
 */
import type { AdminMail } from '../../src/ui/adminChannel';
import { installOffice, type FakeConfig } from '../support/fakeOffice';

const EML = (to: string) =>
  Buffer.from(`From: postmaster@example.com\r\nSubject: Undeliverable: ${to}\r\n\r\nbody`).toString('base64');
const FIRST = { id: 'item-1', subject: 'FW: first', fileBase64: EML('first') };
const SECOND = { id: 'item-2', subject: 'FW: second', fileBase64: EML('second') };
const MAIL: AdminMail = { to: 'helpdesk@contoso.example', subject: 'Bounce: x', html: '<p>x</p>', text: 'x' };

interface FakeOutlook {
  selectItem(item: FakeConfig | null, options?: { silent: boolean }): void;
  setTheme(theme: { bodyBackgroundColor: string }): void;
  handlers(): string[];
}

function install(config: FakeConfig) {
  const installed = installOffice({ mailboxVersion: '1.14', ...config });
  return { ...installed, outlook: installed.scope['__FAKE_OUTLOOK__'] as FakeOutlook };
}

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));
const decoded = (input: unknown) =>
  Buffer.from((input as { bytes: Uint8Array }).bytes)
    .toString('utf8')
    .match(/Undeliverable: (\w+)/)?.[1];

describe('a pinned pane and ItemChanged', () => {
  it('hears about another item and then reads that item, not the first', async () => {
    const { outlook } = install({ item: FIRST });
    const { createMailboxSource } = await import('../../src/office/mailboxSource');
    const source = createMailboxSource({ readTimeoutMs: 200, attachmentTimeoutMs: 200 });
    const first = await source.read();
    expect(first.item).toEqual({ id: 'item-1', from: null });
    expect(decoded(first.inputs[0])).toBe('first');

    const changed = jest.fn();
    const stop = source.watchItem?.(changed);
    outlook.selectItem(SECOND);
    await tick();
    expect(changed).toHaveBeenCalledTimes(1);
    expect(source.currentItemId?.()).toBe('item-2');
    const second = await source.read();
    expect(second.item).toEqual({ id: 'item-2', from: null });
    expect(decoded(second.inputs[0])).toBe('second');

    stop?.();
    outlook.selectItem(FIRST);
    await tick();
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('registers one Office handler however many listeners there are', async () => {
    const { outlook, calls } = install({ item: FIRST });
    const { watchItemChanged } = await import('../../src/office/officeHost');
    const a = jest.fn();
    const b = jest.fn();
    watchItemChanged(a);
    watchItemChanged(b);
    outlook.selectItem(SECOND);
    await tick();
    expect(calls.filter((c) => c.startsWith('addHandler:'))).toEqual(['addHandler:olkItemSelectedChanged']);
    expect([a.mock.calls.length, b.mock.calls.length]).toEqual([1, 1]);
  });

  it('says when Outlook shows no item at all', async () => {
    const { outlook } = install({ item: FIRST });
    const { createMailboxSource } = await import('../../src/office/mailboxSource');
    const source = createMailboxSource({ readTimeoutMs: 200, attachmentTimeoutMs: 200 });
    outlook.selectItem(null);
    const result = await source.read();
    expect(result.item).toBeNull();
    expect(result.inputs).toEqual([]);
    expect(source.currentItemId?.()).toBeNull();
  });

  it('cannot follow items before Mailbox 1.5, and says so by registering nothing', async () => {
    const { calls } = install({ mailboxVersion: '1.3', item: FIRST });
    const { watchItemChanged } = await import('../../src/office/officeHost');
    expect(watchItemChanged(() => undefined)).toBeNull();
    expect(calls).toEqual([]);
  });

  it('records who sent the item, so the pane can tell a forward from someone else', async () => {
    install({ item: { ...FIRST, from: 'piet.devries@contoso.example' } });
    const { createMailboxSource } = await import('../../src/office/mailboxSource');
    const result = await createMailboxSource({ readTimeoutMs: 200, attachmentTimeoutMs: 200 }).read();
    expect(result.item).toEqual({ id: 'item-1', from: 'piet.devries@contoso.example' });
  });
});

describe('cancelling a read', () => {
  it('stops at the next door once cancelled', async () => {
    const { calls } = install({
      item: { ...FIRST, body: 'text', headers: 'Subject: x' },
      fail: { file: 'hang' },
    });
    const { createMailboxSource } = await import('../../src/office/mailboxSource');
    const controller = new AbortController();
    const reading = createMailboxSource({ readTimeoutMs: 100, attachmentTimeoutMs: 100 }).read(
      controller.signal,
    );
    await tick();
    controller.abort();
    const result = await reading;
    expect(calls).toEqual(['file']);
    expect(result.inputs).toEqual([]);
  });
});

describe('the admin mail attaches the item on screen', () => {
  it('attaches the item shown when the user sends, not the one the pane opened on', async () => {
    const { outlook, scope } = install({ item: FIRST });
    const { createOfficeAdminChannel } = await import('../../src/office/adminChannel');
    const channel = createOfficeAdminChannel();
    outlook.selectItem(SECOND);
    await expect(channel.send(MAIL, { attachCurrentItem: true })).resolves.toEqual({
      ok: true,
      via: 'newMessageForm',
    });
    expect((scope['__NEW_MESSAGE__'] as { attachments: unknown[] }).attachments).toEqual([
      { type: 'item', itemId: 'item-2', name: 'FW: second' },
    ]);
  });
});

describe('theme and user from Office', () => {
  it('gives the theme colours and calls back when the user switches theme', async () => {
    const { outlook } = install({ item: FIRST, theme: { bodyBackgroundColor: '#ffffff' } });
    const { currentOfficeTheme, watchOfficeTheme } = await import('../../src/office/officeHost');
    expect(currentOfficeTheme()).toEqual({ bodyBackgroundColor: '#ffffff' });
    const changed = jest.fn();
    expect(watchOfficeTheme(changed)).not.toBeNull();
    outlook.setTheme({ bodyBackgroundColor: '#262626' });
    await tick();
    expect(changed).toHaveBeenCalledWith({ bodyBackgroundColor: '#262626' });
  });

  it('has no Office theme before Mailbox 1.14', async () => {
    install({ mailboxVersion: '1.8', item: FIRST });
    const { currentOfficeTheme, watchOfficeTheme } = await import('../../src/office/officeHost');
    expect(currentOfficeTheme()).toBeNull();
    expect(watchOfficeTheme(() => undefined)).toBeNull();
  });

  it("reads the user's own address from userProfile, and nothing when Outlook gives none", async () => {
    install({ item: FIRST, user: { emailAddress: ' Helpdesk@Contoso.example ' } });
    const { readerAddress } = await import('../../src/office/officeHost');
    expect(readerAddress()).toBe('Helpdesk@Contoso.example');
    install({ item: FIRST });
    expect(readerAddress()).toBeNull();
  });
});
