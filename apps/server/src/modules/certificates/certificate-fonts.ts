import fs from 'node:fs'
import { deflateSync } from 'node:zlib'
import PDFDocument from 'pdfkit'

/**
 * Titillium Web for certificates, loaded once per process: the font files parsed once, words laid
 * out once, subsets encoded and deflated once, shared by every document (see each part below).
 */
export const REGULAR = 'TitilliumWeb-Regular'
export const SEMIBOLD = 'TitilliumWeb-SemiBold'
export const BOLD = 'TitilliumWeb-Bold'

const fontDirectory = new URL('../../../assets/fonts/', import.meta.url)

/** The parts of pdfkit's embedded font (its EmbeddedFont, one per font per document) used below. */
interface EmbeddedFont {
  layoutCache?: Record<string, unknown>
  encode(text: string): unknown
  subset: { glyphs: number[]; encode(): Uint8Array }
}

/**
 * Each font parsed once, when the module loads. pdfkit would otherwise parse the TTF with fontkit
 * for every document, and fontkit decodes its kerning and ligature tables lazily on the parsed
 * font, so a fresh parse per document repeats that work for every word: most of the time a
 * certificate took. pdfkit accepts an opened fontkit font wherever it takes a file; a throwaway
 * document opens it with the very fontkit build pdfkit uses. pdfkit only reads the parsed font
 * (each document keeps its own subset), so documents can share it.
 */
const PARSED_FONTS = new Map(
  [REGULAR, SEMIBOLD, BOLD].map((name) => [name, parseFont(new URL(`${name}.ttf`, fontDirectory))]),
)

/** The parsed font, or the file's bytes should a later pdfkit keep it elsewhere (slower, still right). */
function parseFont(file: URL): unknown {
  const bytes = fs.readFileSync(file)
  const opener = new PDFDocument({ autoFirstPage: false, font: null as unknown as string })
  opener.font(bytes)
  return (opener as unknown as { _font?: { font?: unknown } })._font?.font ?? bytes
}

/** Words longer than this (seals, addresses of the verification page) are rare and not kept. */
const LONGEST_CACHED_WORD = 32
const CACHED_WORDS_PER_FONT = 5_000

/**
 * pdfkit's cache of laid-out words, shared by the documents and bounded. Laying out a word (kerning,
 * ligatures) is the costliest step left, and certificates repeat most of their words. A cached run
 * holds the font's glyphs and positions in font units, nothing of the document it came from.
 */
function sharedLayoutCache(): Record<string, unknown> {
  const runs = new Map<string, unknown>()
  return new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_target, word) => (typeof word === 'string' ? runs.get(word) : undefined),
    set: (_target, word, run) => {
      if (typeof word === 'string' && word.length <= LONGEST_CACHED_WORD) {
        if (runs.size >= CACHED_WORDS_PER_FONT) runs.clear()
        runs.set(word, run)
      }
      return true
    },
  })
}

const LAYOUT_CACHES = new Map([...PARSED_FONTS.keys()].map((name) => [name, sharedLayoutCache()]))

/**
 * Glyphs every certificate starts its font subsets with, in this order, so that almost all
 * certificates embed the same subsets and each is encoded once (encoding a subset was the other
 * large cost). The file grows by about 10 kB; a rarer letter is still added after these. Short
 * words, so that their layout stays in the word cache.
 */
const COMMON_CHARACTERS = [
  '!"#$%&\'()*+,-./',
  '0123456789:;<=>?@',
  'ABCDEFGHIJKLM',
  'NOPQRSTUVWXYZ',
  '[\\]^_`{|}~',
  'abcdefghijklm',
  'nopqrstuvwxyz',
  'àèéìíòóùÀÈÉÌÒÙ€–’°',
].join(' ')
const ENCODED_SUBSETS_KEPT = 256
const encodedSubsets = new Map<string, Uint8Array>()

/** Registers the parsed fonts on a new document, with the shared word cache and common subset. */
export function useParsedFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, parsed] of PARSED_FONTS) {
    doc.registerFont(name, parsed as Buffer).font(name)
    const font = (doc as unknown as { _font?: Partial<EmbeddedFont> })._font
    if (!font?.subset || typeof font.encode !== 'function') continue
    font.layoutCache = LAYOUT_CACHES.get(name)
    font.encode(COMMON_CHARACTERS)
    const { subset } = font
    const encodeSubset = subset.encode.bind(subset)
    // The encoded subset depends only on the font and its list of glyphs.
    subset.encode = () => {
      const key = `${name}:${subset.glyphs.join(',')}`
      let bytes = encodedSubsets.get(key)
      if (!bytes) {
        bytes = encodeSubset()
        if (encodedSubsets.size >= ENCODED_SUBSETS_KEPT) encodedSubsets.clear()
        encodedSubsets.set(key, bytes)
      }
      return bytes
    }
    embedWithDeflatedFontFile(doc, font)
  }
}

/** Deflated font files, by the encoded subset they were made from (kept as long as it is). */
const deflatedSubsets = new WeakMap<Uint8Array, Buffer>()

interface StreamReference {
  compress: boolean
  data: Record<string, unknown>
  end(chunk: Uint8Array): void
}

/**
 * pdfkit deflates a font file again in every document, though the subset bytes are the shared ones
 * above: the first reference its `embed` makes (the font file) gets the deflated bytes kept from
 * an earlier document instead, marked FlateDecode so pdfkit writes them as they are.
 */
function embedWithDeflatedFontFile(doc: PDFKit.PDFDocument, font: Partial<EmbeddedFont>): void {
  const withEmbed = font as { embed?: () => void }
  const embed = withEmbed.embed?.bind(font)
  if (!embed) return
  withEmbed.embed = () => {
    const handle = doc as unknown as { ref: (data?: unknown) => StreamReference }
    const makeReference = handle.ref
    handle.ref = (data) => {
      handle.ref = makeReference
      const reference = makeReference.call(doc, data)
      const end = reference.end.bind(reference)
      reference.compress = false
      reference.data.Filter = 'FlateDecode'
      reference.end = (chunk) => {
        let deflated = deflatedSubsets.get(chunk)
        if (!deflated) {
          deflated = deflateSync(chunk)
          deflatedSubsets.set(chunk, deflated)
        }
        end(deflated)
      }
      return reference
    }
    try {
      embed()
    } finally {
      handle.ref = makeReference
    }
  }
}
