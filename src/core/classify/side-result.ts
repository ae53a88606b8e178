import type { Segment } from '../segment/article.js';
import type { ClaimSpan } from '../text-analysis.js';
import type { Boilerplate, Claim, SideResult } from '../types.js';
import type { ClaimVerdict } from './claim-verdicts.js';

/** One side as the analysis left it: its paragraphs, claims (in text order) and boilerplate. */
export interface SideText {
  paragraphs: Segment[];
  claims: ClaimSpan[];
  boilerplate: Boilerplate[];
}

/**
 * One side of the answer: its claims with their verdicts, and its paragraphs, each matched with the paragraphs of
 * the other side that hold its claims' matches. Fresh objects throughout: the analysis may be shared with other
 * compares.
 */
export function sideResult(
  side: SideText,
  prefix: 'o' | 'r',
  verdicts: ClaimVerdict[],
  otherClaims: ClaimSpan[],
): SideResult {
  const claims: Claim[] = side.claims.map((c, i) => {
    const v = verdicts[i]!;
    return {
      id: `${prefix}${i + 1}`,
      paragraph: c.paragraph,
      start: c.start,
      end: c.end,
      text: c.text,
      status: v.status,
      matches: v.matches,
      similarity: v.similarity,
      carried: v.carried,
      alignments: v.alignments,
      changed: false,
    };
  });
  const paragraphOf = (id: string) => otherClaims[Number(id.slice(1)) - 1]!.paragraph;
  let next = 0;
  const paragraphs = side.paragraphs.map((seg, index) => {
    const own = claims.slice(next, (next += seg.sentences.length));
    const matches = new Set<number>();
    for (const c of own) for (const m of c.matches) matches.add(paragraphOf(m));
    const claimIds = own.map((c) => c.id);
    return { index, start: seg.start, end: seg.end, claims: claimIds, matches: [...matches].sort((a, b) => a - b) };
  });
  return { paragraphs, claims, boilerplate: side.boilerplate.map((b) => ({ ...b })) };
}
