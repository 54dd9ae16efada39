/**
 * The byte layout of a zip's records (APPNOTE 6.3): local file headers, central directory headers and the end of the
 * central directory, with the zip64 forms where a size, an offset or the entry count does not fit the classic fields.
 * Every entry's CRC-32 and sizes are known before its header is written, so no entry has a data descriptor.
 */

export interface ZipRecordEntry {
  /** The entry name's UTF-8 bytes. */
  name: Buffer;
  crc32: number;
  /** Bytes of the entry as stored (deflated or not). */
  compressedSize: number;
  uncompressedSize: number;
  deflated: boolean;
  /** Where the entry's local header starts. */
  offset: number;
  /** Unix mode, kept in the external attributes. */
  mode: number;
  dosTime: number;
  dosDate: number;
}

const MAX_32 = 0xffffffff;
const MAX_16 = 0xffff;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAMES = 0x0800;
const VERSION_DEFAULT = 20;
const VERSION_ZIP64 = 45;
/** Made by: Unix (3) in the high byte, so readers take the external attributes as a Unix mode. */
const MADE_BY_UNIX = 3 << 8;

function needsZip64(entry: ZipRecordEntry, force: boolean): boolean {
  return force || entry.compressedSize >= MAX_32 || entry.uncompressedSize >= MAX_32 || entry.offset >= MAX_32;
}

export function localFileHeader(entry: ZipRecordEntry, forceZip64: boolean): Buffer {
  const sizesInExtra = forceZip64 || entry.compressedSize >= MAX_32 || entry.uncompressedSize >= MAX_32;
  const extra = sizesInExtra ? zip64Extra([entry.uncompressedSize, entry.compressedSize]) : Buffer.alloc(0);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(needsZip64(entry, forceZip64) ? VERSION_ZIP64 : VERSION_DEFAULT, 4);
  header.writeUInt16LE(UTF8_NAMES, 6);
  header.writeUInt16LE(entry.deflated ? 8 : 0, 8);
  header.writeUInt16LE(entry.dosTime, 10);
  header.writeUInt16LE(entry.dosDate, 12);
  header.writeUInt32LE(entry.crc32, 14);
  header.writeUInt32LE(sizesInExtra ? MAX_32 : entry.compressedSize, 18);
  header.writeUInt32LE(sizesInExtra ? MAX_32 : entry.uncompressedSize, 22);
  header.writeUInt16LE(entry.name.length, 26);
  header.writeUInt16LE(extra.length, 28);
  return Buffer.concat([header, entry.name, extra]);
}

export function centralDirectoryHeader(entry: ZipRecordEntry, forceZip64: boolean): Buffer {
  // The zip64 extra holds, in this order, only the fields whose classic slot says 0xffffffff.
  const big = (value: number) => forceZip64 || value >= MAX_32;
  const extraValues = [entry.uncompressedSize, entry.compressedSize, entry.offset].filter(big);
  const extra = extraValues.length > 0 ? zip64Extra(extraValues) : Buffer.alloc(0);
  const version = needsZip64(entry, forceZip64) ? VERSION_ZIP64 : VERSION_DEFAULT;
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(MADE_BY_UNIX | version, 4);
  header.writeUInt16LE(version, 6);
  header.writeUInt16LE(UTF8_NAMES, 8);
  header.writeUInt16LE(entry.deflated ? 8 : 0, 10);
  header.writeUInt16LE(entry.dosTime, 12);
  header.writeUInt16LE(entry.dosDate, 14);
  header.writeUInt32LE(entry.crc32, 16);
  header.writeUInt32LE(big(entry.compressedSize) ? MAX_32 : entry.compressedSize, 20);
  header.writeUInt32LE(big(entry.uncompressedSize) ? MAX_32 : entry.uncompressedSize, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt16LE(extra.length, 30);
  // comment length, disk number start and internal attributes stay 0
  header.writeUInt32LE((entry.mode << 16) >>> 0, 38);
  header.writeUInt32LE(big(entry.offset) ? MAX_32 : entry.offset, 42);
  return Buffer.concat([header, entry.name, extra]);
}

/** The records after the central directory: the zip64 end record and its locator when needed, then the classic one. */
export function endOfCentralDirectory(
  entryCount: number,
  directoryOffset: number,
  directorySize: number,
  forceZip64: boolean,
): Buffer {
  const zip64 = forceZip64 || entryCount >= MAX_16 || directoryOffset >= MAX_32 || directorySize >= MAX_32;
  const records: Buffer[] = [];
  if (zip64) {
    const end64 = Buffer.alloc(56);
    end64.writeUInt32LE(0x06064b50, 0);
    end64.writeBigUInt64LE(44n, 4); // the record's size after this field
    end64.writeUInt16LE(MADE_BY_UNIX | VERSION_ZIP64, 12);
    end64.writeUInt16LE(VERSION_ZIP64, 14);
    // this disk and the directory's disk stay 0
    end64.writeBigUInt64LE(BigInt(entryCount), 24);
    end64.writeBigUInt64LE(BigInt(entryCount), 32);
    end64.writeBigUInt64LE(BigInt(directorySize), 40);
    end64.writeBigUInt64LE(BigInt(directoryOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
    locator.writeUInt32LE(1, 16);
    records.push(end64, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? MAX_16 : entryCount, 8);
  end.writeUInt16LE(zip64 ? MAX_16 : entryCount, 10);
  end.writeUInt32LE(zip64 ? MAX_32 : directorySize, 12);
  end.writeUInt32LE(zip64 ? MAX_32 : directoryOffset, 16);
  records.push(end);
  return Buffer.concat(records);
}

function zip64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((value, i) => extra.writeBigUInt64LE(BigInt(value), 4 + 8 * i));
  return extra;
}

/** DOS date and time fields of a local date (2-second resolution). */
export function dosDateTime(date: Date): { dosDate: number; dosTime: number } {
  return {
    dosDate: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
    dosTime: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
  };
}
