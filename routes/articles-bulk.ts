import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { resolveArticle } from '../src/http/article-input.js';
import { PROBLEMS, type ProblemCode, ProblemError, problem } from '../src/http/problem.js';
import { assertStorable } from '../src/http/store.js';
import { prepareArticle } from '../src/retrieve/prepare.js';
import type { ArticleBody } from '../src/schemas/article.js';
import type { Problem } from '../src/schemas/problem.js';
import { problemResponses } from '../src/schemas/responses.js';
import { NewArticleBodySchema } from '../src/schemas/store.js';
import type { ArticleStore, NewArticle } from '../src/store/types.js';

const NDJSON = 'application/x-ndjson';
/** Articles committed in one transaction at most: a commit per line would bound ingest by the disk's sync rate. */
const COMMIT_MAX = 500;

export interface BulkLimits {
  maxLines: number;
  maxBytes: number;
  /** Longest line in bytes (the body limit of a single `POST /v1/articles`). */
  maxLineBytes: number;
}

type LineAnswer = { line: number; status: 200 | 201; id: string } | { line: number; status: number; problem: Problem };

interface Pending {
  line: number;
  article?: NewArticle;
  failure?: LineAnswer;
}

/**
 * `POST /v1/articles/bulk`: NDJSON in, NDJSON out, streamed both ways. The body is read chunk by chunk (an
 * archive of 100,000 articles is never held in memory); the complete lines of each chunk are stored in one
 * transaction and answered, one answer line per input line, only once committed — a crash loses at most the lines
 * not yet answered. A bad line is answered with its problem and the others go on; a limit reached ends the ingest.
 * The last line is a summary, so a client can tell a complete answer from a cut connection.
 */
