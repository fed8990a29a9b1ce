/**
 * Building Outlook item files (.msg: MAPI properties, [MS-OXMSG], in an OLE2 compound file,
 * [MS-CFB]) for fixtures and tests, and taking compound files apart again to damage them on purpose.
 *
 * The compound file itself is written by @kenjiuno/msgreader's own writer (`burn`), the same code
 * that re-writes an attached message before msgreader reads it; `MsgBuilder` adds the MAPI layer.
 * `CompoundFileEditor` reads and patches the structures a reader follows (header, FAT, mini FAT,
 * directory entries) so a test can make a chain loop or a size lie.
 */
import { burn, type Entry } from '@kenjiuno/msgreader/lib/Burner';
import { TypeEnum } from '@kenjiuno/msgreader/lib/Reader';

// ---------------------------------------------------------------- MAPI properties

const PT_LONG = 0x0003;
const PT_BOOLEAN = 0x000b;
const PT_STRING8 = 0x001e;
const PT_UNICODE = 0x001f;
const PT_SYSTIME = 0x0040;
const PT_BINARY = 0x0102;

export type Prop =
  | { readonly id: number; readonly kind: 'unicode'; readonly value: string }
  /** An 8-bit string, already encoded in the message's code page. */
  | { readonly id: number; readonly kind: 'ansi'; readonly value: Uint8Array }
  | { readonly id: number; readonly kind: 'binary'; readonly value: Uint8Array }
  | { readonly id: number; readonly kind: 'long'; readonly value: number }
  | { readonly id: number; readonly kind: 'boolean'; readonly value: boolean }
  | { readonly id: number; readonly kind: 'time'; readonly value: Date };

const TYPE_OF: Record<Prop['kind'], number> = {
  unicode: PT_UNICODE,
  ansi: PT_STRING8,
  binary: PT_BINARY,
  long: PT_LONG,
  boolean: PT_BOOLEAN,
  time: PT_SYSTIME,
};

export const str = (id: number, value: string): Prop => ({ id, kind: 'unicode', value });
export const ansi = (id: number, value: Uint8Array): Prop => ({ id, kind: 'ansi', value });
export const bin = (id: number, value: Uint8Array): Prop => ({ id, kind: 'binary', value });
export const long = (id: number, value: number): Prop => ({ id, kind: 'long', value });
export const bool = (id: number, value: boolean): Prop => ({ id, kind: 'boolean', value });
export const time = (id: number, value: Date): Prop => ({ id, kind: 'time', value });

const tagOf = (p: Prop): number => ((p.id << 16) | TYPE_OF[p.kind]) >>> 0;
const hex8 = (n: number): string => n.toString(16).toUpperCase().padStart(8, '0');
const utf16le = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf16le'));

/** Data of a variable-length property as stored in its own `__substg1.0_` stream (strings without terminator). */
function streamData(p: Prop): Uint8Array | null {
  if (p.kind === 'unicode') return utf16le(p.value);
  if (p.kind === 'ansi' || p.kind === 'binary') return p.value;
  return null;
}

/**
 * The `__properties_version1.0` stream: a header (32 bytes for the top-level message, 24 for an
 * embedded one, 8 for recipient and attachment storages) followed by one 16-byte entry per
 * property ([MS-OXMSG] 2.4).
 */
function propertiesStream(props: readonly Prop[], header: Uint8Array): Uint8Array {
  const out = new Uint8Array(header.length + 16 * props.length);
  out.set(header, 0);
  const view = new DataView(out.buffer);
  let pos = header.length;
  for (const p of props) {
    view.setUint32(pos, tagOf(p), true);
    view.setUint32(pos + 4, 0x00000006, true); // PROPATTR_READABLE | PROPATTR_WRITABLE
    const data = streamData(p);
    if (data !== null) {
      // Variable length: size (+ the string terminator), then reserved.
      const terminator = p.kind === 'unicode' ? 2 : p.kind === 'ansi' ? 1 : 0;
      view.setUint32(pos + 8, data.length + terminator, true);
      view.setUint32(pos + 12, 0, true);
    } else if (p.kind === 'long') {
      view.setUint32(pos + 8, p.value >>> 0, true);
    } else if (p.kind === 'boolean') {
      view.setUint16(pos + 8, p.value ? 1 : 0, true);
    } else if (p.kind === 'time') {
      const fileTime = (BigInt(p.value.getTime()) + 11644473600000n) * 10000n;
      view.setBigUint64(pos + 8, fileTime, true);
    }
    pos += 16;
  }
  return out;
}

