import { wordDiff } from '../classify/word-diff.js';
import type {
  ArticleInput,
  Attribution,
  CompareLimits,
  FactChange,
  Quote,
  QuoteStatus,
  Span,
  Summary,
  Verdict,
} from '../types.js';
import { Workspace } from '../workspace.js';
import { findAttribution } from './attribution.js';
import { type AlignedClaims, alignmentFacts, type FactsMemo, NO_ANTONYMS } from './fact-changes.js';
import type { Antonyms } from './polarity.js';
import { checkQuote, indexOriginal, type OriginalIndex, type Piece, splitPieces } from './quote-check.js';
import { type FoundQuote, findQuotes } from './quote-find.js';

/** At most this many examples are named in one flag; the counts are in `summary.quotes`. */
const FLAG_EXAMPLES = 3;

/**
 * The journalism checks' work that depends on one text alone: its quotations, its word index as an
 * original, and (see `FactsMemo`) its capitalised words and each claim's fact items. Kept alongside the text's
 * analysis in compare.ts's `AnalysisCache` (so it is bounded and evicted with it), filled lazily, and never
 * mutated once filled: results copy what they hand out. A compare of a text already seen skips findQuotes,
 * indexOriginal, splitPieces and extractItems. Changes no answer: every memoised value is a pure function of the
 * text (the quotations outside boilerplate also of the boilerplate spans, which are part of the key).
 */
export interface TextMemo extends FactsMemo {
  quotes?: FoundQuote[];
  /** The quotations outside boilerplate, for the boilerplate spans given by `key`, with the text's word index as an
   *  original and each quotation's pieces (`splitPieces`) as a rewrite's. */
  outside?: { key: string; quotes: FoundQuote[]; index?: OriginalIndex; pieces?: Piece[][] };
}

/** An empty memo (for a text that is not cached, or for callers without a cache). */
export function textMemo(): TextMemo {
  return {};
}

/** Each side's per-text work, from earlier compares of its text. */
export interface TextMemos {
  original: TextMemo;
  rewrite: TextMemo;
}

/** What the journalism checks find in a compare. */
export interface JournalismFindings {
  quotes: Quote[];
  droppedQuotes: string[];
  quoteCounts: Summary['quotes'];
  attribution: Attribution;
  /** Each alignment's changed facts, in alignment order. */
  changes: FactChange[][];
  changedFacts: number;
}

/**
 * Journalism checks over a finished alignment: quote integrity, attribution and changed facts. `memos` hold the
 * per-text work of texts seen before (`TextMemo`; each must belong to that side's text).
 */
export function checkJournalism(
  result: AlignedClaims,
  original: ArticleInput,
  rewrite: ArticleInput,
  limits: CompareLimits,
  memos: TextMemos = { original: textMemo(), rewrite: textMemo() },
  workspace = new Workspace(),
  antonyms: Antonyms = NO_ANTONYMS,
): JournalismFindings {
  // Quotations inside boilerplate (teaser headlines, "Read:" links, comment forms) are not the article's.
  const oQuotes = outsideOf(memos.original, original.text, result.original.boilerplate);
  const rQuotes = outsideOf(memos.rewrite, rewrite.text, result.rewrite.boilerplate);
  // The original's word index only serves to locate the rewrite's quotations: a rewrite without any needs none.
  const oIndex = () => (oQuotes.index ??= indexOriginal(original.text, oQuotes.quotes));
  const rPieces = (rQuotes.pieces ??= rQuotes.quotes.map((q) => splitPieces(rewrite.text, q)));
  const { quotes, dropped } = checkQuotes(
    rewrite.text,
    oQuotes.quotes,
    rQuotes.quotes,
    rPieces,
    oIndex,
    limits,
    workspace,
  );
  const quoteCounts = {
    verbatim: 0,
    altered: 0,
    from_narration: 0,
    not_in_original: 0,
    dropped: dropped.length,
    speakerChanged: 0,
  };
  for (const q of quotes) {
    if (q.side !== 'rewrite' || !q.status) continue;
    quoteCounts[q.status]++;
    if (q.speakerChanged) quoteCounts.speakerChanged++;
  }
  const attribution = findAttribution(original, rewrite.text);
  const changes = alignmentFacts(result, original.text, rewrite.text, memos.original, memos.rewrite, antonyms);
  const changedFacts = changes.reduce((n, c) => n + c.length, 0);
  return { quotes, droppedQuotes: dropped, quoteCounts, attribution, changes, changedFacts };
}

