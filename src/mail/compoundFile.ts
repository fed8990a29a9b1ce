/**
 * A structural check of an OLE2 compound file ([MS-CFB], the container of an Outlook .msg), run
 * before @kenjiuno/msgreader sees the bytes.
 *
 * msgreader follows the structures of the file as they are written: the FAT sectors listed in the
 * header and the DIFAT chain, the mini-FAT chain, the directory chain, the mini stream's chain,
 * each stream's FAT or mini-FAT chain, the directory tree (left/right siblings and children), and
 * the named-property tables of `__nameid_version1.0`. It remembers nowhere it has been and
 * allocates every stream at its declared size, so a chain or a tree that loops ran until out of
 * memory, and a made-up size allocated gigabytes.
 *
 * This walks the same structures the same way, but every sector, mini sector and directory entry
 * may be used once only: each step claims one, so the walk ends after work linear in the size of
 * the file, and a loop, a shared sector or a tree that meets itself is found as a second claim.
 * Every id must lie inside the file and every stream inside its chain; the file is refused (with
 * a short reason) as soon as something does not.
 */

/** Why the file cannot be read safely, or null when its structure is sound. */
export function compoundFileProblem(bytes: Uint8Array): string | null {
  try {
    check(bytes);
    return null;
  } catch (error) {
    // Anything the check itself could not read is a reason to refuse too.
    return error instanceof Error ? error.message : 'unreadable';
  }
}

function fail(reason: string): never {
  throw new Error(reason);
}

const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const FREE = -1;
const END_OF_CHAIN = -2;
const NO_ENTRY = -1;
const ENTRY_SIZE = 128;
const MINI_SECTOR_SIZE = 64;
/** Streams shorter than this live in the mini stream (msgreader assumes 4096, as the spec requires). */
const MINI_CUTOFF = 4096;
const HEADER_FAT_SLOTS = 109;
const STORAGE = 1;
const STREAM = 2;
const ROOT = 5;
/** Storages nested deeper than this are refused (msgreader recurses once per level). */
const MAX_DEPTH = 64;
const NAMEID = '__nameid_version1.0';

interface Stream {
  readonly name: string;
  readonly size: number;
  /** The sectors (mini sectors when `size` is under the cutoff) holding it, in order. */
  readonly sectors: readonly number[];
}