/** Header of a message's properties stream: 8 reserved, next recipient and attachment ids, their counts. */
export function messageHeader(recipients: number, attachments: number, embedded = false): Uint8Array {
  const header = new Uint8Array(embedded ? 24 : 32);
  const view = new DataView(header.buffer);
  view.setUint32(8, recipients, true);
  view.setUint32(12, attachments, true);
  view.setUint32(16, recipients, true);
  view.setUint32(20, attachments, true);
  return header;
}

/** The header of a recipient's or an attachment's properties stream. */
export const ROW_HEADER = new Uint8Array(8);

// ---------------------------------------------------------------- compound file entries

/** The entries of a compound file, in the order they are written; entry 0 is the root storage. */
export class MsgBuilder {
  readonly entries: Entry[] = [{ name: 'Root Entry', type: TypeEnum.ROOT, length: 0, children: [] }];

  private addChild(parent: number, entry: Entry): number {
    const index = this.entries.length;
    this.entries.push(entry);
    const children = this.entries[parent]?.children;
    if (!children) throw new Error(`entry ${parent} is not a storage`);
    children.push(index);
    return index;
  }

  addStream(parent: number, name: string, data: Uint8Array): number {
    return this.addChild(parent, {
      name,
      type: TypeEnum.DOCUMENT,
      length: data.length,
      binaryProvider: () => data,
    });
  }

  addStorage(parent: number, name: string): number {
    return this.addChild(parent, { name, type: TypeEnum.DIRECTORY, length: 0, children: [] });
  }

  /** A property stream per variable-length property, then the storage's `__properties_version1.0`. */
  addProps(storage: number, props: readonly Prop[], header: Uint8Array): void {
    for (const p of props) {
      const data = streamData(p);
      if (data !== null) this.addStream(storage, `__substg1.0_${hex8(tagOf(p))}`, data);
    }
    this.addStream(storage, '__properties_version1.0', propertiesStream(props, header));
  }

  /**
   * An attachment (number `index`) that is an Outlook item of its own ([MS-OXMSG] 2.2.2.1): its
   * properties go into the returned storage, which takes recipient rows like a message.
   */
  addAttachedMessage(index: number, name: string, props: readonly Prop[], recipients = 0): number {
    const attachment = this.addStorage(0, `__attach_version1.0_#${hex8(index)}`);
    const attachmentProps: Prop[] = [
      long(0x0e20, 0), // PidTagAttachSize
      long(0x3705, 5), // PidTagAttachMethod: afEmbeddedMessage
      str(0x3001, name), // PidTagDisplayName
    ];
    this.addProps(attachment, attachmentProps, ROW_HEADER);
    const message = this.addStorage(attachment, '__substg1.0_3701000D');
    this.addProps(message, props, messageHeader(recipients, 0, true));
    return message;
  }

  /**
   * The named-property mapping ([MS-OXMSG] 2.2.3): GUID, entry and string streams. Each name
   * gets one string entry (PS_PUBLIC_STRINGS) unless `entries` gives the entry stream outright.
   */
  addNamedProperties(names: readonly string[] = [], entries?: Uint8Array): number {
    const storage = this.addStorage(0, '__nameid_version1.0');
    const strings: number[] = [];
    const table: number[] = [];
    names.forEach((name, i) => {
      const key = strings.length;
      const text = utf16le(name);
      strings.push(...le32(text.length), ...text);
      while (strings.length % 4 !== 0) strings.push(0);
      table.push(...le32(key), ...le16(1 | (2 << 1)), ...le16(i));
    });
    this.addStream(storage, '__substg1.0_00020102', new Uint8Array(0));
    this.addStream(storage, '__substg1.0_00030102', entries ?? Uint8Array.from(table));
    this.addStream(storage, '__substg1.0_00040102', Uint8Array.from(strings));
    return storage;
  }

  burn(): Uint8Array {
    return burn(this.entries);
  }
}

const le32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const le16 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff];

// ---------------------------------------------------------------- taking a compound file apart

const END_OF_CHAIN = -2;

/** Fields of a directory entry ([MS-CFB] 2.6.1) by their byte offset. */
export const ENTRY = { left: 0x44, right: 0x48, child: 0x4c, start: 0x74, size: 0x78 } as const;
/** Header fields ([MS-CFB] 2.2) by their byte offset. */
export const HEADER = {
  sectorShift: 0x1e,
  fatSectors: 0x2c,
  directoryStart: 0x30,
  miniFatStart: 0x3c,
  miniFatSectors: 0x40,
  difatStart: 0x44,
  difatSectors: 0x48,
  difat: 0x4c,
} as const;

