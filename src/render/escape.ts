/**
 * Escaping for the renderers. Every piece of submitted text goes through one of these before it is written
 * into a document, so an article containing `<script>` or `"><img onerror=…>` renders as text.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and (double- or single-quoted) attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Escapes text for inline Markdown: backslash-escapes the punctuation that can start inline markup (text never
 * starts a line here, so block markers such as `#` or `1.` need no escaping) and turns `<`/`>`/`&` into entities,
 * so raw HTML in an article never reaches a Markdown viewer as HTML.
 * Newlines become spaces: every claim stays on its own list item.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Removes terminal control characters (ESC, other C0/C1 controls) so article text cannot drive the terminal. */
export function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
