import type { BoilerplateKind } from '../types.js';

/**
 * Line-level patterns of page furniture that web-to-text copies carry along. They are the generic labels of
 * CMS templates (WordPress/Blogger comment forms, "Read more:" links, "Categories:" lines, credit lines), not
 * strings of any one page; each is only tried on a short paragraph (see `SHORT_WORDS`) so prose that merely
 * mentions "comments" or "Reuters" is never touched.
 */

/** Paragraphs longer than this many words are prose, never furniture (furniture lines are labels: 1–20 words). */
export const SHORT_WORDS = 25;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?' +
  '|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?';
const CLOCK = '\\d{1,2}(?:[:.]\\d{2}){1,2}\\s*(?:[ap]\\.?\\s?m\\.?)?(?:\\s*\\(?[A-Z]{2,5}\\)?)?';
const DATE =
  `(?:(?:${WEEKDAY}\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}` +
  `|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4})` +
  `|\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?)?` +
  `|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4})`;
const COUNT = '(?:\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)';

/** "3 months ago", "an hour ago": the age stamps of teaser items and comment lists. */
export const RELATIVE_TIME = new RegExp(
  `^(?:about |over |almost |nearly )?${COUNT}\\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week` +
    `|month|year|yr)s?\\s+ago\\.?$`,
  'i',
);
/**
 * A paragraph that is only a date and/or a time ("May 22, 2025", "2025-05-22 14:00", "May 22, 2025 at 2:18 p.m. ET").
 */
const DATE_ONLY = new RegExp(
  `^(?:${DATE}(?:\\s*(?:,|at|\\||-|–)?\\s*${CLOCK})?|${CLOCK}(?:\\s*(?:,|on|\\||-|–)?\\s*${DATE})?)$`,
  'i',
);
/** "Updated at 2:18 p.m. ET on May 22, 2025", "Published: 22 May 2025", "Last modified on …". */
const STAMP_LABEL =
  /^(?:(?:last\s+)?(?:updated|modified|edited)|(?:first\s+|originally\s+)?(?:published|posted)|date)\b/i;

type Rule = readonly [BoilerplateKind, RegExp];

/** A short label naming an ad slot or widget ("Header Ads Widget", "Advertisement", "Sponsored content"). */
const GENERIC_WIDGET = new RegExp(
  String.raw`^(?:[\p{L}\s]{0,30}\b)?(?:widget|advertisement|advertising|sponsored(?: content| post)?|ads?` +
    String.raw`|promoted(?: content)?)\b[\p{L}\s]{0,30}$`,
  'iu',
);

