import t from 'tap';
import { type PlantOutcome, runPlants } from '../../fixtures/plants.js';
import { seeds } from '../../fixtures/seeds.js';

// Compares every plant of the seed pairs in-process: a few hundred compares.
t.setTimeout(300_000);

/**
 * Planted changes on the seed pairs: the development pair (Atlantic → Caliber.Az), the two outlets' versions of one
 * story (002 ↔ 003), and each rewrite against itself (every sentence carried word for word). A plant of a fact
 * counts where the sentence stays aligned and its counterpart in the original states that fact (a name replaced
 * where the counterpart names that person; a negation flipped on a predicate the counterpart has).
 */
const outcomes: Record<string, PlantOutcome[]> = {
  dev: runPlants(seeds.atlantic, seeds.caliber),
  story: [...runPlants(seeds.report002, seeds.blog003), ...runPlants(seeds.blog003, seeds.report002)],
  self: [...runPlants(seeds.caliber, seeds.caliber), ...runPlants(seeds.blog003, seeds.blog003)],
};
const all = Object.values(outcomes).flat();
const facts = all.filter((p) => p.kind !== 'silent' && p.carried && p.factCarried);
const silent = all.filter((p) => p.kind === 'silent' && p.carried);
const show = (p: PlantOutcome) => `${p.kind}: ${p.what} | ${p.added.join('; ')}`;

t.test('a changed fact is reported: recall of the plants of every kind at least 95%', async (t) => {
  const missed = facts.filter((p) => !p.added.length);
  t.ok(facts.length >= 120, `${facts.length} fact plants`);
  t.ok(
    1 - missed.length / facts.length >= 0.95,
    `recall ${facts.length - missed.length}/${facts.length}; missed: ${missed.map(show).join(' || ')}`,
  );
  for (const kind of ['person', 'role', 'negation', 'number', 'date', 'hedge', 'modality'] as const) {
    const mine = facts.filter((p) => p.kind === kind);
    t.ok(mine.length >= 3, `${kind}: ${mine.length} plants`);
    const missedKind = mine.filter((p) => !p.added.length);
    t.ok(missedKind.length <= Math.max(1, 0.1 * mine.length), `${kind}: ${missedKind.map(show).join(' || ')}`);
  }
  // The development pair itself, where sentences are paraphrased across outlets, not only copied.
  const dev = outcomes.dev!.filter((p) => p.kind !== 'silent' && p.carried && p.factCarried);
  t.ok(
    dev.filter((p) => p.added.length).length / dev.length >= 0.95,
    `dev pair: ${dev
      .filter((p) => !p.added.length)
      .map(show)
      .join(' || ')}`,
  );
});

t.test('a rewording reports nothing: at most one false change per 100 plants', async (t) => {
  const false_ = silent.filter((p) => p.added.length);
  t.ok(silent.length >= 40, `${silent.length} rewordings planted`);
  t.ok(
    false_.length <= all.length / 100,
    `false changes ${false_.length} of ${all.length} plants: ${false_.map(show).join(' || ')}`,
  );
});
