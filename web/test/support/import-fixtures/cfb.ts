/**
 * A minimal, structurally valid OLE compound file (CFB v3, 512-byte sectors) holding named
 * streams: the container PowerPoint (like all of Office) writes for a password-protected .pptx,
 * with `EncryptionInfo` and `EncryptedPackage` streams instead of the usual zip.
 *
 * Every stream is padded to at least 4096 bytes (the mini-stream cutoff) so all of them live in
 * regular sectors and the file needs no mini FAT.
 */
export const CFB_MAGIC = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const SECTOR = 512;
const MIN_STREAM = 4096;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

interface DirectoryEntry {
  name: string;
  type: 0 | 1 | 2 | 5; // unused, storage, stream, root
  red?: boolean;
  left?: number;
  right?: number;
  child?: number;
  start?: number;
  size?: number;
}

function directoryEntry(entry: DirectoryEntry): Buffer {
  const out = Buffer.alloc(128);
  if (entry.type !== 0) {
    const name = Buffer.from(`${entry.name}\0`, 'utf16le');
    name.copy(out, 0);
    out.writeUInt16LE(name.length, 64);
  }
  out.writeUInt8(entry.type, 66);
  out.writeUInt8(entry.red ? 0 : 1, 67);
  out.writeUInt32LE(entry.left ?? NOSTREAM, 68);
  out.writeUInt32LE(entry.right ?? NOSTREAM, 72);
  out.writeUInt32LE(entry.child ?? NOSTREAM, 76);
  out.writeUInt32LE(entry.start ?? (entry.type === 5 ? ENDOFCHAIN : 0), 116);
  out.writeUInt32LE(entry.size ?? 0, 120); // v3: the high 32 bits stay zero
  return out;
}

/**
 * Two streams, written as a root entry whose child is the second stream, with the first as its
 * left sibling (names compare by length first, so the shorter name must be `first`).
 */
export function writeCompoundFile(
  first: { name: string; bytes: Uint8Array },
  second: { name: string; bytes: Uint8Array },
): Uint8Array {
  if (first.name.length >= second.name.length) throw new Error('first must have the shorter name');
  const pad = (bytes: Uint8Array) => {
    const size = Math.max(MIN_STREAM, Math.ceil(bytes.length / SECTOR) * SECTOR);
    const out = Buffer.alloc(size);
    out.set(bytes);
    return out;
  };
  const firstData = pad(first.bytes);
  const secondData = pad(second.bytes);
  // Sector 0: the FAT; sector 1: the directory; then the two streams' sectors.
  const firstStart = 2;
  const secondStart = firstStart + firstData.length / SECTOR;
  const totalSectors = secondStart + secondData.length / SECTOR;
  if (totalSectors > SECTOR / 4) throw new Error('streams too big for one FAT sector');

  const fat = Buffer.alloc(SECTOR, 0xff); // FREESECT everywhere
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);
  const chain = (start: number, count: number) => {
    for (let i = 0; i < count; i++) {
      fat.writeUInt32LE(i === count - 1 ? ENDOFCHAIN : start + i + 1, (start + i) * 4);
    }
  };
  chain(firstStart, firstData.length / SECTOR);
  chain(secondStart, secondData.length / SECTOR);

  const directory = Buffer.concat([
    directoryEntry({ name: 'Root Entry', type: 5, child: 2 }),
    directoryEntry({
      name: first.name,
      type: 2,
      red: true,
      start: firstStart,
      size: first.bytes.length < MIN_STREAM ? MIN_STREAM : first.bytes.length,
    }),
    directoryEntry({
      name: second.name,
      type: 2,
      left: 1,
      start: secondStart,
      size: second.bytes.length < MIN_STREAM ? MIN_STREAM : second.bytes.length,
    }),
    directoryEntry({ name: '', type: 0 }),
  ]);

  const header = Buffer.alloc(SECTOR);
  Buffer.from(CFB_MAGIC).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // byte order: little-endian
  header.writeUInt16LE(9, 30); // sector shift: 512 bytes
  header.writeUInt16LE(6, 32); // mini sector shift: 64 bytes
  header.writeUInt32LE(0, 40); // directory sectors (always 0 in v3)
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(MIN_STREAM, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // first mini FAT sector
  header.writeUInt32LE(0, 64); // mini FAT sectors
  header.writeUInt32LE(ENDOFCHAIN, 68); // first DIFAT sector
  header.writeUInt32LE(0, 72); // DIFAT sectors
  header.fill(0xff, 76); // the header's 109 DIFAT slots: FREESECT ...
  header.writeUInt32LE(0, 76); // ... but the first names the FAT sector
  return new Uint8Array(Buffer.concat([header, fat, directory, firstData, secondData]));
}