export default async function bulkRoutes(fastify: FastifyInstance, limits: BulkLimits) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // The line validator is compiled on the first bulk request: typebox's compiler is some 300 modules, which every
  // start of the service (and every test of it) would otherwise load for a route many deployments never use.
  const compileLine = async () => (await import('typebox/compile')).Compile(NewArticleBodySchema);
  let lineValidator: ReturnType<typeof compileLine> | undefined;
  const checkLine = () => (lineValidator ??= compileLine());
  // Hands the body over unread: the handler streams it (bodyLimit applies to buffered parsers only).
  app.addContentTypeParser(NDJSON, (_request, payload, done) => done(null, payload));

  app.post(
    '/v1/articles/bulk',
    {
      schema: {
        tags: ['store'],
        security: [{ bearerAuth: [] }],
        summary: 'Store many articles (NDJSON, streamed)',
        description:
          `Body: \`${NDJSON}\`, one article a line as for POST /v1/articles (blank lines skipped). ` +
          `Answer: \`${NDJSON}\`, one line per article in order — \`{"line","status","id"}\` or ` +
          '`{"line","status","problem"}` — then `{"summary":{"lines","created","existing","failed","complete"}}`. ' +
          `At most ${limits.maxLines} lines and ${limits.maxBytes} bytes; past either, a BULK_TOO_LARGE line ends ` +
          'the ingest (`complete: false`).',
        operationId: 'addArticles',
        consumes: [NDJSON],
        response: {
          200: {
            description: 'One NDJSON line per article, then the summary line.',
            content: { [NDJSON]: { schema: Type.String() } },
          },
          ...problemResponses([400, 401, 403, 413, 415, 429, 500, 503]),
        },
      },
    },
    async (request, reply) => {
      const store = await app.articleStore();
      const body = Readable.from(answerLines(request, store, limits));
      // A stream of the documented NDJSON lines: the type provider only knows the lines' schema, a string.
      return reply.type(`${NDJSON}; charset=utf-8`).send(body as unknown as string);
    },
  );

  async function* answerLines(request: FastifyRequest, store: ArticleStore, lim: BulkLimits): AsyncGenerator<string> {
    const input = request.body as Readable;
    const decoder = new StringDecoder('utf8');
    const counts = { lines: 0, created: 0, existing: 0, failed: 0 };
    let rest = '';
    let bytes = 0;
    let stop: Problem | undefined;
    const flush = async function* (lines: string[]) {
      const pending: Pending[] = [];
      for (const raw of lines) {
        if (!/\S/.test(raw)) continue;
        if (counts.lines >= lim.maxLines) {
          stop = limitProblem(`More than ${lim.maxLines} lines (BULK_MAX_LINES); the rest was not read.`, request);
          break;
        }
        pending.push(await readLine(raw, ++counts.lines, request));
      }
      for (let i = 0; i < pending.length; i += COMMIT_MAX) {
        for (const answer of await commit(store, pending.slice(i, i + COMMIT_MAX))) {
          if ('id' in answer) counts[answer.status === 201 ? 'created' : 'existing']++;
          else counts.failed++;
          yield `${JSON.stringify(answer)}\n`;
        }
      }
    };
    try {
      for await (const chunk of input) {
        bytes += (chunk as Buffer).length;
        if (bytes > lim.maxBytes) {
          stop = limitProblem(`More than ${lim.maxBytes} bytes (BULK_MAX_BYTES).`, request);
          break;
        }
        const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
        rest = lines.pop()!;
        if (Buffer.byteLength(rest) > lim.maxLineBytes) {
          const line = counts.lines + lines.length + 1;
          stop = limitProblem(`Line ${line} is longer than ${lim.maxLineBytes} bytes.`, request);
          break;
        }
        yield* flush(lines);
        if (stop) break;
      }
      if (!stop) yield* flush([rest + decoder.end()]);
    } catch (err) {
      stop =
        err instanceof ProblemError
          ? problem(err.code, err.message, request)
          : problem(
              'STORE_UNAVAILABLE',
              'The ingest stopped: the article store failed. Lines answered are stored.',
              request,
            );
      request.log.error({ err }, 'bulk ingest stopped');
    }
    if (stop) {
      input.destroy();
      yield `${JSON.stringify({ line: counts.lines + 1, status: stop.status, problem: stop })}\n`;
    }
    yield `${JSON.stringify({ summary: { ...counts, complete: !stop } })}\n`;
  }

  async function readLine(raw: string, line: number, request: FastifyRequest): Promise<Pending> {
    const fail = (code: ProblemCode, detail: string, errors?: Problem['errors']): Pending => ({
      line,
      failure: { line, status: PROBLEMS[code].status, problem: problem(code, detail, request, errors) },
    });
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      return fail('MALFORMED_BODY', `Line ${line} is not JSON: ${(err as Error).message}`);
    }
    const validator = await checkLine();
    if (!validator.Check(value)) {
      const errors = [...validator.Errors(value)]
        .filter((e) => e.keyword !== 'boolean')
        .map((e) => ({
          field: `line.${e.instancePath.replace(/^\//, '').replace(/\//g, '.')}`.replace(/\.$/, ''),
          rule: e.keyword,
          message: e.message,
        }));
      const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ');
      return fail('INVALID_REQUEST', `Line ${line}: ${detail}`, errors);
    }
    try {
      const { input } = await resolveArticle(value as ArticleBody, `line ${line}`, (html) => app.engine.extract(html));
      assertStorable(input.text, `line ${line}`);
      return { line, article: prepareArticle(input, app.rarity) };
    } catch (err) {
      if (err instanceof ProblemError) return fail(err.code, err.message, err.errors);
      throw err;
    }
  }
}

function limitProblem(detail: string, request: FastifyRequest): Problem {
  return problem('BULK_TOO_LARGE', detail, request);
}

/** Stores the valid lines of a batch in one transaction; answers every line of it in order. */
async function commit(store: ArticleStore, batch: Pending[]): Promise<LineAnswer[]> {
  const valid = batch.filter((p) => p.article);
  const outcomes = valid.length ? await store.add(valid.map((p) => p.article!)) : [];
  let next = 0;
  return batch.map((p) => {
    if (p.failure) return p.failure;
    const o = outcomes[next++]!;
    return { line: p.line, status: o.created ? 201 : 200, id: o.id };
  });
}