/** The text's quotations outside its boilerplate (memoised for the last boilerplate spans seen). */
function outsideOf(memo: TextMemo, text: string, boilerplate: Span[]): NonNullable<TextMemo['outside']> {
  const key = boilerplate.map((b) => `${b.start}:${b.end}`).join(',');
  if (memo.outside?.key === key) return memo.outside;
  const all = (memo.quotes ??= findQuotes(text));
  const quotes = boilerplate.length
    ? all.filter((q) => !boilerplate.some((b) => q.start >= b.start && q.end <= b.end))
    : all;
  return (memo.outside = { key, quotes });
}

/** Fresh copies of a found quotation's spans for a result (found quotations are memoised and shared). */
const copySpan = <T extends Span | null>(s: T): T => s && { ...s };

function checkQuotes(
  rText: string,
  oQuotes: FoundQuote[],
  rQuotes: FoundQuote[],
  rPieces: Piece[][],
  idx: () => OriginalIndex,
  limits: CompareLimits,
  workspace: Workspace,
) {
  const quotes: Quote[] = oQuotes.map((q, i) => ({
    id: `oq${i + 1}`,
    side: 'original',
    start: q.start,
    end: q.end,
    text: q.text,
    speaker: copySpan(q.speaker),
    status: null,
    source: null,
    speakerChanged: false,
    edits: [],
    diff: [],
    group: null,
    nested: q.nested.map(copySpan),
  }));
  const carried = new Set<number>();
  let n = 0;
  rQuotes.forEach((rq, k) => {
    const pieces = checkQuote(rText, rq, idx(), rPieces[k], workspace.quotes);
    const group = pieces.length > 1 ? `rg${k + 1}` : null;
    for (const p of pieces) {
      if (p.sourceQuote !== null) carried.add(p.sourceQuote);
      const src = p.sourceQuote !== null ? oQuotes[p.sourceQuote] : undefined;
      const speakerChanged = !!src && !!src.speakerKey && !!rq.speakerKey && src.speakerKey !== rq.speakerKey;
      quotes.push({
        id: `rq${++n}`,
        side: 'rewrite',
        start: p.start,
        end: p.end,
        text: rText.slice(p.start, p.end),
        speaker: copySpan(rq.speaker),
        status: p.status,
        source: p.source,
        speakerChanged,
        edits: p.edits,
        diff:
          p.status === 'altered' && p.source
            ? wordDiff(p.source.text, rText.slice(p.start, p.end), limits.maxDiffEdits, workspace.diff)
            : [],
        group,
        nested: rq.nested.filter((x) => x.start >= p.start && x.end <= p.end).map(copySpan),
      });
    }
  });
  const dropped = oQuotes.flatMap((_, i) => (carried.has(i) ? [] : [`oq${i + 1}`]));
  return { quotes, dropped };
}

const short = (s: string) => `“${s.length > 60 ? `${s.slice(0, 57)}…` : s}”`;

/** Up to FLAG_EXAMPLES examples joined by `sep`, with an ellipsis when there are more. */
function examples(items: string[], sep: string): string {
  return items.slice(0, FLAG_EXAMPLES).join(sep) + (items.length > FLAG_EXAMPLES ? `${sep}…` : '');
}

/** Human-readable warnings a pipeline should not miss: uncredited derivation, quotation problems, changed facts. */
export function journalismFlags(verdict: Verdict, findings: JournalismFindings): string[] {
  const out: string[] = [];
  const { attribution } = findings;
  const derived = `the rewrite is ${verdict.replace('_', ' ')} from the original`;
  if (verdict !== 'independent' && attribution.credited === false) {
    out.push(`derived_uncredited: ${derived} but does not credit ${attribution.names.join(' / ')}`);
  }
  if (verdict !== 'independent' && attribution.credited === null) {
    const cites = attribution.cited.length
      ? ` (it cites ${[...new Set(attribution.cited.map((c) => c.text))].join(', ')})`
      : '';
    out.push(`credit_not_checked: ${derived}; the original's outlet is unknown, so credit was not checked${cites}`);
  }
  const rq = findings.quotes.filter((q) => q.side === 'rewrite');
  const byStatus = (s: QuoteStatus, label: string) => {
    const qs = rq.filter((q) => q.status === s);
    if (qs.length)
      out.push(
        `${label}: ${qs.length} — ${examples(
          qs.map((q) => short(q.text)),
          ', ',
        )}`,
      );
  };
  byStatus('altered', 'altered_quote');
  byStatus('from_narration', 'quote_from_narration');
  byStatus('not_in_original', 'quote_not_in_original');
  const changed = rq.filter((q) => q.speakerChanged);
  if (changed.length)
    out.push(
      `quote_speaker_changed: ${changed.length} — ${examples(
        changed.map((q) => short(q.text)),
        ', ',
      )}`,
    );
  const facts = findings.changes.flat();
  if (facts.length)
    out.push(
      `changed_facts: ${facts.length} — ${examples(
        facts.map((f) => f.note),
        '; ',
      )}`,
    );
  return out;
}
