import MarkdownIt from 'markdown-it'

// Raw HTML in a text is shown as text, never passed through; links keep markdown-it's check that
// refuses javascript:, vbscript:, file: and data: addresses.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true })

/** Safe HTML of a text written in markdown by staff (messages, assistant answers). */
export function renderMarkdown(source: string): string {
  return markdown.render(source)
}
