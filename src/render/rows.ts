import type { Alignment, Boilerplate, Claim, ClaimStatus, CompareResult, Side } from '../core/types.js';

/**
 * The side-by-side reading of a result that every renderer shares: rows in which aligned claims face each
 * other, dropped claims stand alone on the left and added claims alone on the right (placed after the
 * rewrite claim they follow), boilerplate rows greyed in place. Each claim's text is cut into pieces by
 * the marks that fall inside it (word-diff changes, changed facts, quotes), always by offsets into the
 * side's text, never by searching copied substrings in the article.
 */

export type MarkKind = 'changed' | 'fact' | 'quote' | 'credit';

export interface Mark {
  side: Side;
  start: number;
  end: number;
  kind: MarkKind;
  /** A CSS-friendly sub-kind: the quote status, the fact-change kind. */
  detail: string;
  /** A one-line human explanation, shown as a flag on the row and as a tooltip. */
  note: string;
  /** Marks of one finding share a key (a changed fact marked on both sides is one note). */
  key?: string;
  /** A finding an editor must check (a changed fact, a quotation problem), kept by "problems only". */
  problem?: boolean;
}

export interface Piece {
  text: string;
  marks: Mark[];
}

export interface RenderedClaim {
  claim: Claim;
  pieces: Piece[];
}

export type RowKind = 'aligned' | 'dropped' | 'added' | 'boilerplate';

export interface Row {
  kind: RowKind;
  status: ClaimStatus | 'boilerplate';
  alignments: Alignment[];
  moved: boolean;
  original: RenderedClaim[];
  rewrite: RenderedClaim[];
  boilerplate: { side: Side; item: Boilerplate } | null;
  /**
   * Distinct notes of the marks that begin in this row (changed facts, quote findings), in text order: a quotation
   * running over two rows is noted once, a fact changed on both sides once (on the rewrite's side).
   */
  flags: Mark[];
  /** Some flag of the row is a problem (see `Mark.problem`). */
  problem: boolean;
  /** Original paragraph index of the row's first original claim, or null. */
  paragraph: number | null;
}

const QUOTE_NOTES: Record<string, string> = {
  altered: 'quotation altered',
  from_narration: 'narration turned into a quotation',
  not_in_original: 'quotation not found in the original',
};

/** Collects the marks of a result: word-diff changes, changed facts and quote findings, by side. */
export function collectMarks(result: CompareResult): Mark[] {
  const marks: Mark[] = [];
  const claims = { original: byId(result.original.claims), rewrite: byId(result.rewrite.claims) };
  for (const a of result.alignments) {
    marks.push(...diffMarks(a, 'original', a.original.map((id) => claims.original.get(id)).filter(isClaim)));
    marks.push(...diffMarks(a, 'rewrite', a.rewrite.map((id) => claims.rewrite.get(id)).filter(isClaim)));
    a.changes.forEach((c, k) => {
      const fact = { kind: 'fact' as const, detail: c.kind, note: c.note, key: `${a.id}.${k}`, problem: true };
      if (c.original) marks.push({ side: 'original', start: c.original.start, end: c.original.end, ...fact });
      if (c.rewrite) marks.push({ side: 'rewrite', start: c.rewrite.start, end: c.rewrite.end, ...fact });
    });
  }
  for (const e of result.summary.attribution.evidence) {
    marks.push({
      side: 'rewrite',
      start: e.start,
      end: e.end,
      kind: 'credit',
      detail: 'credit',
      note: '',
      key: `credit${e.start}`,
    });
  }
  const dropped = new Set(result.droppedQuotes);
  for (const q of result.quotes) {
    if (q.side === 'original') {
      if (dropped.has(q.id))
        marks.push({
          side: 'original',
          start: q.start,
          end: q.end,
          kind: 'quote',
          detail: 'dropped',
          note: 'quotation dropped by the rewrite',
          key: q.id,
        });
      continue;
    }
    const status = q.status ?? 'verbatim';
    const notes: string[] = [];
    if (QUOTE_NOTES[status]) notes.push(QUOTE_NOTES[status]!);
    if (q.edits.length) notes.push(q.edits.map((e) => `${e.kind} ${JSON.stringify(e.text)}`).join(', '));
    if (q.speakerChanged) notes.push('attributed to a different speaker');
    marks.push({
      side: 'rewrite',
      start: q.start,
      end: q.end,
      kind: 'quote',
      detail: status,
      note: notes.join('; '),
      key: q.id,
      problem: status !== 'verbatim' || q.speakerChanged,
    });
  }
  return marks;
}

