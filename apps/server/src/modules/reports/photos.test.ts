import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { isAppError } from '../../platform/errors.js'
import { MAX_PHOTO_BYTES, processPhoto, processPhotos, sniffImageType } from './photos.js'
import { exifWithGps, plainJpeg, plainPng, withExif } from './test-images.js'

async function refusal(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work
  } catch (error) {
    if (isAppError(error)) return error.messageKey
    throw error
  }
  throw new Error('not refused')
}

describe('report photos', () => {
  it('strips the GPS position and the camera from a JPEG, and makes a thumbnail', async () => {
    const input = withExif(await plainJpeg(800, 600), exifWithGps('TestCam'))
    const before = await sharp(input).metadata()
    expect(before.exif?.includes(Buffer.from('TestCam'))).toBe(true)
    expect(input.includes(Buffer.from('Exif\0\0'))).toBe(true)

    const processed = await processPhoto(input, 0)
    const photo = Buffer.from(processed.photo)
    const after = await sharp(photo).metadata()
    expect(after.format).toBe('jpeg')
    expect(after.exif).toBeUndefined()
    expect(after.icc).toBeUndefined()
    expect(photo.includes(Buffer.from('Exif'))).toBe(false)
    expect(photo.includes(Buffer.from('TestCam'))).toBe(false)
    expect([processed.width, processed.height]).toEqual([800, 600])

    const thumbnail = await sharp(Buffer.from(processed.thumbnail)).metadata()
    expect(thumbnail.width).toBe(320)
    expect(thumbnail.exif).toBeUndefined()
  })

  it('re-encodes PNG photos as JPEG and shrinks large ones', async () => {
    const processed = await processPhoto(await plainPng(2400, 1200), 0)
    expect(sniffImageType(processed.photo)).toBe('image/jpeg')
    expect([processed.width, processed.height]).toEqual([1600, 800])
  })

  it('reads the type from the bytes, whatever the file claims', async () => {
    expect(sniffImageType(await plainPng())).toBe('image/png')
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(await refusal(processPhoto(Buffer.from('%PDF-1.7\n%%EOF\n'), 0))).toBe('reports.photo-type')
  })

  it('refuses damaged images, empty and oversized files, and a fourth photo', async () => {
    const truncated = (await plainJpeg()).subarray(0, 40)
    expect(await refusal(processPhoto(truncated, 0))).toBe('reports.photo-unreadable')
    expect(await refusal(processPhoto(new Uint8Array(), 0))).toBe('reports.photo-too-large')
    const huge = new Uint8Array(MAX_PHOTO_BYTES + 1)
    huge.set([0xff, 0xd8, 0xff])
    expect(await refusal(processPhoto(huge, 0))).toBe('reports.photo-too-large')
    const jpeg = await plainJpeg()
    expect(await refusal(processPhotos([jpeg, jpeg, jpeg, jpeg]))).toBe('reports.too-many-photos')
  })
})