function check(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const int32 = (offset: number): number => {
    if (offset + 4 > bytes.length) fail('file is cut short');
    return view.getInt32(offset, true);
  };
  const uint16 = (offset: number): number => view.getUint16(offset, true);

  if (bytes.length < 512 || !MAGIC.every((b, i) => bytes[i] === b)) fail('not a compound file');
  if (uint16(0x1c) !== 0xfffe) fail('unknown byte order');
  const shift = uint16(0x1e);
  // msgreader reads 4096-byte sectors for shift 12 and 512-byte ones for anything else.
  if (shift !== 9 && shift !== 12) fail(`sector shift ${shift}`);
  if (uint16(0x20) !== 6 || int32(0x38) !== MINI_CUTOFF) fail('unusual mini stream layout');
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  // The header takes the first sector; every sector named must lie wholly inside the file.
  const sectorCount = Math.floor(bytes.length / sectorSize) - 1;
  const sectorOffset = (id: number): number => (id + 1) * sectorSize;

  const claimed = new Uint8Array(Math.max(sectorCount, 0));
  const claim = (id: number, what: string): void => {
    if (id < 0 || id >= sectorCount) fail(`${what} names sector ${id}, outside the file`);
    if (claimed[id]) fail(`${what} loops or shares sector ${id}`);
    claimed[id] = 1;
  };

  // FAT sectors: the first 109 in the header, the rest in the DIFAT chain (walked as msgreader does).
  const fatCount = int32(0x2c);
  if (fatCount < 1 || fatCount > sectorCount) fail(`FAT sector count ${fatCount}`);
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(fatCount, HEADER_FAT_SLOTS); i++) {
    const id = int32(0x4c + 4 * i);
    claim(id, 'FAT');
    fatSectors.push(id);
  }
  const difatCount = int32(0x48);
  let remaining = fatCount - fatSectors.length;
  let next = int32(0x44);
  for (let i = 0; i < difatCount; i++) {
    claim(next, 'DIFAT');
    const base = sectorOffset(next);
    const take = Math.min(remaining, perSector - 1);
    for (let j = 0; j < take; j++) {
      const id = int32(base + 4 * j);
      if (id === FREE || id === END_OF_CHAIN) break;
      claim(id, 'FAT');
      fatSectors.push(id);
    }
    remaining -= take;
    next = int32(base + 4 * (perSector - 1));
    if (next === FREE || next === END_OF_CHAIN) break;
  }
  if (fatSectors.length !== fatCount) fail(`FAT lists ${fatSectors.length} of ${fatCount} sectors`);
  const fatEntries = fatCount * perSector;
  const fatNext = (id: number): number =>
    int32(
      sectorOffset(fatSectors[Math.floor(id / perSector)] ?? fail('FAT too short')) + 4 * (id % perSector),
    );

  /** Claims the chain from `start` to its end: loops, shared sectors and ids outside the file fail. */
  const chain = (start: number, what: string): number[] => {
    const ids: number[] = [];
    for (let id = start; id !== END_OF_CHAIN; id = fatNext(id)) {
      claim(id, what);
      if (id >= fatEntries) fail(`${what} names sector ${id}, past the FAT`);
      ids.push(id);
    }
    return ids;
  };

  // The mini-FAT chain: msgreader takes up to the header's count of sectors and stops at 0 too.
  const miniFatCount = int32(0x40);
  const miniFatSectors: number[] = [];
  for (let i = 0, id = int32(0x3c); i < miniFatCount && id !== 0 && id !== END_OF_CHAIN; i++) {
    claim(id, 'mini FAT');
    if (id >= fatEntries) fail(`mini FAT names sector ${id}, past the FAT`);
    miniFatSectors.push(id);
    id = fatNext(id);
  }

  const directory = chain(int32(0x30), 'directory');
  const perDirectorySector = sectorSize / ENTRY_SIZE;
  const entryCount = directory.length * perDirectorySector;
  const entryOffset = (index: number): number =>
    sectorOffset(directory[Math.floor(index / perDirectorySector)] ?? fail('directory too short')) +
    ENTRY_SIZE * (index % perDirectorySector);
  const typeOf = (index: number): number => bytes[entryOffset(index) + 0x42] ?? 0;
  const sizeOf = (index: number): number => view.getUint32(entryOffset(index) + 0x78, true);
  const startOf = (index: number): number => int32(entryOffset(index) + 0x74);
  const nameOf = (index: number): string => {
    const offset = entryOffset(index);
    const length = Math.max(view.getInt16(offset + 0x40, true), 0);
    let name = '';
    for (let i = 0; i + 2 <= length; i += 2) {
      const unit = uint16(offset + i);
      if (unit === 0) break;
      name += String.fromCharCode(unit);
    }
    return name;
  };

  // msgreader decodes the name of every used entry, reachable or not, at its declared length.
  if (entryCount === 0 || typeOf(0) !== ROOT) fail('no root entry');
  for (let index = 0; index < entryCount; index++) {
    const type = typeOf(index);
    if (type !== STORAGE && type !== STREAM && type !== ROOT) continue;
    const nameLength = view.getInt16(entryOffset(index) + 0x40, true);
    if (nameLength > 64 || nameLength % 2 !== 0)
      fail(`directory entry ${index} has a name length of ${nameLength}`);
  }

  // The mini stream: msgreader walks the root entry's chain whatever its size. When the mini stream
  // is empty, msgreader's own writer (used for attached messages) points it at any sector, whose
  // chain ends where msgreader's lookup ends (an id the FAT does not cover); it must still end.
  const rootSize = sizeOf(0);
  if (rootSize > bytes.length) fail(`mini stream size ${rootSize} is larger than the file`);
  let miniStream: number[] = [];
  if (rootSize > 0) {
    miniStream = chain(startOf(0), 'mini stream');
    if (miniStream.length * sectorSize < rootSize) fail('mini stream is longer than its chain');
  } else {
    let steps = 0;
    for (let id = startOf(0); id >= 0 && id < fatEntries; id = fatNext(id))
      if (++steps > fatEntries) fail('mini stream chain loops');
  }
  const miniSectorCount = Math.ceil(rootSize / MINI_SECTOR_SIZE);
  const miniClaimed = new Uint8Array(miniSectorCount);
  const miniNext = (id: number): number =>
    int32(
      sectorOffset(
        miniFatSectors[Math.floor(id / perSector)] ?? fail(`mini sector ${id} is past the mini FAT`),
      ) +
        4 * (id % perSector),
    );
  const miniChain = (start: number, what: string): number[] => {
    const ids: number[] = [];
    for (let id = start; id !== END_OF_CHAIN; id = miniNext(id)) {
      if (id < 0 || id >= miniSectorCount) fail(`${what} names mini sector ${id}, outside the mini stream`);
      if (miniClaimed[id]) fail(`${what} loops or shares mini sector ${id}`);
      miniClaimed[id] = 1;
      ids.push(id);
    }
    return ids;
  };

  // The directory tree, from the root: every entry may be reached once (siblings and children alike).
  const reached = new Uint8Array(entryCount);
  reached[0] = 1;
  const storages: { readonly name: string; readonly streams: Stream[] }[] = [];
  const pending: { readonly index: number; readonly depth: number; readonly storage: number }[] = [];
  const enter = (index: number, depth: number): void => {
    storages.push({ name: index === 0 ? '' : nameOf(index), streams: [] });
    const child = int32(entryOffset(index) + 0x4c);
    if (child !== NO_ENTRY) pending.push({ index: child, depth, storage: storages.length - 1 });
  };
  enter(0, 1);
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { index, depth, storage } = item;
    if (index < 0 || index >= entryCount) fail(`directory names entry ${index}, outside the directory`);
    if (reached[index]) fail(`directory tree loops at entry ${index}`);
    reached[index] = 1;
    const offset = entryOffset(index);
    for (const sibling of [int32(offset + 0x44), int32(offset + 0x48)])
      if (sibling !== NO_ENTRY) pending.push({ index: sibling, depth, storage });
    const type = typeOf(index);
    if (type === STORAGE) {
      if (depth > MAX_DEPTH) fail(`storages nested over ${MAX_DEPTH} deep`);
      enter(index, depth + 1);
    } else if (type === STREAM) {
      const size = sizeOf(index);
      if (size > bytes.length) fail(`stream size ${size} is larger than the file`);
      const what = `stream ${index}`;
      let sectors: number[] = [];
      if (size >= MINI_CUTOFF) {
        sectors = chain(startOf(index), what);
        if (sectors.length * sectorSize < size) fail(`${what} is longer than its chain`);
      } else if (size > 0) {
        sectors = miniChain(startOf(index), what);
        if (sectors.length * MINI_SECTOR_SIZE < size) fail(`${what} is longer than its chain`);
      }
      storages[storage]?.streams.push({ name: nameOf(index), size, sectors });
    } else {
      fail(`directory tree reaches entry ${index} of type ${type}`);
    }
  }

  const read = (stream: Stream): Uint8Array => {
    const out = new Uint8Array(stream.size);
    const unit = stream.size >= MINI_CUTOFF ? sectorSize : MINI_SECTOR_SIZE;
    stream.sectors.forEach((id, i) => {
      const length = Math.min(unit, stream.size - i * unit);
      if (length <= 0) return;
      const offset =
        unit === sectorSize
          ? sectorOffset(id)
          : sectorOffset(miniStream[Math.floor((id * unit) / sectorSize)] ?? fail('mini stream too short')) +
            ((id * unit) % sectorSize);
      out.set(bytes.subarray(offset, offset + length), i * unit);
    });
    return out;
  };
  for (const storage of storages)
    if (storage.name.startsWith(NAMEID)) checkNamedProperties(storage.streams, read, bytes.length);
}

