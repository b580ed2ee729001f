// A client we did not write: types generated from the committed OpenAPI document by openapi-typescript
// (schema.d.ts, made by `npm run client:generate`), requests made by openapi-fetch. It lists, searches,
// creates and reads procedures and reads two reports against the running service.
//
//   API_URL=http://127.0.0.1:5190 node ../.build/client/main.js      (after `tsc -p client`)
//
// Env: API_URL (the service), PC_API_KEY (sent as X-Api-Key on every non-GET request when set).
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

type ProcedureCreate = components['schemas']['ProcedureCreate'];

const baseUrl = process.env['API_URL'] ?? 'http://127.0.0.1:5190';
const apiKey = process.env['PC_API_KEY'];
const client = createClient<paths>({ baseUrl });

const withApiKey: Middleware = {
  onRequest({ request }) {
    if (apiKey && request.method !== 'GET') request.headers.set('X-Api-Key', apiKey);
    return request;
  },
};
client.use(withApiKey);

let passed = 0;
let failed = 0;
function check(label: string, condition: boolean, detail?: unknown): void {
  if (condition) {
    passed++;
    console.log(`  ok   ${label}`);
  } else {
    failed++;
    console.log(`  FAIL ${label}${detail === undefined ? '' : `: ${JSON.stringify(detail).slice(0, 300)}`}`);
  }
}

/** The document types every integer as `number | string` (the serializer would read "42"); the service sends numbers. */
function asId(value: number | string): number {
  const id = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(id)) throw new Error(`not an id: ${value}`);
  return id;
}

/** Reports answer JSON or, with Accept: text/csv, CSV: the generated type is the union; this client asked for JSON. */
function json<T extends object>(data: T | string | undefined): T | undefined {
  return typeof data === 'object' ? data : undefined;
}

async function main(): Promise<void> {
  // List.
  const list = await client.GET('/api/v1/procedures', { params: { query: { jurisdiction: '92', pageSize: '10', sort: 'code' } } });
  check('ListProcedures (92) answers 200 with items', list.response.status === 200 && (list.data?.items.length ?? 0) > 0, list.error);
  const first = list.data?.items[0];
  check('every item belongs to 92, sorted by code', Boolean(first) && list.data!.items.every((p, i, all) => p.jurisdiction === '92' && (i === 0 || all[i - 1]!.code <= p.code)));

  // Search without diacritics.
  const search = await client.GET('/api/v1/procedures', { params: { query: { q: 'dang ky kinh doanh' } } });
  const names = search.data?.items.map((p) => p.name) ?? [];
  check(`search "dang ky kinh doanh" finds ${search.data?.totalCount ?? 0} procedures`, names.length > 0, search.error);
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  check('every hit has each word in its name, ignoring case and diacritics', names.length > 0 &&
    names.every((name) => ['dang', 'ky', 'kinh', 'doanh'].every((word) => fold(name).includes(word))), names);

  // Create, with a field and an agency of the jurisdiction.
  const agencies = await client.GET('/api/v1/agencies', { params: { query: { jurisdiction: '92' } } });
  const fields = await client.GET('/api/v1/fields');
  const agency = agencies.data?.[0];
  const field = fields.data?.find((f) => f.name === 'Đăng ký kinh doanh') ?? fields.data?.[0];
  if (!agency || !field) throw new Error('the sample catalogue has no agency of 92 or no field');
  const code = `TS.${Date.now().toString(36)}`;
  const input: ProcedureCreate = {
    jurisdiction: '92',
    code,
    name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh (thử từ client TypeScript)',
    level: 'district',
    kind: 'external',
    businessRelated: true,
    onlineLevel: 'full',
    fullOnlineEligible: true,
    boundaryFree: true,
    fieldId: asId(field.id),
    agencyId: asId(agency.id),
    lastReviewedOn: '2025-06-15',
    legalBasis: [{ number: '168/2025/NĐ-CP', title: 'Nghị định về đăng ký doanh nghiệp', issuedOn: '2025-06-30', issuer: 'Chính phủ' }],
    documents: [{ name: 'Thông báo thay đổi nội dung đăng ký hộ kinh doanh', templateName: null, originals: 1, copies: 0, caseNote: null, providedOnce: true, dataSource: null }],
  };
  const created = await client.POST('/api/v1/procedures', { body: input });
  check('CreateProcedure answers 201 with the procedure', created.response.status === 201 && created.data?.code === code, created.error);
  check('CreateProcedure answers an ETag', Boolean(created.response.headers.get('etag')));
  if (!created.data) throw new Error('no procedure created');
  const id = asId(created.data.id);

  // Read it back, by id and by its natural key.
  const read = await client.GET('/api/v1/procedures/{id}', { params: { path: { id } } });
  check('GetProcedure reads it back with its document', read.data?.name === input.name && read.data.documents.length === 1, read.error);
  const byCode = await client.GET('/api/v1/jurisdictions/{jurisdiction}/procedures/{code}', { params: { path: { jurisdiction: '92', code } } });
  check('GetProcedureByCode finds the same id', byCode.data !== undefined && asId(byCode.data.id) === id, byCode.error);
  const missing = await client.GET('/api/v1/procedures/{id}', { params: { path: { id: 987654321 } } });
  check('an unknown id is a 404 problem', missing.response.status === 404 && missing.error?.status === 404, missing.error);
  const duplicate = await client.POST('/api/v1/procedures', { body: input });
  check('creating it again is a 409 problem', duplicate.response.status === 409, duplicate.error);

  // Reports.
  const board = await client.GET('/api/v1/reports/scoreboard', { params: { query: { jurisdiction: '92', year: '2025' } } });
  const scoreboard = json(board.data);
  check('GetScoreboard (92, 2025) answers indicators', board.response.status === 200 && (scoreboard?.indicators.length ?? 0) > 0, board.error);
  for (const indicator of scoreboard?.indicators ?? []) {
    console.log(`       ${indicator.indicator.padEnd(26)} target ${indicator.targetPct}%  value ${indicator.valuePct ?? '–'}%  met ${indicator.met ?? '–'}`);
  }
  const a = await client.GET('/api/v1/jurisdictions/{jurisdiction}/procedures/{code}', { params: { path: { jurisdiction: '92', code: '1.009645' } } });
  if (!a.data) throw new Error('procedure A (92/1.009645) of the worked example is missing');
  const reduction = await client.GET('/api/v1/procedures/{id}/reduction', {
    params: { path: { id: asId(a.data.id) }, query: { asOf: '2025-12-31' } },
  });
  const ofA = json(reduction.data);
  check('GetProcedureReduction (procedure A, 2025-12-31) answers time and cost', reduction.response.status === 200 && ofA?.time != null && ofA.cost != null, reduction.error);
  console.log(`       procedure A: time ${JSON.stringify(ofA?.time)}`);
  const own = await client.GET('/api/v1/procedures/{id}/reduction', { params: { path: { id } } });
  check('GetProcedureReduction of the new procedure (no history) answers 200', own.response.status === 200, own.error);
}

try {
  await main();
} catch (error) {
  failed++;
  console.log(`  FAIL ${error instanceof Error ? error.message : String(error)}`);
}
console.log(`client: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
