/**
 * Malformed Outlook .msg files, each made from one sound file by damaging one structure that a
 * compound-file reader follows ([MS-CFB]): chains that loop (FAT, mini FAT, DIFAT, directory),
 * directory trees that meet themselves, sizes and sector ids that point past the file, a cut file,
 * a header with an impossible sector size, named-property tables that make reading quadratic.
 * Before issue #12, @kenjiuno/msgreader ran on most of these until it ran out of memory.
 */
import {
  CompoundFileEditor,
  HEADER,
  MsgBuilder,
  ROW_HEADER,
  bin,
  long,
  messageHeader,
  str,
  type Prop,
} from './msgFile';

const NO_ENTRY = -1;

/** Long enough (over 4096 bytes) to be kept in ordinary sectors, not in the mini stream. */
export const SAMPLE_BODY = Array.from(
  { length: 60 },
  (_, i) => `Line ${i + 1} of the quarterly figures, as discussed on Monday.`,
).join('\r\n');

function recipient(storage: number, builder: MsgBuilder, address: string): void {
  const row = builder.addStorage(storage, '__recip_version1.0_#00000000');
  const props: Prop[] = [
    long(0x3000, 0), // PidTagRowid
    long(0x0c15, 1), // PidTagRecipientType: MAPI_TO
    str(0x3001, address), // PidTagDisplayName
    str(0x3003, address), // PidTagEmailAddress
    str(0x39fe, address), // PidTagSmtpAddress
  ];
  builder.addProps(row, props, ROW_HEADER);
}

/**
 * A sound .msg: an ordinary note with a body and an HTML body in ordinary sectors, one recipient,
 * named properties, and one attached message (with its own recipient) in storages two deep.
 */
export function sampleMsg(): Uint8Array {
  const builder = new MsgBuilder();
  builder.addProps(
    0,
    [
      str(0x001a, 'IPM.Note'), // PidTagMessageClass
      str(0x0037, 'Quarterly figures'), // PidTagSubject
      str(0x1000, SAMPLE_BODY), // PidTagBody
      bin(0x1013, new TextEncoder().encode(SAMPLE_BODY.replace(/^.*$/gm, '<p>$&</p>'))), // PidTagHtml
      str(0x0c1a, 'Jan Jansen'), // PidTagSenderName
      str(0x0c1f, 'jan@fabrikam.example'), // PidTagSenderEmailAddress
    ],
    messageHeader(1, 1),
  );
  recipient(0, builder, 'sanne@contoso.example');
  const inner = builder.addAttachedMessage(
    0,
    'Earlier message',
    [str(0x001a, 'IPM.Note'), str(0x0037, 'Earlier message'), str(0x1000, 'The earlier message.')],
    1,
  );
  recipient(inner, builder, 'lotte@fabrikam.example');
  builder.addNamedProperties(['Keywords', 'x-custom']);
  return builder.burn();
}

export interface MalformedMsg {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** What the refusal says. */
  readonly reason: RegExp;
}

/** The sample with one structure damaged by `damage`. */
function damaged(damage: (file: CompoundFileEditor) => Uint8Array | void): Uint8Array {
  const file = new CompoundFileEditor(sampleMsg());
  return damage(file) ?? file.bytes;
}

