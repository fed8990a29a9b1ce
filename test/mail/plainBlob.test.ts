import { PlainBlob } from '../../src/mail/plainBlob';

const bytes = (buffer: ArrayBuffer): number[] => [...new Uint8Array(buffer)];

describe('PlainBlob (the Blob the CLI bundle gives postal-mime)', () => {
  it('reads back its parts joined, as the platform Blob does', async () => {
    const view = new Uint8Array([1, 2, 3, 4, 5]).subarray(1, 4);
    const parts = ['a\n', view, new Uint8Array([9]).buffer, '\n', 'é'];
    const ours = new PlainBlob(parts, { type: 'Application/Octet-Stream' });
    const platform = new Blob(parts, { type: 'Application/Octet-Stream' });
    expect(bytes(await ours.arrayBuffer())).toEqual(bytes(await platform.arrayBuffer()));
    expect(ours.size).toBe(platform.size);
    expect(ours.type).toBe(platform.type);
    expect(await ours.text()).toBe(await platform.text());
    expect(Object.prototype.toString.call(ours)).toBe('[object Blob]');
  });

  it('keeps the bytes its parts had when it was made, and hands out copies', async () => {
    const part = new Uint8Array([1, 2, 3]);
    const blob = new PlainBlob([part]);
    part[0] = 7;
    const first = new Uint8Array(await blob.arrayBuffer());
    first[1] = 8;
    expect(bytes(await blob.arrayBuffer())).toEqual([1, 2, 3]);
    expect(bytes(await new PlainBlob([blob, blob]).arrayBuffer())).toEqual([1, 2, 3, 1, 2, 3]);
  });
});