/**
 * The changed words of one side of an alignment as spans into that side's text. The diff runs over the group's
 * claim texts, but its whitespace is its own (a part boundary may drop or add a space: "Putin" + "and"), so
 * the diff is laid over the claims character by character, skipping whitespace on both: the n-th non-space
 * character of the side's diff parts is the n-th non-space character of the claims in text order. A changed
 * part is marked from its first to its last non-space character, cut where a claim ends. If the two do not
 * agree (a diff over other text), the group gets no word marks rather than wrong ones.
 */
export function diffMarks(a: Alignment, side: Side, claims: Claim[]): Mark[] {
  const skip = side === 'original' ? 'added' : 'removed';
  const sorted = [...claims].sort((x, y) => x.start - y.start);
  const at: number[] = [],
    owner: number[] = [];
  sorted.forEach((c, k) => {
    for (let i = 0; i < c.text.length; i++)
      if (!/\s/.test(c.text[i]!)) {
        at.push(c.start + i);
        owner.push(k);
      }
  });
  const text = sorted.map((c) => c.text);
  const charAt = (n: number) => text[owner[n]!]![at[n]! - sorted[owner[n]!]!.start];
  const marks: Mark[] = [];
  let n = 0;
  for (const p of a.diff) {
    if (p.op === skip) continue;
    const first = n;
    for (const ch of p.text) {
      if (/\s/.test(ch)) continue;
      // A character outside the BMP is two UTF-16 units of the claim.
      for (let u = 0; u < ch.length; u++) {
        if (n >= at.length || charAt(n) !== ch[u]) return [];
        n++;
      }
    }
    if (p.op === 'equal' || n === first) continue;
    // One mark per claim the part covers (a removed clause never spills into the joining space of two claims).
    for (let i = first; i < n; ) {
      let j = i;
      while (j + 1 < n && owner[j + 1] === owner[i]) j++;
      marks.push({
        side,
        start: at[i]!,
        end: at[j]! + 1,
        kind: 'changed',
        detail: p.op,
        note: p.op === 'removed' ? 'not in the rewrite' : 'not in the original',
      });
      i = j + 1;
    }
  }
  return n === at.length ? marks : [];
}

/** Cuts a claim into pieces at every mark boundary inside it; each piece carries the marks covering it. */
export function piecesOf(claim: Claim, marks: Mark[]): Piece[] {
  const inside = marks.filter((m) => m.start < claim.end && m.end > claim.start);
  const cuts = new Set<number>([claim.start, claim.end]);
  for (const m of inside) {
    cuts.add(Math.max(m.start, claim.start));
    cuts.add(Math.min(m.end, claim.end));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!,
      e = points[i + 1]!;
    pieces.push({
      text: claim.text.slice(s - claim.start, e - claim.start),
      marks: inside.filter((m) => m.start <= s && m.end >= e),
    });
  }
  return pieces;
}