/**
 * The named-property tables ([MS-OXMSG] 2.2.3): msgreader reads, for every string entry of the
 * entry stream, a length from the string stream and then that many bytes, trusting both. Every
 * name must lie inside the string stream, and all names read together may not exceed the file
 * (many entries naming one long string made the reading quadratic).
 */
function checkNamedProperties(
  streams: readonly Stream[],
  read: (stream: Stream) => Uint8Array,
  fileSize: number,
): void {
  const table = (tag: string): Stream | null => {
    const found = streams.filter(
      (s) => s.name.startsWith('__substg1.') && s.name.slice(12, 20).toLowerCase() === tag,
    );
    if (found.length > 1) fail(`named-property table ${tag} appears ${found.length} times`);
    return found[0] ?? null;
  };
  const guids = table('00020102');
  const entryStream = table('00030102');
  const stringStream = table('00040102');
  if (!guids || !entryStream || !stringStream) return;
  const entries = read(entryStream);
  const strings = read(stringStream);
  const entryView = new DataView(entries.buffer, entries.byteOffset, entries.byteLength);
  const stringView = new DataView(strings.buffer, strings.byteOffset, strings.byteLength);
  let total = 0;
  for (let offset = 0; offset + 8 <= entries.length; offset += 8) {
    if ((entryView.getUint16(offset + 4, true) & 1) === 0) continue;
    const key = entryView.getUint32(offset, true);
    if (key + 4 > strings.length) fail(`named property ${offset / 8} points outside the string table`);
    const length = stringView.getUint32(key, true);
    if (key + 4 + length > strings.length)
      fail(`named property ${offset / 8} is longer than the string table`);
    total += length;
    if (total > fileSize) fail('named properties read over the size of the file');
  }
}
