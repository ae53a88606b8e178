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

/** The width of a text or Markdown report when none is asked for (a wide terminal). */
export const DEFAULT_WIDTH = 100;
/** Narrowest and widest widths accepted: below 40 columns the marker columns leave no room for words. */
export const MIN_WIDTH = 40;
export const MAX_WIDTH = 1000;

/** The `?format=` query parameter of every route that answers a compare result. */
export const FormatQuerySchema = Type.Object({
  format: Type.Optional(Type.Enum(FORMATS, { description: 'Answer format; overrides the Accept header.' })),
  // A string: query values arrive as text and the validator does not coerce types.
  width: Type.Optional(
    Type.String({
      pattern: '^\\d{1,4}$',
      description:
        `Columns the text and Markdown reports wrap to, ${MIN_WIDTH} to ${MAX_WIDTH}` + ` (default ${DEFAULT_WIDTH}).`,
    }),
  ),
});