/** Whole-paragraph patterns, tried in order on short paragraphs (whitespace collapsed to single spaces). */
const RULES: readonly Rule[] = [
  [
    'category',
    /^(?:categor(?:y|ies)|tags?|tagged(?: with| in)?|filed (?:under|in)|topics?|sections?|labels?|posted in)\s*:/i,
  ],
  [
    'comment_form',
    new RegExp(
      '^(?:leave|post|add|write|submit|join) (?:a|your|the) (?:reply|comment|response|discussion' +
        String.raw`|conversation)\b[^.!?]{0,30}$`,
      'i',
    ),
  ],
  ['comment_form', /^(?:\d+|no|view|show|load|see) (?:comments?|repl(?:y|ies)|responses?)\b[^.!?]{0,20}$/i],
  ['comment_form', /^comments?(?:\s*\(\d+\))?$/i],
  [
    'comment_form',
    new RegExp(
      'your email address will not be published|required fields are marked|^cancel reply$' +
        '|^save my name,? email,? and website|^notify me of (?:follow-?up comments|new posts)' +
        String.raw`|^you must be logged in to post a comment|^(?:name|e-?mail|website|comment)\s*\*$`,
      'i',
    ),
  ],
  [
    'read_more',
    new RegExp(
      '^(?:read|read more|read also|also read|more|see also|related' +
        '|related (?:story|stories|article|articles|content|coverage|reading)' +
        '|recommended(?: reading)?|further reading|watch|listen|more on (?:this|that)(?: story)?' +
        String.raw`|don[’']t miss|must read)\s*:`,
      'i',
    ),
  ],
  ['read_more', /^(?:read more|read also|also read|related stories|related articles|continue reading)\b[^.!?]{0,80}$/i],
  [
    'photo_credit',
    new RegExp(
      String.raw`^\(?(?:photo(?:graph)?s?|images?|pictures?|illustrations?|videos?|graphics?|credits?` +
        String.raw`|photo credits?|image credits?|top image|main image|source|lead image)(?: by)?\s*[:\-–—|]`,
      'i',
    ),
  ],
  ['photo_credit', /^\(?(?:photo|photograph|image|illustration|picture) (?:by|courtesy of|via)\b/i],
  [
    'photo_credit',
    new RegExp(
      String.raw`(?:^|[\s/|(])(?:getty images|shutterstock|ap photo|afp via getty|via getty|via reuters` +
        String.raw`|reuters\/|afp\/|epa-efe|alamy|anadolu(?: agency)?|sipa(?: usa)?|bloomberg via getty)\)?$`,
      'i',
    ),
  ],
  ['timestamp', RELATIVE_TIME],
  ['timestamp', DATE_ONLY],
  ['widget', GENERIC_WIDGET],
  [
    'widget',
    new RegExp(
      String.raw`^(?:share(?: this| on \p{L}+)?(?: (?:article|story|post))?|tweet|print|e-?mail|facebook` +
        '|twitter|whatsapp|linkedin|telegram|pinterest|reddit|copy link|subscribe(?: now)?|sign up' +
        String.raw`|newsletter|skip to (?:main )?content|main menu|menu|search|home|follow us(?: on [\p{L} ]+)?` +
        String.raw`|toggle navigation|scroll to top|back to top|like this|like loading\.{0,3})\s*:?$`,
      'iu',
    ),
  ],
  ['other', /^\d+\s*(?:min(?:ute)?s?|m)\s+read$|^reading time\b/i],
  ['photo_credit', /^(?:image|photo|video) (?:source|caption|credit)\s*[,:]/i],
  [
    'widget',
    new RegExp(
      String.raw`^(?:advertisement\s*[-–—:]?\s*scroll to continue|listen to this article|loading\.{0,3}` +
        String.raw`|subscribe to\b[^.!?]{0,40}|sign up (?:for|to)\b[^!?]{0,80}newsletter[^!?]{0,40})$`,
      'i',
    ),
  ],
  ['other', /^(?:©|\(c\)|copyright\b)|\ball rights reserved\.?$/i],
  ['read_more', /^click here\b[^!?]{0,80}$/i],
  [
    'widget',
    /^(?:get|sign up for|subscribe to|join)\b[^.!?]{0,80}\b(?:newsletters?|inbox|briefing|alerts?)\b[^!?]{0,60}$/i,
  ],
  [
    'widget',
    new RegExp(
      String.raw`^follow\b[^.!?]{0,60}\bon (?:twitter|x|facebook|instagram|linkedin|threads|bluesky|telegram` +
        String.raw`|youtube)\b[^!?]{0,40}$`,
      'i',
    ),
  ],
  [
    'other',
    new RegExp(
      '^(?:this|the) (?:article|story|piece|post|report) (?:was |is |first )?(?:originally ' +
        String.raw`|first )?(?:published|appeared|ran)\b`,
      'i',
    ),
  ],
];

/** Widget labels are 1–4 words ("Header Ads Widget", "Advertisement"); a longer line naming ads is a headline. */
const WIDGET_MAX_WORDS = 4;

/** Editors' notes about the article itself, not claims of the story ("This article originally misstated …"). */
const CORRECTION = new RegExp(
  String.raw`^(?:correction|clarification|editor[’']?s note|update)\s*(?:\([^)]{0,40}\))?\s*[:.—–-]` +
    '|^(?:this|an earlier version of this|a previous version of this' +
    '|an earlier version of the) (?:article|story|post|report|piece' +
    String.raw`|headline)\b.{0,80}\b(?:misstated|misidentified|misspelled|misquoted|incorrectly|erroneously` +
    '|mistakenly|has been (?:updated|corrected|amended)|was (?:updated|corrected|amended)' +
    String.raw`|originally(?! (?:published|appeared|ran)))\b`,
  'i',
);

/** "By Jane Doe", "Written by Jane Doe and John Roe | Reuters" (name words capitalised; see `isByline`). */
const BYLINE =
  /^(?:by|written by|words by|reporting by|report by|story by|posted by|author|authors|reported by)\s*:?\s+(.+)$/i;
/**
 * Wire-service trailers: "(Reporting by Jane Doe in Kyiv; Editing by John Roe)", "AP writer Jane Doe contributed to
 * this report."
 */
const WIRE_CREDIT = new RegExp(
  String.raw`^\(?(?:(?:additional )?reporting|writing|editing|compiled|research) by\b[^()]{0,200}\)?\.?$` +
    String.raw`|\bcontributed (?:reporting )?to this (?:report|story|article)\.?$`,
  'i',
);

/**
 * The kind of furniture a short paragraph is, from its own text alone, or null.
 * @param line the paragraph with whitespace collapsed to single spaces
 * @param words `wordCount(line)`, when the caller has counted already
 */
export function lineKind(line: string, words = wordCount(line)): BoilerplateKind | null {
  if (CORRECTION.test(line)) return 'correction';
  if (words > SHORT_WORDS) return null;
  if (STAMP_LABEL.test(line) && /\d/.test(line) && !/[.!?]$/.test(line.replace(/[ap]\.m\.$/i, ''))) return 'timestamp';
  if (isByline(line) || WIRE_CREDIT.test(line)) return 'byline';
  if (isCreditChain(line) || isCreditChain(line.replace(/^[([](.*)[)\]]$/u, '$1'))) return 'photo_credit';
  for (const [kind, re] of RULES) {
    if (re === GENERIC_WIDGET && words > WIDGET_MAX_WORDS) continue;
    if (re.test(line)) return kind;
  }
  return null;
}

/** Words in a line (runs of non-space): the non-empty pieces of `line.split(' ')`, counted without making them. */
export function wordCount(line: string): number {
  let n = 0;
  for (let i = 0, inWord = false; i < line.length; i++) {
    const space = line.charCodeAt(i) === 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Lower-case joiners allowed inside names and agency names ("Ludwig van Beethoven", "Agence France-Presse"). */
const NAME_JOINERS = new Set([
  'and',
  '&',
  'of',
  'for',
  'the',
  'via',
  'de',
  'van',
  'von',
  'der',
  'da',
  'del',
  'la',
  'le',
  'al',
  'bin',
  'y',
]);

/** A capitalised name word: "Smialowski", "O’Brien", "AFP", "J.", "al-Assad". */
export function isNameWord(w: string): boolean {
  return /^[\p{Lu}][\p{L}\p{M}’'.-]*$/u.test(w) || /^\p{Ll}{1,3}-\p{Lu}/u.test(w);
}

/** Share of a phrase's words that are capitalised name words (joiners not counted). */
function nameShare(words: string[]): number {
  const content = words.filter((w) => !NAME_JOINERS.has(w.toLowerCase()));
  if (!content.length) return 0;
  return content.filter((w) => isNameWord(w.replace(/[,;]$/, ''))).length / content.length;
}

/** "By Jane Doe", "By Jane Doe, Reuters": a by-label followed by at most 12 mostly capitalised words, no sentence. */
function isByline(line: string): boolean {
  const m = BYLINE.exec(line);
  if (!m) return false;
  const words = (m[1] as string).split(/[\s|,·•–—]+/).filter(Boolean);
  // "By Monday, the talks had collapsed." is prose: require a name-like tail without a sentence end.
  return words.length <= 12 && nameShare(words) >= 0.6 && !/[!?]$|[^.\p{Lu}]\.$/u.test(line);
}

/** "Brendan Smialowski / AFP / Getty", "Jane Doe | Reuters": 2+ short capitalised parts joined by / or |. */
function isCreditChain(line: string): boolean {
  const parts = line.split(/\s+[/|]\s+|\s*\/\s*(?=\p{Lu})/u);
  if (parts.length < 2 || /[.!?:]$/.test(line)) return false;
  return parts.every((p) => {
    const words = p.split(' ').filter(Boolean);
    return words.length >= 1 && words.length <= 5 && nameShare(words) === 1;
  });
}

/** A heading that opens a list of teasers ("Recent Posts", "Related Articles", "You may also like", "Most read"). */
export const TEASER_HEADING = new RegExp(
  '^(?:recent|related|latest|popular|trending|top|most (?:read|popular|viewed|shared)' +
    '|more (?:stories|news|articles|posts|from|in|on)|other (?:stories|news|articles|posts)' +
    "|recommended|featured|editor[’']?s picks?" +
    '|you (?:may|might) (?:also )?(?:like|be interested in)|read next|up next|what to read next' +
    '|further reading|around the web|from the web|also (?:on|in)' +
    String.raw`|in case you missed it)\b[^.!?:]{0,40}:?$`,
  'i',
);