/** Builds the rows of the side-by-side view (see the module comment). */
export function buildRows(result: CompareResult): Row[] {
  const marks = collectMarks(result);
  const sideMarks = {
    original: marks.filter((m) => m.side === 'original'),
    rewrite: marks.filter((m) => m.side === 'rewrite'),
  };
  const render =
    (side: Side) =>
    (c: Claim): RenderedClaim => ({ claim: c, pieces: piecesOf(c, sideMarks[side]) });
  const oById = byId(result.original.claims),
    rById = byId(result.rewrite.claims);

  // Alignments sharing a claim belong to one row (an n:m group), found with a small union-find.
  const groupOf = new Map<string, number>();
  const parent: number[] = result.alignments.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  result.alignments.forEach((a, i) => {
    for (const id of [...a.original, ...a.rewrite]) {
      const g = groupOf.get(id);
      if (g === undefined) groupOf.set(id, i);
      else parent[find(i)] = find(g);
    }
  });
  const groups = new Map<number, Alignment[]>();
  result.alignments.forEach((a, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), a]);
  });

  const rows: Row[] = [];
  const rowOfClaim = new Map<string, Row>();
  const emptyRow = (kind: RowKind, status: Row['status']): Row => ({
    kind,
    status,
    alignments: [],
    moved: false,
    original: [],
    rewrite: [],
    boilerplate: null,
    flags: [],
    problem: false,
    paragraph: null,
  });

  // Original-anchored items, in original text order: aligned groups (at their first original claim),
  // dropped claims and the original's boilerplate.
  type Anchored = { at: number; row: Row };
  const anchored: Anchored[] = [];
  const seenGroups = new Set<number>();
  for (const c of result.original.claims) {
    const g = groupOf.get(c.id);
    if (g !== undefined) {
      const root = find(g);
      if (seenGroups.has(root)) continue;
      seenGroups.add(root);
      const group = groups.get(root)!;
      const row = emptyRow('aligned', group.some((a) => a.status === 'paraphrased') ? 'paraphrased' : 'kept');
      row.alignments = group;
      row.moved = group.some((a) => a.moved);
      const oIds = new Set(group.flatMap((a) => a.original)),
        rIds = new Set(group.flatMap((a) => a.rewrite));
      row.original = [...oIds]
        .map((id) => oById.get(id))
        .filter(isClaim)
        .sort(byStart)
        .map(render('original'));
      row.rewrite = [...rIds]
        .map((id) => rById.get(id))
        .filter(isClaim)
        .sort(byStart)
        .map(render('rewrite'));
      anchored.push({ at: c.start, row });
    } else {
      const row = emptyRow('dropped', c.status === 'dropped' ? 'dropped' : c.status);
      row.original = [render('original')(c)];
      anchored.push({ at: c.start, row });
    }
  }
  for (const b of result.original.boilerplate) {
    const row = emptyRow('boilerplate', 'boilerplate');
    row.boilerplate = { side: 'original', item: b };
    anchored.push({ at: b.start, row });
  }
  anchored.sort((x, y) => x.at - y.at);
  for (const { row } of anchored) {
    rows.push(row);
    for (const rc of [...row.original, ...row.rewrite]) rowOfClaim.set(rc.claim.id, row);
  }

  // Rewrite-anchored items (added claims, the rewrite's boilerplate) go right after the row that holds the
  // rewrite claim they follow, so an added sentence appears next to its context.
  const rewriteItems: { at: number; claim?: Claim; bp?: Boilerplate }[] = [
    ...result.rewrite.claims.map((claim) => ({ at: claim.start, claim })),
    ...result.rewrite.boilerplate.map((bp) => ({ at: bp.start, bp })),
  ].sort((x, y) => x.at - y.at);
  let anchor = -1;
  for (const item of rewriteItems) {
    const placedRow = item.claim ? rowOfClaim.get(item.claim.id) : undefined;
    if (placedRow) {
      anchor = rows.indexOf(placedRow);
      continue;
    }
    let row: Row;
    if (item.claim) {
      row = emptyRow('added', item.claim.status === 'added' ? 'added' : item.claim.status);
      row.rewrite = [render('rewrite')(item.claim)];
      rowOfClaim.set(item.claim.id, row);
    } else {
      row = emptyRow('boilerplate', 'boilerplate');
      row.boilerplate = { side: 'rewrite', item: item.bp! };
    }
    rows.splice(anchor + 1, 0, row);
    anchor += 1;
  }

  const noted = new Set<string>();
  for (const row of rows) {
    row.paragraph = row.original[0]?.claim.paragraph ?? null;
    const begins = (m: Mark) => row[m.side].some((rc) => rc.claim.start <= m.start && m.start < rc.claim.end);
    const candidates = [...row.rewrite, ...row.original]
      .flatMap((rc) => rc.pieces.flatMap((p) => p.marks))
      .filter((m) => m.kind !== 'changed' && m.note && begins(m));
    for (const m of candidates) {
      const key = m.key ?? `${m.side}:${m.start}:${m.kind}:${m.note}`;
      if (noted.has(key)) continue;
      noted.add(key);
      row.flags.push(m);
    }
    row.flags.sort((x, y) => (x.side === y.side ? x.start - y.start : x.side === 'original' ? -1 : 1));
    row.problem = row.flags.some((f) => f.problem);
  }
  return rows;
}

function byId(claims: Claim[]): Map<string, Claim> {
  return new Map(claims.map((c) => [c.id, c]));
}
function isClaim(c: Claim | undefined): c is Claim {
  return c !== undefined;
}
function byStart(a: Claim, b: Claim): number {
  return a.start - b.start;
}
