import { escapeHtml } from '../../platform/html.js'

/** A plain, accessible e-mail: the city's name, the message, and where to change preferences. */
export function emailHtml(input: {
  cityName: string
  subject: string
  bodyHtml: string
  footer: string
  lang: string
}): string {
  return `<!doctype html>
<html lang="${escapeHtml(input.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head>
<body style="margin:0;padding:0;background:#f5f6f7;font-family:'Titillium Web',Arial,sans-serif;color:#1a1a1a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" style="max-width:600px;background:#ffffff;border-radius:4px" cellpadding="0" cellspacing="0">
<tr><td style="background:#0066cc;color:#ffffff;padding:16px 24px;font-size:18px;font-weight:700">${escapeHtml(input.cityName)}</td></tr>
<tr><td style="padding:24px;font-size:16px;line-height:1.5"><h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(input.subject)}</h1>${input.bodyHtml}</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e6e9f2;font-size:13px;color:#5c6f82">${escapeHtml(input.footer)}</td></tr>
</table></td></tr></table></body></html>`
}
