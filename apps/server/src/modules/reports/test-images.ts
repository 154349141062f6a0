import sharp from 'sharp'

/** For tests: a small JPEG of one colour. */
export async function plainJpeg(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .toBuffer()
}

/** For tests: a small PNG of one colour. */
export async function plainPng(width = 40, height = 40): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 10, g: 160, b: 90 } } })
    .png()
    .toBuffer()
}

/**
 * An EXIF block written by hand (little-endian TIFF): the camera's make, and a GPS position of
 * 45°27'N 9°11'E, the kind of detail a phone adds to every photo.
 */
export function exifWithGps(make = 'TestCam'): Buffer {
  const entries0 = 2
  const ifd0Size = 2 + entries0 * 12 + 4
  const makeBytes = Buffer.from(`${make}\0`, 'ascii')
  const makeOffset = 8 + ifd0Size
  const gpsIfdOffset = makeOffset + makeBytes.length + (makeBytes.length % 2)
  const gpsEntries = 4
  const gpsIfdSize = 2 + gpsEntries * 12 + 4
  const latOffset = gpsIfdOffset + gpsIfdSize
  const longOffset = latOffset + 24
  const tiff = Buffer.alloc(longOffset + 24)
  tiff.write('II', 0, 'ascii')
  tiff.writeUInt16LE(42, 2)
  tiff.writeUInt32LE(8, 4)
  const entry = (at: number, tag: number, type: number, count: number, value: number | Buffer) => {
    tiff.writeUInt16LE(tag, at)
    tiff.writeUInt16LE(type, at + 2)
    tiff.writeUInt32LE(count, at + 4)
    if (typeof value === 'number') tiff.writeUInt32LE(value, at + 8)
    else value.copy(tiff, at + 8)
  }
  tiff.writeUInt16LE(entries0, 8)
  entry(10, 0x010f, 2, makeBytes.length, makeOffset)
  entry(22, 0x8825, 4, 1, gpsIfdOffset)
  tiff.writeUInt32LE(0, 8 + 2 + entries0 * 12)
  makeBytes.copy(tiff, makeOffset)
  tiff.writeUInt16LE(gpsEntries, gpsIfdOffset)
  const gps = gpsIfdOffset + 2
  entry(gps, 0x0001, 2, 2, Buffer.from('N\0', 'ascii'))
  entry(gps + 12, 0x0002, 5, 3, latOffset)
  entry(gps + 24, 0x0003, 2, 2, Buffer.from('E\0', 'ascii'))
  entry(gps + 36, 0x0004, 5, 3, longOffset)
  tiff.writeUInt32LE(0, gps + gpsEntries * 12)
  const rationals = (at: number, values: number[]) =>
    values.forEach((value, index) => {
      tiff.writeUInt32LE(value, at + index * 8)
      tiff.writeUInt32LE(1, at + index * 8 + 4)
    })
  rationals(latOffset, [45, 27, 50])
  rationals(longOffset, [9, 11, 25])
  return Buffer.concat([Buffer.from('Exif\0\0', 'ascii'), tiff])
}

/** A JPEG with an APP1 EXIF segment right after its start marker. */
export function withExif(jpeg: Buffer, exif: Buffer): Buffer {
  const length = Buffer.alloc(2)
  length.writeUInt16BE(exif.length + 2)
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1]), length, exif, jpeg.subarray(2)])
}
