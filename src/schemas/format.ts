import { Type } from 'typebox';

/** The answer formats of a compare: JSON for tools, text for curl, Markdown for tickets, HTML for editors. */
export const FORMATS = ['json', 'text', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** The media type each format is answered with (and that `Accept` asks for). */
export const MEDIA_TYPES: Record<Format, string> = {
  json: 'application/json',
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
};

/** The `?format=` query parameter of every route that answers a compare result. */
export const FormatQuerySchema = Type.Object({
  format: Type.Optional(Type.Enum(FORMATS, { description: 'Answer format; overrides the Accept header.' })),
});