/** Every case, built afresh. */
export function malformedMsgs(): MalformedMsg[] {
  return [
    {
      name: "a stream's FAT chain loops back to its first sector",
      bytes: damaged((file) => {
        const body = file.streamChain(file.find('__substg1.0_1000001F'));
        file.setNext(body.at(-1) ?? 0, body[0] ?? 0);
      }),
      reason: /^stream \d+ loops or shares sector \d+$/,
    },
    {
      name: "the mini stream's FAT chain loops",
      bytes: damaged((file) => {
        const ministream = file.chain(file.entry(0, 'start'));
        file.setNext(ministream.at(-1) ?? 0, ministream[0] ?? 0);
      }),
      reason: /^mini stream loops or shares sector \d+$/,
    },
    {
      name: 'the directory chain loops',
      bytes: damaged((file) => {
        const directory = file.chain(file.int32(HEADER.directoryStart));
        file.setNext(directory.at(-1) ?? 0, directory[0] ?? 0);
      }),
      reason: /^directory loops or shares sector \d+$/,
    },
    {
      name: 'directory siblings form a cycle',
      bytes: damaged((file) => {
        const top = file.entry(0, 'child');
        const sibling =
          file.entry(top, 'left') !== NO_ENTRY ? file.entry(top, 'left') : file.entry(top, 'right');
        file.setEntry(sibling, 'left', top);
      }),
      reason: /^directory tree loops at entry \d+$/,
    },
    {
      name: 'a storage names its ancestor as its child',
      bytes: damaged((file) => {
        const attachment = file.find('__attach_version1.0_#00000000');
        const innerRecipient = file.find('__recip_version1.0_#00000000', 1);
        file.setEntry(innerRecipient, 'child', attachment);
      }),
      reason: /^directory tree loops at entry \d+$/,
    },
    {
      name: "a stream's mini-FAT chain loops",
      bytes: damaged((file) => {
        const subject = file.streamChain(file.find('__substg1.0_0037001F'));
        file.setMiniNext(subject.at(-1) ?? 0, subject[0] ?? 0);
      }),
      reason: /^stream \d+ loops or shares mini sector \d+$/,
    },
    {
      name: 'the DIFAT chain loops',
      bytes: damaged((file) => {
        // A DIFAT sector whose pointer to the next DIFAT sector is itself.
        const { bytes, sector } = file.appendSector((view, id) => view.setInt32(508, id, true));
        const looped = new CompoundFileEditor(bytes);
        looped.setInt32(HEADER.difatStart, sector);
        looped.setInt32(HEADER.difatSectors, 0x7fffffff);
        return looped.bytes;
      }),
      reason: /^DIFAT loops or shares sector \d+$/,
    },
    {
      name: 'a stream declares a size of 2 GB',
      bytes: damaged((file) => file.setEntry(file.find('__substg1.0_1000001F'), 'size', 0x7ffffff0)),
      reason: /^stream size 2147483632 is larger than the file$/,
    },
    {
      name: 'a stream declares a size of 4 GB',
      bytes: damaged((file) => file.setEntry(file.find('__substg1.0_1000001F'), 'size', 0xffffff00)),
      reason: /^stream size 4294967040 is larger than the file$/,
    },
    {
      name: 'the mini stream declares a size of 2 GB',
      bytes: damaged((file) => file.setEntry(0, 'size', 0x7ffffff0)),
      reason: /^mini stream size 2147483632 is larger than the file$/,
    },
    {
      name: 'a stream starts at a sector outside the file',
      bytes: damaged((file) => file.setEntry(file.find('__substg1.0_1000001F'), 'start', 0x00ffffff)),
      reason: /^stream \d+ names sector 16777215, outside the file$/,
    },
    {
      name: "a directory entry's sibling is outside the directory",
      bytes: damaged((file) => file.setEntry(file.entry(0, 'child'), 'right', 0x7ffffff0)),
      reason: /^directory names entry 2147483632, outside the directory$/,
    },
    {
      name: 'the file is cut short',
      bytes: sampleMsg().subarray(0, 4096 + 100),
      reason: /outside the file$/,
    },
    {
      name: 'the header declares a sector shift of 30',
      bytes: damaged((file) => file.setUint16(HEADER.sectorShift, 30)),
      reason: /^sector shift 30$/,
    },
    {
      name: 'two streams share their sectors',
      bytes: damaged((file) => {
        const body = file.find('__substg1.0_1000001F');
        const html = file.find('__substg1.0_10130102');
        file.setEntry(html, 'start', file.entry(body, 'start'));
      }),
      reason: /^stream \d+ loops or shares sector \d+$/,
    },
    {
      name: 'named properties read one long name again and again',
      bytes: quadraticNames(),
      reason: /^named properties read over the size of the file$/,
    },
    {
      name: 'a named property is longer than the string table',
      bytes: damagedNames((strings) => strings.setUint32(0, 0x7ffffff0, true)),
      reason: /^named property 0 is longer than the string table$/,
    },
    {
      name: 'storages nested 70 deep',
      bytes: nestedStorages(70),
      reason: /^storages nested over 64 deep$/,
    },
  ];
}

/** 20,000 named-property entries that all name the same 100 KB string. */
function quadraticNames(): Uint8Array {
  const builder = new MsgBuilder();
  builder.addProps(0, [str(0x001a, 'IPM.Note'), str(0x0037, 'Names')], messageHeader(0, 0));
  const entries = new Uint8Array(8 * 20_000);
  const view = new DataView(entries.buffer);
  for (let i = 0; i < 20_000; i++) {
    view.setUint32(8 * i, 0, true); // string offset 0
    view.setUint16(8 * i + 4, 1 | (2 << 1), true); // string name, PS_PUBLIC_STRINGS
    view.setUint16(8 * i + 6, i & 0x7fff, true);
  }
  builder.addNamedProperties(['n'.repeat(50_000)], entries);
  return builder.burn();
}

/** The sample with the length of its first named-property string changed by `damage`. */
function damagedNames(damage: (strings: DataView) => void): Uint8Array {
  return damaged((file) => {
    const [first] = file.streamChain(file.find('__substg1.0_00040102'));
    damage(new DataView(file.bytes.buffer, file.miniSectorOffset(first ?? 0), 64));
  });
}

function nestedStorages(depth: number): Uint8Array {
  const builder = new MsgBuilder();
  builder.addProps(0, [str(0x001a, 'IPM.Note'), str(0x0037, 'Nested')], messageHeader(0, 0));
  let storage = 0;
  for (let i = 0; i < depth; i++) storage = builder.addStorage(storage, `level ${i}`);
  return builder.burn();
}
