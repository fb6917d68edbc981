import { type Locale, textDirection } from '../../../shared/locales.js';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character]);
}

const link = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

/** One line of text as HTML: escaped, its addresses made links (isolated so that a URL keeps its order in Arabic). */
function lineHtml(line: string): string {
  let html = '';
  let last = 0;
  for (const match of line.matchAll(link)) {
    const index = match.index ?? 0;
    html += escapeHtml(line.slice(last, index));
    const url = escapeHtml(match[0]);
    html += `<a href="${url}" dir="ltr">${url}</a>`;
    last = index + match[0].length;
  }
  return html + escapeHtml(line.slice(last));
}

/**
 * The HTML part of a message made from its text: blank lines separate paragraphs, line breaks are kept, links are
 * links; the document says its language and, in Arabic, that it reads right to left.
 */
export function renderHtml(message: { subject: string; text: string; locale: Locale }): string {
  const direction = textDirection(message.locale);
  const paragraphs = message.text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${paragraph.split('\n').map(lineHtml).join('<br>\n')}</p>`);
  return [
    '<!doctype html>',
    `<html lang="${message.locale}" dir="${direction}">`,
    '<head><meta charset="utf-8">',
    `<title>${escapeHtml(message.subject)}</title></head>`,
    `<body style="font-family: Arial, 'Noto Sans Arabic', sans-serif; font-size: 15px; line-height: 1.5; text-align: ${direction === 'rtl' ? 'right' : 'left'}">`,
    ...paragraphs,
    '</body>',
    '</html>',
  ].join('\n');
}