/** Reads and patches a copy of a 512-byte-sector compound file with at most 109 FAT sectors. */
export class CompoundFileEditor {
  readonly bytes: Uint8Array;
  private readonly view: DataView;

  constructor(bytes: Uint8Array) {
    this.bytes = Uint8Array.from(bytes);
    this.view = new DataView(this.bytes.buffer);
  }

  int32(offset: number): number {
    return this.view.getInt32(offset, true);
  }

  setInt32(offset: number, value: number): void {
    this.view.setInt32(offset, value | 0, true);
  }

  setUint16(offset: number, value: number): void {
    this.view.setUint16(offset, value, true);
  }

  sectorOffset(sector: number): number {
    return (sector + 1) * 512;
  }

  private fatOffset(sector: number): number {
    const fatSector = this.int32(HEADER.difat + 4 * Math.floor(sector / 128));
    return this.sectorOffset(fatSector) + 4 * (sector % 128);
  }

  next(sector: number): number {
    return this.int32(this.fatOffset(sector));
  }

  setNext(sector: number, next: number): void {
    this.setInt32(this.fatOffset(sector), next);
  }

  private miniFatOffset(miniSector: number): number {
    let sector = this.int32(HEADER.miniFatStart);
    for (let i = 0; i < Math.floor(miniSector / 128); i++) sector = this.next(sector);
    return this.sectorOffset(sector) + 4 * (miniSector % 128);
  }

  miniNext(miniSector: number): number {
    return this.int32(this.miniFatOffset(miniSector));
  }

  setMiniNext(miniSector: number, next: number): void {
    this.setInt32(this.miniFatOffset(miniSector), next);
  }

  /** The sectors of a FAT chain (or, with `mini`, the mini sectors of a mini-FAT chain). */
  chain(start: number, mini = false): number[] {
    const ids: number[] = [];
    for (
      let id = start;
      id !== END_OF_CHAIN && ids.length < 100_000;
      id = mini ? this.miniNext(id) : this.next(id)
    )
      ids.push(id);
    return ids;
  }

  entryOffset(index: number): number {
    const sectors = this.chain(this.int32(HEADER.directoryStart));
    const sector = sectors[Math.floor(index / 4)];
    if (sector === undefined) throw new Error(`no directory entry ${index}`);
    return this.sectorOffset(sector) + 128 * (index % 4);
  }

  entry(index: number, field: keyof typeof ENTRY): number {
    return this.int32(this.entryOffset(index) + ENTRY[field]);
  }

  setEntry(index: number, field: keyof typeof ENTRY, value: number): void {
    this.setInt32(this.entryOffset(index) + ENTRY[field], value);
  }

  /** The index of the directory entry with this name (the first, or the one after `skip` others). */
  find(name: string, skip = 0): number {
    const count = 4 * this.chain(this.int32(HEADER.directoryStart)).length;
    let seen = 0;
    for (let index = 0; index < count; index++) {
      const offset = this.entryOffset(index);
      const length = this.view.getUint16(offset + 0x40, true);
      const entryName = Buffer.from(this.bytes.subarray(offset, offset + Math.max(length - 2, 0))).toString(
        'utf16le',
      );
      if (entryName === name && seen++ === skip) return index;
    }
    throw new Error(`no directory entry named ${name}`);
  }

  /** Where a mini sector lies in the file (inside the mini stream, the root entry's chain). */
  miniSectorOffset(miniSector: number): number {
    const sector = this.chain(this.entry(0, 'start'))[Math.floor(miniSector / 8)];
    if (sector === undefined) throw new Error(`no mini sector ${miniSector}`);
    return this.sectorOffset(sector) + 64 * (miniSector % 8);
  }

  /** The sectors (or mini sectors) of a stream entry's chain. */
  streamChain(index: number): number[] {
    return this.chain(this.entry(index, 'start'), this.entry(index, 'size') < 4096);
  }

  /** The file with one more sector at its end (not entered in the FAT), and that sector's id. */
  appendSector(contents: (view: DataView, sector: number) => void): { bytes: Uint8Array; sector: number } {
    const out = new Uint8Array(this.bytes.length + 512);
    out.set(this.bytes);
    const sector = this.bytes.length / 512 - 1;
    contents(new DataView(out.buffer, this.bytes.length, 512), sector);
    return { bytes: out, sector };
  }
}
