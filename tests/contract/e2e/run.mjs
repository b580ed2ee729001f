#!/usr/bin/env node
// End-to-end run of every operation of openapi/procedure-catalog.json, successes and documented failures, through
// Prism validating proxies in front of the running service. Fails on any Prism violation, any unexpected status,
// any operation of the document that no request exercised and any documented status no request provoked (apart
// from those that cannot be provoked from outside, listed at the end with their reasons).
//
//   PRISM_URL=http://127.0.0.1:4010 LENIENT_PRISM_URL=http://127.0.0.1:4011 PC_API_KEY=pck_… PC_EDITOR_KEY=pck_… \
//     node e2e/run.mjs [path/to/openapi.json]
//
// Env: PRISM_URL        `prism proxy --errors` (every well-formed request),
//      LENIENT_PRISM_URL `prism proxy` without --errors (requests that break the contract on purpose: no key, numbers
//                       as strings, an undocumented Content-Type, a body over the limit; their answers are still checked),
//      PC_API_KEY       an admin key (X-Api-Key of every write unless a request says otherwise),
//      PC_EDITOR_KEY    an editor key for jurisdiction 92 only (403 outside 92, 403 on admin-only operations),
//      SERVICE_URL      the service itself, only to read the XLSX export's bytes (Prism relays bodies as text),
//      PC_MAX_IMPORT_BYTES the service's Limits__MaxImportBytes, when set low enough to provoke 413 on an import.
// It writes only data of its own: a new jurisdiction (an unused two-digit code) with its agencies, fields,
// procedures, imports and tariffs, a target of a far year, and one procedure of 92 (made and deleted by the
// editor key); run it against a scratch database.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import net from 'node:net';
import { Blocked, Harness, need } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const documentPath = process.argv[2] ?? path.resolve(here, '../../../openapi/procedure-catalog.json');
const baseUrl = process.env.PRISM_URL ?? 'http://127.0.0.1:4010';
const serviceUrl = process.env.SERVICE_URL?.replace(/\/$/, '');
const maxImportBytes = Number(process.env.PC_MAX_IMPORT_BYTES ?? 0);
if (!process.env.PC_API_KEY) {
  console.error('PC_API_KEY is required (an admin key: dotnet ProcedureCatalog.Api.dll keys create --name e2e-admin --role admin)');
  process.exit(2);
}
const h = new Harness({
  documentPath,
  baseUrl,
  lenientUrl: process.env.LENIENT_PRISM_URL,
  keys: { admin: process.env.PC_API_KEY, editor: process.env.PC_EDITOR_KEY },
});
const api = '/api/v1';
const UNKNOWN_ID = 987654321;
const run = Date.now().toString(36);
const UNKNOWN_PARAMETER = { colour: 'red' };

/**
 * A stale ETag: one version before the given one. Most resources tag their version ("5" -> "4"); procedures and
 * documents their id and version, and a procedure a digest of the body after a dot ("42-5.9f2c4a1b6d3e8f70" -> "42-4").
 */
function older(etag) {
  const opaque = String(need(etag, 'an ETag')).replace(/^W\//, '').replaceAll('"', '').split('.')[0];
  const parts = opaque.split('-');
  const version = Number(parts.pop());
  return `"${[...parts, version - 1].join('-')}"`;
}

const state = {};

/** The three periodic reports, each for its latest period (the one whose report day has come). */
const PERIODIC_REPORTS = [
  ['GetMonthlyReport', `${api}/reports/monthly`, {}, 'month', '2026-13'],
  ['GetQuarterlyReport', `${api}/reports/quarterly`, {}, 'quarter', '2026-Q5'],
  ['GetYearlyReport', `${api}/reports/yearly`, {}, 'year', 2099],
];

async function section(name, body) {
  console.log(`\n${name}`);
  try {
    await body();
  } catch (error) {
    if (!(error instanceof Blocked)) throw error;
    h.check(`${name}: blocked`, false, error.message);
  }
}

/** GET of a single resource: 200 with an ETag, then 304 when If-None-Match names it. */
async function readWithETag(label, operationId, path, query) {
  const read = await h.request(label, operationId, 'GET', path, { query, expect: 200 });
  h.check(`${operationId} carries an ETag`, Boolean(read.etag));
  if (read.etag) {
    await h.request('If-None-Match with the current ETag', operationId, 'GET', path, { query, ifNoneMatch: read.etag, expect: 304 });
  }
  return read;
}

/** The change feed from a cursor to its end (every page), through the proxy. */
async function feedFrom(cursor, query = {}) {
  const items = [];
  let after = cursor;
  for (let page = 0; page < 100; page++) {
    const answer = await h.request(page === 0 ? 'poll the feed' : 'next page', 'ListChanges', 'GET', `${api}/changes`, {
      query: { ...query, after, limit: 1000 }, expect: 200,
    });
    const body = need(answer.json, 'a page of the change feed');
    items.push(...body.items);
    after = body.nextCursor;
    if (!body.hasMore) break;
  }
  return { items, cursor: after };
}

await section('Jurisdictions', async () => {
  const list = await h.request('list', 'ListJurisdictions', 'GET', `${api}/jurisdictions`, { expect: 200 });
  const taken = new Set((list.json ?? []).map((j) => j.code));
  const free = [];
  for (let n = 99; n >= 10 && free.length < 3; n--) if (!taken.has(String(n))) free.push(String(n));
  state.j = need(free[0], 'an unused jurisdiction code');
  state.jUnknown = need(free[1], 'a second unused jurisdiction code');
  state.jNeverMade = need(free[2], 'a third unused jurisdiction code');
  const j = state.j;

  const created = await h.request('create', 'CreateJurisdiction', 'POST', `${api}/jurisdictions`, {
    body: { code: j, name: `Tỉnh Kiểm thử ${j}`, level: 'province' }, expect: 201,
  });
  await h.request('duplicate code', 'CreateJurisdiction', 'POST', `${api}/jurisdictions`, {
    body: { code: j, name: `Tỉnh Kiểm thử ${j} lần hai`, level: 'province' }, expect: 409,
  });
  const read = await readWithETag('get', 'GetJurisdiction', `${api}/jurisdictions/${j}`);
  await h.request('unknown code', 'GetJurisdiction', 'GET', `${api}/jurisdictions/${state.jUnknown}`, { expect: 404 });
  const body = { name: `Tỉnh Kiểm thử ${j} (đổi tên)`, level: 'province' };
  await h.request('without If-Match', 'UpdateJurisdiction', 'PUT', `${api}/jurisdictions/${j}`, { body, expect: 428 });
  const updated = await h.request('update with If-Match', 'UpdateJurisdiction', 'PUT', `${api}/jurisdictions/${j}`, {
    body, ifMatch: need(read.etag ?? created.etag, 'the jurisdiction ETag'), expect: 200,
  });
  await h.request('stale If-Match', 'UpdateJurisdiction', 'PUT', `${api}/jurisdictions/${j}`, {
    body: { name: `Tỉnh Kiểm thử ${j} (cũ)`, level: 'province' }, ifMatch: older(updated.etag), expect: 412,
  });
  await h.request('unknown code', 'UpdateJurisdiction', 'PUT', `${api}/jurisdictions/${state.jUnknown}`, {
    body: { name: 'Không có', level: 'province' }, ifMatch: '"1"', expect: 404,
  });
});

await section('Agencies', async () => {
  const j = need(state.j, 'the test jurisdiction');
  await h.request('list of a jurisdiction', 'ListAgencies', 'GET', `${api}/agencies`, { query: { jurisdiction: j }, expect: 200 });
  await h.request('bad jurisdiction in the query', 'ListAgencies', 'GET', `${api}/agencies`, { query: { jurisdiction: 'not-a-code' }, expect: 400 });
  const a = await h.request('create', 'CreateAgency', 'POST', `${api}/agencies`, { body: { jurisdiction: j, name: `Sở Kiểm thử ${run}` }, expect: 201 });
  const b = await h.request('create a second', 'CreateAgency', 'POST', `${api}/agencies`, { body: { jurisdiction: j, name: `Phòng Kiểm thử ${run}` }, expect: 201 });
  state.agency = need(a.json?.id, 'the created agency id');
  state.agency2 = need(b.json?.id, 'the second agency id');
  await h.request('duplicate name', 'CreateAgency', 'POST', `${api}/agencies`, { body: { jurisdiction: j, name: `Sở Kiểm thử ${run}` }, expect: 409 });
  await h.request('jurisdiction that does not exist', 'CreateAgency', 'POST', `${api}/agencies`, {
    body: { jurisdiction: need(state.jUnknown, 'an unknown jurisdiction'), name: `Sở Không có ${run}` }, expect: 422,
  });
  const read = await readWithETag('get', 'GetAgency', `${api}/agencies/${state.agency}`);
  await h.request('unknown id', 'GetAgency', 'GET', `${api}/agencies/${UNKNOWN_ID}`, { expect: 404 });
  await h.request('without If-Match', 'UpdateAgency', 'PUT', `${api}/agencies/${state.agency}`, { body: { name: `Sở Kiểm thử ${run} (đổi tên)` }, expect: 428 });
  const updated = await h.request('update with If-Match', 'UpdateAgency', 'PUT', `${api}/agencies/${state.agency}`, {
    body: { name: `Sở Kiểm thử ${run} (đổi tên)` }, ifMatch: need(read.etag, 'the agency ETag'), expect: 200,
  });
  await h.request('stale If-Match', 'UpdateAgency', 'PUT', `${api}/agencies/${state.agency}`, {
    body: { name: `Sở Kiểm thử ${run} (cũ)` }, ifMatch: older(updated.etag), expect: 412,
  });
  await h.request('If-Match: * (any version)', 'UpdateAgency', 'PUT', `${api}/agencies/${state.agency2}`, {
    body: { name: `Phòng Kiểm thử ${run} (đổi tên)` }, ifMatch: '*', expect: 200,
  });
  await h.request('name of another agency', 'UpdateAgency', 'PUT', `${api}/agencies/${state.agency2}`, {
    body: { name: `Sở Kiểm thử ${run} (đổi tên)` }, ifMatch: '*', expect: 409,
  });
  await h.request('unknown id', 'UpdateAgency', 'PUT', `${api}/agencies/${UNKNOWN_ID}`, { body: { name: 'Không có' }, ifMatch: '"1"', expect: 404 });
  const other = await h.request('agencies of 92', 'ListAgencies', 'GET', `${api}/agencies`, { query: { jurisdiction: '92' }, expect: 200 });
  state.agencyOf92 = other.json?.[0]?.id;
});

await section('Fields', async () => {
  await h.request('list', 'ListFields', 'GET', `${api}/fields`, { expect: 200 });
  const f = await h.request('create', 'CreateField', 'POST', `${api}/fields`, { body: { name: `Lĩnh vực kiểm thử ${run}` }, expect: 201 });
  const g = await h.request('create a second', 'CreateField', 'POST', `${api}/fields`, { body: { name: `Lĩnh vực phụ ${run}` }, expect: 201 });
  state.field = need(f.json?.id, 'the created field id');
  await h.request('duplicate name', 'CreateField', 'POST', `${api}/fields`, { body: { name: `Lĩnh vực kiểm thử ${run}` }, expect: 409 });
  const read = await readWithETag('get', 'GetField', `${api}/fields/${state.field}`);
  await h.request('unknown id', 'GetField', 'GET', `${api}/fields/${UNKNOWN_ID}`, { expect: 404 });
  await h.request('without If-Match', 'UpdateField', 'PUT', `${api}/fields/${state.field}`, { body: { name: `Lĩnh vực kiểm thử ${run} (đổi tên)` }, expect: 428 });
  const updated = await h.request('update with If-Match', 'UpdateField', 'PUT', `${api}/fields/${state.field}`, {
    body: { name: `Lĩnh vực kiểm thử ${run} (đổi tên)` }, ifMatch: need(read.etag, 'the field ETag'), expect: 200,
  });
  state.fieldName = updated.json?.name;
  await h.request('stale If-Match', 'UpdateField', 'PUT', `${api}/fields/${state.field}`, {
    body: { name: `Lĩnh vực kiểm thử ${run} (cũ)` }, ifMatch: older(updated.etag), expect: 412,
  });
  await h.request('name of another field', 'UpdateField', 'PUT', `${api}/fields/${need(g.json?.id, 'the second field id')}`, {
    body: { name: `Lĩnh vực kiểm thử ${run} (đổi tên)` }, ifMatch: need(g.etag, 'the second field ETag'), expect: 409,
  });
  await h.request('unknown id', 'UpdateField', 'PUT', `${api}/fields/${UNKNOWN_ID}`, { body: { name: 'Không có' }, ifMatch: '"1"', expect: 404 });
});

/** A procedure of the test jurisdiction: external and business-related, so that the reports count it. */
function procedure(code, overrides = {}) {
  return {
    jurisdiction: state.j,
    code,
    name: `Đăng ký kinh doanh kiểm thử ${code}`,
    level: 'province',
    kind: 'external',
    businessRelated: true,
    onlineLevel: 'partial',
    fullOnlineEligible: true,
    boundaryFree: false,
    fieldId: state.field,
    agencyId: state.agency,
    lastReviewedOn: '2025-06-15',
    legalBasis: [{ number: '59/2020/QH14', title: 'Luật Doanh nghiệp', issuedOn: '2020-06-17', issuer: 'Quốc hội' }],
    documents: [{ name: 'Giấy đề nghị', templateName: 'Phụ lục I-1', originals: 1, copies: 0, caseNote: null, providedOnce: false, dataSource: null }],
    ...overrides,
  };
}

/** The body of UpdateProcedure: the procedure without its jurisdiction and documents. */
function update(p, overrides = {}) {
  const { jurisdiction, documents, ...rest } = p;
  return { ...rest, ...overrides };
}

/** The body of PutProcedureByCode: the procedure without its natural key (it is in the path). */
function upsert(p, overrides = {}) {
  const { jurisdiction, code, ...rest } = p;
  return { ...rest, ...overrides };
}

await section('Procedures', async () => {
  need(state.field, 'the test field');
  need(state.agency, 'the test agency');
  const list = await h.request('list', 'ListProcedures', 'GET', `${api}/procedures`, { query: { pageSize: 5 }, expect: 200 });
  h.check('the sample catalogue is there (totalCount > 0)', (list.json?.totalCount ?? 0) > 0);
  const search = await h.request('search without diacritics', 'ListProcedures', 'GET', `${api}/procedures`, {
    query: { q: 'dang ky kinh doanh', sort: '-updatedAt', page: 1, pageSize: 20 }, expect: 200,
  });
  h.check('search "dang ky kinh doanh" finds procedures', (search.json?.items?.length ?? 0) > 0);
  await h.request('filters', 'ListProcedures', 'GET', `${api}/procedures`, {
    query: { jurisdiction: '92', level: 'province', kind: 'external', businessRelated: 'true', status: 'active' }, expect: 200,
  });
  await h.request('pageSize over 100', 'ListProcedures', 'GET', `${api}/procedures`, { query: { pageSize: 500 }, expect: 400 });
  await h.request('unknown sort key', 'ListProcedures', 'GET', `${api}/procedures`, { query: { sort: 'colour' }, expect: 400 });

  const p = procedure(`E2E.${run}`);
  const created = await h.request('create', 'CreateProcedure', 'POST', `${api}/procedures`, { body: p, expect: 201 });
  state.procedure = need(created.json?.id, 'the created procedure id');
  state.procedureBody = p;
  h.check('CreateProcedure answers an ETag', Boolean(created.etag));
  await h.request('duplicate (jurisdiction, code)', 'CreateProcedure', 'POST', `${api}/procedures`, { body: p, expect: 409 });
  await h.request('agency of another jurisdiction', 'CreateProcedure', 'POST', `${api}/procedures`, {
    body: procedure(`E2E.${run}.x`, { agencyId: need(state.agencyOf92, 'an agency of 92') }), expect: 422,
  });
  await h.request('lastReviewedOn out of range (1900)', 'CreateProcedure', 'POST', `${api}/procedures`, {
    body: procedure(`E2E.${run}.y`, { lastReviewedOn: '1900-01-01' }), expect: 400,
  });
  await h.request('fieldId sent as a string ("12"): numbers are JSON numbers', 'CreateProcedure', 'POST', `${api}/procedures`, {
    body: procedure(`E2E.${run}.z`, { fieldId: String(state.field) }), lenient: true, expect: 400,
  });
  const second = await h.request('create a second (no history, deleted later)', 'CreateProcedure', 'POST', `${api}/procedures`, {
    body: procedure(`E2E.${run}.2`, { documents: [] }), expect: 201,
  });
  state.procedure2 = need(second.json?.id, 'the second procedure id');

  const read = await readWithETag('get', 'GetProcedure', `${api}/procedures/${state.procedure}`, { asOf: '2025-06-30' });
  await h.request('unknown id', 'GetProcedure', 'GET', `${api}/procedures/${UNKNOWN_ID}`, { expect: 404 });
  await h.request('asOf out of range', 'GetProcedure', 'GET', `${api}/procedures/${state.procedure}`, { query: { asOf: '1900-01-01' }, expect: 400 });
  await readWithETag('by natural key', 'GetProcedureByCode', `${api}/jurisdictions/${state.j}/procedures/${p.code}`);
  await h.request('unknown code', 'GetProcedureByCode', 'GET', `${api}/jurisdictions/${state.j}/procedures/NO.SUCH.CODE`, { expect: 404 });
  await h.request('asOf out of range', 'GetProcedureByCode', 'GET', `${api}/jurisdictions/${state.j}/procedures/${p.code}`, {
    query: { asOf: '2200-01-01' }, expect: 400,
  });

  await h.request('without If-Match', 'UpdateProcedure', 'PUT', `${api}/procedures/${state.procedure}`, { body: update(p, { name: `${p.name} (sửa)` }), expect: 428 });
  const updated = await h.request('update with If-Match', 'UpdateProcedure', 'PUT', `${api}/procedures/${state.procedure}`, {
    body: update(p, { name: `${p.name} (sửa)` }), ifMatch: need(read.etag, 'the procedure ETag'), expect: 200,
  });
  state.procedureBody = { ...p, name: `${p.name} (sửa)` };
  await h.request('stale If-Match', 'UpdateProcedure', 'PUT', `${api}/procedures/${state.procedure}`, {
    body: update(p), ifMatch: older(updated.etag), expect: 412,
  });
  await h.request('code of another procedure', 'UpdateProcedure', 'PUT', `${api}/procedures/${state.procedure}`, {
    body: update(p, { code: `E2E.${run}.2` }), ifMatch: need(updated.etag, 'the new procedure ETag'), expect: 409,
  });
  await h.request('agency of another jurisdiction', 'UpdateProcedure', 'PUT', `${api}/procedures/${state.procedure}`, {
    body: update(p, { agencyId: state.agencyOf92 }), ifMatch: updated.etag, expect: 422,
  });
  await h.request('unknown id', 'UpdateProcedure', 'PUT', `${api}/procedures/${UNKNOWN_ID}`, { body: update(p), ifMatch: '"1"', expect: 404 });

  await h.request('without If-Match', 'ChangeProcedureStatus', 'PUT', `${api}/procedures/${state.procedure}/status`, {
    body: { status: 'abolished', abolishedOn: '2026-12-31' }, expect: 428,
  });
  const abolished = await h.request('abolish', 'ChangeProcedureStatus', 'PUT', `${api}/procedures/${state.procedure}/status`, {
    body: { status: 'abolished', abolishedOn: '2026-12-31' }, ifMatch: updated.etag, expect: 200,
  });
  await h.request('stale If-Match', 'ChangeProcedureStatus', 'PUT', `${api}/procedures/${state.procedure}/status`, {
    body: { status: 'active', abolishedOn: null }, ifMatch: older(abolished.etag), expect: 412,
  });
  await h.request('abolish without abolishedOn', 'ChangeProcedureStatus', 'PUT', `${api}/procedures/${state.procedure}/status`, {
    body: { status: 'abolished', abolishedOn: null }, ifMatch: abolished.etag, expect: 422,
  });
  await h.request('reinstate', 'ChangeProcedureStatus', 'PUT', `${api}/procedures/${state.procedure}/status`, {
    body: { status: 'active', abolishedOn: null }, ifMatch: need(abolished.etag, 'the abolished procedure ETag'), expect: 200,
  });
  await h.request('unknown id', 'ChangeProcedureStatus', 'PUT', `${api}/procedures/${UNKNOWN_ID}/status`, {
    body: { status: 'active', abolishedOn: null }, ifMatch: '"1"', expect: 404,
  });
});

await section('Natural-key PUT (PutProcedureByCode) and the change feed', async () => {
  const j = need(state.j, 'the test jurisdiction');
  const code = `E2E.${run}.NK`;
  const at = `${api}/jurisdictions/${j}/procedures/${code}`;
  const body = upsert(procedure(code));
  const { cursor: start } = await feedFrom(undefined, { jurisdiction: j });

  const created = await h.request('create at its natural key', 'PutProcedureByCode', 'PUT', at, { body, expect: 201 });
  state.upsertCode = code;
  state.upsertBody = body;
  let feed = await feedFrom(start, { jurisdiction: j });
  const ofIt = feed.items.filter((change) => change.procedureCode === code);
  h.check('the feed after the cursor has the creation, once', ofIt.length === 1 && ofIt[0].action === 'created', JSON.stringify(ofIt));
  h.check(`the feed filtered by jurisdiction has only ${j}'s changes`, feed.items.every((change) => change.jurisdiction === j));

  const again = await h.request('the same body again, without If-Match: unchanged', 'PutProcedureByCode', 'PUT', at, { body, expect: 200 });
  h.check('repeating the PUT keeps the version (same ETag)', Boolean(created.etag) && again.etag === created.etag, `${created.etag} then ${again.etag}`);
  const quiet = await feedFrom(feed.cursor, { jurisdiction: j });
  h.check('repeating the PUT records no change in the feed', quiet.items.length === 0, JSON.stringify(quiet.items).slice(0, 300));
  h.check('an empty poll gives back the same cursor', quiet.cursor === feed.cursor);

  const changed = { ...body, name: `${body.name} (đổi)` };
  await h.request('a different body without If-Match', 'PutProcedureByCode', 'PUT', at, { body: changed, expect: 428 });
  await h.request('a different body, stale If-Match', 'PutProcedureByCode', 'PUT', at, { body: changed, ifMatch: older(created.etag), expect: 412 });
  const replaced = await h.request('a different body with If-Match', 'PutProcedureByCode', 'PUT', at, {
    body: changed, ifMatch: need(created.etag, 'the ETag of the PUT'), expect: 200,
  });
  h.check('replacing raises the version', replaced.etag !== created.etag);
  await h.request('If-Match: * (any version)', 'PutProcedureByCode', 'PUT', at, { body: { ...changed, boundaryFree: true }, ifMatch: '*', expect: 200 });
  state.upsertBody = { ...changed, boundaryFree: true };
  await h.request('agency of another jurisdiction', 'PutProcedureByCode', 'PUT', at, {
    body: { ...changed, agencyId: need(state.agencyOf92, 'an agency of 92') }, ifMatch: '*', expect: 422,
  });
  await h.request('a jurisdiction that does not exist', 'PutProcedureByCode', 'PUT', `${api}/jurisdictions/${state.jUnknown}/procedures/${code}`, {
    body, expect: 422,
  });
  await h.request('a code that is not one (path)', 'PutProcedureByCode', 'PUT', `${api}/jurisdictions/${j}/procedures/${encodeURIComponent('not a code!')}`, {
    body, expect: 400,
  });
  feed = await feedFrom(quiet.cursor, { jurisdiction: j });
  const updates = feed.items.filter((change) => change.procedureCode === code);
  h.check('the feed has the two replacements, in order, with rising versions', updates.length === 2 && updates.every((change) => change.action === 'updated')
    && updates[0].position < updates[1].position && updates[0].version < updates[1].version, JSON.stringify(updates).slice(0, 300));
});

/** The procedure's current ETag, read through the proxy. */
async function procedureETag(id) {
  const read = await h.request('read the current ETag', 'GetProcedure', 'GET', `${api}/procedures/${id}`, { expect: 200 });
  return need(read.etag, 'the procedure ETag');
}

await section('Documents', async () => {
  const id = need(state.procedure, 'the test procedure');
  const base = `${api}/procedures/${id}/documents`;
  await h.request('list', 'ListDocuments', 'GET', base, { expect: 200 });
  await h.request('unknown procedure', 'ListDocuments', 'GET', `${api}/procedures/${UNKNOWN_ID}/documents`, { expect: 404 });
  const doc = { name: 'Bản sao giấy tờ pháp lý', templateName: null, originals: 0, copies: 1, caseNote: null, providedOnce: true, dataSource: 'Cơ sở dữ liệu quốc gia về dân cư' };
  const etag = await procedureETag(id);
  const added = await h.request('add with the procedure If-Match', 'AddDocument', 'POST', base, { body: doc, ifMatch: etag, expect: 201 });
  await h.request('stale procedure If-Match', 'AddDocument', 'POST', base, { body: doc, ifMatch: etag, expect: 412 });
  await h.request('unknown procedure', 'AddDocument', 'POST', `${api}/procedures/${UNKNOWN_ID}/documents`, { body: doc, expect: 404 });
  const docId = need(added.json?.id, 'the added document id');
  await h.request('without If-Match', 'ChangeDocument', 'PUT', `${base}/${docId}`, { body: { ...doc, copies: 2 }, expect: 428 });
  const changed = await h.request('change with the document If-Match', 'ChangeDocument', 'PUT', `${base}/${docId}`, {
    body: { ...doc, copies: 2 }, ifMatch: need(added.etag, 'the document ETag'), expect: 200,
  });
  await h.request('stale If-Match', 'ChangeDocument', 'PUT', `${base}/${docId}`, { body: doc, ifMatch: older(changed.etag), expect: 412 });
  await h.request('unknown document', 'ChangeDocument', 'PUT', `${base}/${UNKNOWN_ID}`, { body: doc, ifMatch: '"1"', expect: 404 });
  await h.request('without If-Match', 'RemoveDocument', 'DELETE', `${base}/${docId}`, { expect: 428 });
  await h.request('stale If-Match', 'RemoveDocument', 'DELETE', `${base}/${docId}`, { ifMatch: older(changed.etag), expect: 412 });
  await h.request('remove with If-Match', 'RemoveDocument', 'DELETE', `${base}/${docId}`, { ifMatch: need(changed.etag, 'the changed document ETag'), expect: 204 });
  await h.request('removed already', 'RemoveDocument', 'DELETE', `${base}/${docId}`, { ifMatch: changed.etag, expect: 404 });
});

await section('History', async () => {
  const id = need(state.procedure, 'the test procedure');
  for (const [kind, list, append, remove, entry] of [
    ['time-history', 'ListTimeHistory', 'AppendTimeEntry', 'RemoveTimeEntry',
      { effectiveFrom: '2024-01-01', amount: 15, unit: 'working-days', decisionRef: `E2E/${run}` }],
    ['cost-history', 'ListCostHistory', 'AppendCostEntry', 'RemoveCostEntry',
      { effectiveFrom: '2024-01-01', feeVnd: 500000, otherCostVnd: 100000, applicantHours: 8, annualFilings: 1000, decisionRef: `E2E/${run}` }],
  ]) {
    const base = `${api}/procedures/${id}/${kind}`;
    await h.request('list', list, 'GET', base, { expect: 200 });
    await h.request('unknown procedure', list, 'GET', `${api}/procedures/${UNKNOWN_ID}/${kind}`, { expect: 404 });
    let etag = await procedureETag(id);
    const mistaken = await h.request('append', append, 'POST', base, { body: entry, ifMatch: etag, expect: 201 });
    await h.request('stale procedure If-Match', append, 'POST', base, { body: entry, ifMatch: etag, expect: 412 });
    await h.request('unknown procedure', append, 'POST', `${api}/procedures/${UNKNOWN_ID}/${kind}`, { body: entry, expect: 404 });
    const asText = kind === 'time-history' ? { amount: '15' } : { feeVnd: '500000' };
    await h.request(`${Object.keys(asText)[0]} sent as a string: numbers are JSON numbers`, append, 'POST', base, {
      body: { ...entry, ...asText }, lenient: true, expect: 400,
    });
    etag = await procedureETag(id);
    const entryId = need(mistaken.json?.id, `the appended ${kind} entry id`);
    await h.request('without If-Match', remove, 'DELETE', `${base}/${entryId}`, { expect: 428 });
    await h.request('stale procedure If-Match', remove, 'DELETE', `${base}/${entryId}`, { ifMatch: older(etag), expect: 412 });
    await h.request('remove an entry entered by mistake', remove, 'DELETE', `${base}/${entryId}`, { ifMatch: etag, expect: 204 });
    etag = await procedureETag(id);
    await h.request('removed already', remove, 'DELETE', `${base}/${entryId}`, { ifMatch: etag, expect: 404 });
    // The entries that stay: a baseline before 2024-12-31 and a cut in 2025, so the reports have something to say.
    const baseline = await h.request('append the baseline', append, 'POST', base, { body: entry, ifMatch: etag, expect: 201 });
    state[`${kind}Entry`] = baseline.json?.id;
    etag = await procedureETag(id);
    const later = kind === 'time-history' ? { ...entry, effectiveFrom: '2025-03-01', amount: 9 } : { ...entry, effectiveFrom: '2025-03-01', feeVnd: 300000 };
    await h.request('append a reduction', append, 'POST', base, { body: later, ifMatch: etag, expect: 201 });
  }
});

await section('Reports without a tariff (422)', async () => {
  const id = need(state.procedure, 'the test procedure');
  const j = state.j;
  await h.request('no hourly tariff for the baseline year', 'GetProcedureReduction', 'GET', `${api}/procedures/${id}/reduction`, { expect: 422 });
  await h.request('no hourly tariff for the baseline year', 'GetGroupReductions', 'GET', `${api}/reports/reductions`, { query: { jurisdiction: j }, expect: 422 });
  // The scoreboard names the missing tariff instead: cost-reduction without a value, the rest given.
  const board = await h.request('no hourly tariff for the baseline year: named, not refused', 'GetScoreboard', 'GET', `${api}/reports/scoreboard`, {
    query: { jurisdiction: j, year: 2025 }, expect: 200,
  });
  h.check('the scoreboard names the missing tariff and the jurisdiction without it',
    (board.json?.missing ?? []).includes('tariff') && (board.json?.jurisdictionsWithoutTariff ?? []).includes(j)
    && board.json?.indicators?.find((i) => i.indicator === 'cost-reduction')?.missing === 'tariff', JSON.stringify(board.json?.missing));
  await h.request('no hourly tariff for the baseline year', 'GetLaggards', 'GET', `${api}/reports/laggards`, {
    query: { jurisdiction: j, year: 2025, measure: 'cost' }, expect: 422,
  });
});

await section('Trend and periodic reports without a tariff (422)', async () => {
  const j = need(state.j, 'the test jurisdiction');
  await h.request('no hourly tariff for the baseline year', 'GetTrend', 'GET', `${api}/reports/trend`, { query: { jurisdiction: j, from: '2025-01-01', to: '2025-03-31' }, expect: 422 });
  for (const [operationId, path, query] of PERIODIC_REPORTS) {
    await h.request('no hourly tariff for the baseline year', operationId, 'GET', path, { query: { ...query, jurisdiction: j }, expect: 422 });
  }
});

await section('Tariffs', async () => {
  const j = need(state.j, 'the test jurisdiction');
  const programs = await h.request('list programs', 'ListPrograms', 'GET', `${api}/programs`, { expect: 200 });
  const baselineYear = Number(need(programs.json?.find((p) => p.code === 'resolution-66')?.baselineDate, 'the baseline date').slice(0, 4));
  state.tariffYear = baselineYear;
  await h.request('list', 'ListTariffs', 'GET', `${api}/tariffs`, { query: { jurisdiction: '92' }, expect: 200 });
  await h.request('year not a number', 'ListTariffs', 'GET', `${api}/tariffs`, { query: { year: 'last' }, lenient: true, expect: 400 });
  await h.request('not set yet', 'GetTariff', 'GET', `${api}/tariffs/${j}/${baselineYear}`, { expect: 404 });
  await h.request('hourlyTariffVnd sent as a string ("35000"): numbers are JSON numbers', 'PutTariff', 'PUT', `${api}/tariffs/${j}/${baselineYear}`, {
    body: { hourlyTariffVnd: '35000' }, lenient: true, expect: 400,
  });
  const created = await h.request('create', 'PutTariff', 'PUT', `${api}/tariffs/${j}/${baselineYear}`, { body: { hourlyTariffVnd: 35000 }, expect: 201 });
  await h.request('replace without If-Match', 'PutTariff', 'PUT', `${api}/tariffs/${j}/${baselineYear}`, { body: { hourlyTariffVnd: 40000 }, expect: 428 });
  const replaced = await h.request('replace with If-Match', 'PutTariff', 'PUT', `${api}/tariffs/${j}/${baselineYear}`, {
    body: { hourlyTariffVnd: 40000 }, ifMatch: need(created.etag, 'the tariff ETag'), expect: 200,
  });
  await h.request('stale If-Match', 'PutTariff', 'PUT', `${api}/tariffs/${j}/${baselineYear}`, { body: { hourlyTariffVnd: 1 }, ifMatch: older(replaced.etag), expect: 412 });
  await h.request('year out of range', 'PutTariff', 'PUT', `${api}/tariffs/${j}/1800`, { body: { hourlyTariffVnd: 1 }, expect: 400 });
  await h.request('unknown jurisdiction', 'PutTariff', 'PUT', `${api}/tariffs/${state.jUnknown}/${baselineYear}`, { body: { hourlyTariffVnd: 1 }, expect: 404 });
  await readWithETag('get', 'GetTariff', `${api}/tariffs/${j}/${baselineYear}`);
});

await section('Targets', async () => {
  // Two years without any target of the program (so that the script can run again on the same database):
  // one gets a target here, the other stays empty for the 404s.
  const programs = await h.request('list programs', 'ListPrograms', 'GET', `${api}/programs`, { expect: 200 });
  const used = new Set(need(programs.json?.find((p) => p.code === 'resolution-66'), 'program resolution-66').targets.map((t) => t.year));
  const free = [];
  for (let year = 2100; year > 2030 && free.length < 2; year--) if (!used.has(year)) free.push(year);
  const [year, empty] = [need(free[0], 'a year without targets'), need(free[1], 'a second year without targets')];
  state.targetYear = year;
  state.emptyYear = empty;
  const target = `${api}/programs/resolution-66/targets/time-reduction`;
  await readWithETag('get', 'GetTarget', `${target}/2025`);
  await h.request('no target that year', 'GetTarget', 'GET', `${target}/${year}`, { expect: 404 });
  await h.request('unknown program', 'GetTarget', 'GET', `${api}/programs/no-such-program/targets/time-reduction/2025`, { expect: 404 });
  const body = { targetPct: 60, judgedOn: `${year}-12-31`, scope: 'E2E check target, far in the future' };
  state.targetBody = body;
  const created = await h.request('create', 'PutTarget', 'PUT', `${target}/${year}`, { body, expect: 201 });
  await h.request('replace without If-Match', 'PutTarget', 'PUT', `${target}/${year}`, { body: { ...body, targetPct: 65 }, expect: 428 });
  const replaced = await h.request('replace with If-Match', 'PutTarget', 'PUT', `${target}/${year}`, {
    body: { ...body, targetPct: 65 }, ifMatch: need(created.etag, 'the target ETag'), expect: 200,
  });
  await h.request('stale If-Match', 'PutTarget', 'PUT', `${target}/${year}`, { body, ifMatch: older(replaced.etag), expect: 412 });
  await h.request('year out of range', 'PutTarget', 'PUT', `${target}/1800`, { body, expect: 400 });
  await h.request('unknown program', 'PutTarget', 'PUT', `${api}/programs/no-such-program/targets/time-reduction/${year}`, { body, expect: 404 });
});

/** A CSV answer: text/csv, a header row, then rows. */
function checkCsv(label, answer, header) {
  const lines = answer.text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line !== '');
  h.check(`${label} is CSV (text/csv, a header${header ? ` starting ${header}` : ''}, ${Math.max(lines.length - 1, 0)} row(s))`,
    answer.status === 200 && /^text\/csv/.test(answer.contentType) && lines.length >= 1 && lines[0].includes(',') && (!header || lines[0].startsWith(header)),
    `${answer.contentType}: ${answer.text.slice(0, 120)}`);
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An XLSX answer: the workbook media type and a ZIP container (an XLSX file starts with PK). */
function checkXlsx(label, answer) {
  const zip = answer.bytes?.length > 4 && answer.bytes[0] === 0x50 && answer.bytes[1] === 0x4b;
  h.check(`${label} is XLSX (${XLSX}, a ZIP container of ${answer.bytes?.length ?? 0} bytes)`, answer.status === 200 && answer.contentType === XLSX && zip,
    `${answer.contentType}: ${answer.text.slice(0, 40)}`);
}

await section('Reports', async () => {
  const id = need(state.procedure, 'the test procedure');
  const j = state.j;
  const reduction = await h.request('the new procedure', 'GetProcedureReduction', 'GET', `${api}/procedures/${id}/reduction`, { query: { asOf: '2025-12-31' }, expect: 200 });
  h.check('GetProcedureReduction has a time reduction for the new procedure', reduction.json?.time != null, JSON.stringify(reduction.json)?.slice(0, 200));
  const a = await h.request('procedure A of the worked example', 'GetProcedureByCode', 'GET', `${api}/jurisdictions/92/procedures/1.009645`, { expect: 200 });
  await h.request('procedure A, 2025', 'GetProcedureReduction', 'GET', `${api}/procedures/${need(a.json?.id, 'procedure A')}/reduction`, {
    query: { asOf: '2025-12-31', program: 'resolution-66' }, expect: 200,
  });
  checkCsv('GetProcedureReduction as CSV', await h.request('as CSV', 'GetProcedureReduction', 'GET', `${api}/procedures/${id}/reduction`, {
    query: { asOf: '2025-12-31' }, accept: 'text/csv', expect: 200,
  }));
  await h.request('unknown procedure', 'GetProcedureReduction', 'GET', `${api}/procedures/${UNKNOWN_ID}/reduction`, { expect: 404 });
  await h.request('asOf not a date', 'GetProcedureReduction', 'GET', `${api}/procedures/${id}/reduction`, { query: { asOf: 'yesterday' }, lenient: true, expect: 400 });

  await h.request('by agency', 'GetGroupReductions', 'GET', `${api}/reports/reductions`, { query: { groupBy: 'agency', jurisdiction: j }, expect: 200 });
  await h.request('every jurisdiction, all scope', 'GetGroupReductions', 'GET', `${api}/reports/reductions`, { query: { groupBy: 'jurisdiction', scope: 'all', asOf: '2025-12-31' }, expect: 200 });
  checkCsv('GetGroupReductions as CSV', await h.request('as CSV', 'GetGroupReductions', 'GET', `${api}/reports/reductions`, {
    query: { groupBy: 'field', jurisdiction: '92' }, accept: 'text/csv', expect: 200,
  }));
  await h.request('asOf not a date', 'GetGroupReductions', 'GET', `${api}/reports/reductions`, { query: { asOf: '31/12/2025' }, lenient: true, expect: 400 });
  await h.request('unknown program', 'GetGroupReductions', 'GET', `${api}/reports/reductions`, { query: { program: 'no-such-program' }, expect: 404 });

  const board = await h.request('Cần Thơ 2025', 'GetScoreboard', 'GET', `${api}/reports/scoreboard`, { query: { jurisdiction: '92', year: 2025 }, expect: 200 });
  h.check('the scoreboard of 92 for 2025 has indicators', (board.json?.indicators?.length ?? 0) > 0);
  checkCsv('GetScoreboard as CSV', await h.request('the test jurisdiction, as CSV', 'GetScoreboard', 'GET', `${api}/reports/scoreboard`, {
    query: { jurisdiction: j, year: 2025 }, accept: 'text/csv', expect: 200,
  }));
  await h.request('year not a number', 'GetScoreboard', 'GET', `${api}/reports/scoreboard`, { query: { year: 'next' }, lenient: true, expect: 400 });
  await h.request('unknown jurisdiction', 'GetScoreboard', 'GET', `${api}/reports/scoreboard`, { query: { jurisdiction: state.jUnknown, year: 2025 }, expect: 404 });

  await h.request('time, 2025', 'GetLaggards', 'GET', `${api}/reports/laggards`, { query: { year: 2025, measure: 'time', pageSize: 5 }, expect: 200 });
  checkCsv('GetLaggards as CSV', await h.request('cost, the test jurisdiction, as CSV', 'GetLaggards', 'GET', `${api}/reports/laggards`, {
    query: { year: 2025, measure: 'cost', jurisdiction: j }, accept: 'text/csv', expect: 200,
  }));
  await h.request('pageSize 0', 'GetLaggards', 'GET', `${api}/reports/laggards`, { query: { year: 2025, pageSize: 0 }, expect: 400 });
  await h.request('no targets that year', 'GetLaggards', 'GET', `${api}/reports/laggards`, { query: { year: need(state.emptyYear, 'a year without targets') }, expect: 404 });

  // The same reports as XLSX workbooks (for Excel with a decimal comma and ';' lists), each with a year.
  checkXlsx('GetProcedureReduction as XLSX', await h.request('as XLSX', 'GetProcedureReduction', 'GET', `${api}/procedures/${id}/reduction`, {
    query: { asOf: '2025-12-31', year: 2025 }, accept: XLSX, expect: 200,
  }));
  checkXlsx('GetGroupReductions as XLSX', await h.request('as XLSX', 'GetGroupReductions', 'GET', `${api}/reports/reductions`, {
    query: { groupBy: 'agency', jurisdiction: '92', year: 2026 }, accept: XLSX, expect: 200,
  }));
  checkXlsx('GetScoreboard as XLSX', await h.request('as XLSX', 'GetScoreboard', 'GET', `${api}/reports/scoreboard`, {
    query: { jurisdiction: '92', year: 2025 }, accept: XLSX, expect: 200,
  }));
  checkXlsx('GetLaggards as XLSX', await h.request('as XLSX', 'GetLaggards', 'GET', `${api}/reports/laggards`, {
    query: { year: 2025, measure: 'time', jurisdiction: '92' }, accept: XLSX, expect: 200,
  }));
});

await section('Channels (their histories, one channel\'s reports) and local against national', async () => {
  const j = need(state.j, 'the test jurisdiction');
  const code = `E2E.${run}.CH`;
  const at = `${api}/jurisdictions/${j}/procedures/${code}`;
  const published = {
    applicantTypes: ['businesses', 'citizens'], result: { name: 'Giấy chứng nhận đăng ký doanh nghiệp', form: null },
    conditions: ['Hồ sơ hợp lệ'], steps: ['Bước 1: Nộp hồ sơ', 'Bước 2: Nhận kết quả'],
    decidingAgencyId: need(state.agency, 'the test agency'), receivingAgencyIds: [state.agency], coordinatingAgencyIds: [], implements: null,
  };
  const body = upsert(procedure(code), {
    channels: [{ channel: 'in-person', description: 'Nộp trực tiếp' }, { channel: 'online', description: 'Nộp trực tuyến' }], published,
  });
  await h.request('a channel twice', 'PutProcedureByCode', 'PUT', at, { body: { ...body, channels: [body.channels[1], body.channels[1]] }, expect: 400 });
  await h.request('implements a procedure that is not national', 'PutProcedureByCode', 'PUT', at, {
    body: { ...body, published: { ...published, implements: `${j}/${need(state.upsertCode, 'the natural-key procedure')}` } }, expect: 422,
  });
  const created = await h.request('with channels and published fields', 'PutProcedureByCode', 'PUT', at, { body, expect: 201 });
  const id = need(created.json?.id, 'the procedure with channels');
  h.check('the procedure has its two channels and what is published', created.json?.channels?.length === 2 && created.json?.published?.result?.name === published.result.name,
    JSON.stringify(created.json?.channels));
  state.channelProcedure = id;
  for (const [kind, list, append, remove, entry, later] of [
    ['time-history', 'ListChannelTimeHistory', 'AppendChannelTimeEntry', 'RemoveChannelTimeEntry',
      { effectiveFrom: '2024-01-01', amount: 10, unit: 'working-days', decisionRef: `E2E/${run}/CH` }, { amount: 4, effectiveFrom: '2025-03-01' }],
    ['fee-history', 'ListChannelFeeHistory', 'AppendChannelFeeEntry', 'RemoveChannelFeeEntry',
      { effectiveFrom: '2024-01-01', feeVnd: 100000, decisionRef: `E2E/${run}/CH` }, { feeVnd: 0, effectiveFrom: '2025-03-01' }],
  ]) {
    const base = `${api}/procedures/${id}/channels/online/${kind}`;
    await h.request('list', list, 'GET', base, { expect: 200 });
    await h.request('not a channel', list, 'GET', `${api}/procedures/${id}/channels/fax/${kind}`, { expect: 400 });
    await h.request('a channel it is not offered through', list, 'GET', `${api}/procedures/${id}/channels/post/${kind}`, { expect: 404 });
    let etag = await procedureETag(id);
    const mistaken = await h.request('append', append, 'POST', base, { body: entry, ifMatch: etag, expect: 201 });
    await h.request('stale procedure If-Match', append, 'POST', base, { body: entry, ifMatch: etag, expect: 412 });
    await h.request('unknown procedure', append, 'POST', `${api}/procedures/${UNKNOWN_ID}/channels/online/${kind}`, { body: entry, expect: 404 });
    await h.request('not a channel', append, 'POST', `${api}/procedures/${id}/channels/fax/${kind}`, { body: entry, expect: 400 });
    etag = await procedureETag(id);
    const entryId = need(mistaken.json?.id, `the appended ${kind} entry id`);
    await h.request('without If-Match', remove, 'DELETE', `${base}/${entryId}`, { expect: 428 });
    await h.request('stale procedure If-Match', remove, 'DELETE', `${base}/${entryId}`, { ifMatch: older(etag), expect: 412 });
    await h.request('not a channel', remove, 'DELETE', `${api}/procedures/${id}/channels/fax/${kind}/${entryId}`, { ifMatch: etag, expect: 400 });
    await h.request('remove an entry entered by mistake', remove, 'DELETE', `${base}/${entryId}`, { ifMatch: etag, expect: 204 });
    etag = await procedureETag(id);
    await h.request('removed already', remove, 'DELETE', `${base}/${entryId}`, { ifMatch: etag, expect: 404 });
    const baseline = await h.request('append the baseline', append, 'POST', base, { body: entry, ifMatch: etag, expect: 201 });
    state[`channel-${kind}Entry`] = baseline.json?.id;
    await h.request('append a cut', append, 'POST', base, { body: { ...entry, ...later }, ifMatch: await procedureETag(id), expect: 201 });
  }
  const reduction = await h.request('one procedure, online', 'GetProcedureReduction', 'GET', `${api}/procedures/${id}/reduction`, {
    query: { asOf: '2025-12-31', channel: 'online' }, expect: 200,
  });
  h.check('the online channel went from 10 to 4 working days (60 %)', reduction.json?.time?.reductionPct === 60 && reduction.json?.basis?.channel === 'online',
    JSON.stringify(reduction.json?.time));
  await h.request('not a channel', 'GetProcedureReduction', 'GET', `${api}/procedures/${id}/reduction`, { query: { channel: 'fax' }, lenient: true, expect: 400 });
  await h.request('by agency, online', 'GetGroupReductions', 'GET', `${api}/reports/reductions`, { query: { groupBy: 'agency', jurisdiction: j, channel: 'online' }, expect: 200 });
  await h.request('laggards of the fee, online', 'GetLaggards', 'GET', `${api}/reports/laggards`, { query: { year: 2025, measure: 'cost', channel: 'online' }, expect: 200 });

  const report = await h.request('Cần Thơ on 2025-12-31', 'GetLocalVsNational', 'GET', `${api}/reports/local-vs-national`, {
    query: { jurisdiction: '92', asOf: '2025-12-31' }, expect: 200,
  });
  h.check('Cần Thơ has procedures above the national ones and national ones it does not implement', report.json?.exceeding > 0 && report.json?.notImplemented > 0,
    JSON.stringify(report.json).slice(0, 200));
  checkCsv('GetLocalVsNational as CSV', await h.request('as CSV', 'GetLocalVsNational', 'GET', `${api}/reports/local-vs-national`, {
    query: { jurisdiction: '92' }, accept: 'text/csv', expect: 200,
  }), 'Ngày số liệu,');
  checkXlsx('GetLocalVsNational as XLSX', await h.request('as XLSX', 'GetLocalVsNational', 'GET', `${api}/reports/local-vs-national`, {
    query: { jurisdiction: '92' }, accept: XLSX, expect: 200,
  }));
  await h.request('without a jurisdiction', 'GetLocalVsNational', 'GET', `${api}/reports/local-vs-national`, { expect: 400 });
  await h.request('an unknown jurisdiction', 'GetLocalVsNational', 'GET', `${api}/reports/local-vs-national`, { query: { jurisdiction: state.jUnknown }, expect: 404 });
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A binary answer read from the service itself (Prism relays a body as text): its status, media type and first bytes. */
async function direct(path, query, accept) {
  const url = new URL(`${need(serviceUrl, 'SERVICE_URL')}${path}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
  const answer = await fetch(url, { headers: { Accept: accept } });
  return { status: answer.status, contentType: answer.headers.get('content-type') ?? '', bytes: new Uint8Array(await answer.arrayBuffer()) };
}

await section('Trend (GetTrend)', async () => {
  const at = `${api}/reports/trend`;
  const query = { jurisdiction: '92', from: '2026-01-01', to: '2026-06-30' };
  const trend = await h.request('Cần Thơ, the first half of 2026', 'GetTrend', 'GET', at, { query, expect: 200 });
  const dates = (trend.json?.points ?? []).map((point) => point.basis?.asOf);
  h.check(`GetTrend has a point on the 22nd of every month (${dates.join(', ')})`, dates.join() === ['01', '02', '03', '04', '05', '06'].map((m) => `2026-${m}-22`).join());
  const board = await h.request('the scoreboard of its last date', 'GetScoreboard', 'GET', `${api}/reports/scoreboard`, { query: { jurisdiction: '92', asOf: '2026-06-22' }, expect: 200 });
  h.check('the last point of the trend is the scoreboard of that date', JSON.stringify(trend.json?.points?.at(-1)) === JSON.stringify(board.json));
  await h.request('every jurisdiction, by quarter, on the 10th', 'GetTrend', 'GET', at, { query: { step: 'quarter', day: 10, from: '2025-01-01', to: '2026-06-30', program: 'resolution-66' }, expect: 200 });
  checkCsv('GetTrend as CSV', await h.request('as CSV', 'GetTrend', 'GET', at, { query, accept: 'text/csv', expect: 200 }), 'Ngày số liệu,');
  checkXlsx('GetTrend as XLSX', await h.request('as XLSX', 'GetTrend', 'GET', at, { query, accept: XLSX, expect: 200 }));
  const png = await h.request('the chart as PNG', 'GetTrend', 'GET', at, { query, accept: 'image/png', expect: 200 });
  h.check('the chart is announced as PNG', png.contentType === 'image/png', png.contentType);
  const svg = await h.request('the chart as SVG', 'GetTrend', 'GET', at, { query, accept: 'image/svg+xml', expect: 200 });
  h.check('the SVG chart has its Vietnamese legend', svg.contentType.startsWith('image/svg+xml') && svg.text.includes('<svg') && svg.text.includes('Chi phí tuân thủ'), svg.text.slice(0, 120));
  if (serviceUrl) {
    const image = await direct(at, query, 'image/png');
    h.check(`the PNG chart is a PNG (read from the service directly, ${image.bytes.length} bytes)`,
      image.status === 200 && image.bytes[0] === 0x89 && image.bytes[1] === 0x50 && image.bytes[2] === 0x4e && image.bytes[3] === 0x47);
  }
  await h.request('more than 60 points', 'GetTrend', 'GET', at, { query: { from: '2020-01-01', to: '2026-06-30' }, expect: 400 });
  await h.request('to before from', 'GetTrend', 'GET', at, { query: { from: '2026-06-30', to: '2026-01-01' }, expect: 400 });
  await h.request('day 29 (not in every month)', 'GetTrend', 'GET', at, { query: { day: 29 }, expect: 400 });
  await h.request('step not offered (week)', 'GetTrend', 'GET', at, { query: { step: 'week' }, lenient: true, expect: 400 });
  await h.request('unknown jurisdiction', 'GetTrend', 'GET', at, { query: { jurisdiction: need(state.jUnknown, 'an unknown jurisdiction') }, expect: 404 });
  await h.request('a year without targets', 'GetTrend', 'GET', at, { query: { from: '2027-01-01', to: '2027-06-30' }, expect: 404 });
});

await section('Monthly, quarterly and yearly reports (GetMonthlyReport, GetQuarterlyReport, GetYearlyReport)', async () => {
  for (const [operationId, path, query, parameter, bad] of PERIODIC_REPORTS) {
    const report = await h.request('Cần Thơ, the latest period', operationId, 'GET', path, { query: { ...query, jurisdiction: '92' }, expect: 200 });
    const period = report.json?.period;
    h.check(`${operationId} is as of the report day and covers the days after the previous one (${period?.from} to ${period?.to})`,
      period?.reportDay === 22 && period?.to?.endsWith('-22') && period?.previousReportDate < period?.from && report.json?.scoreboard?.basis?.asOf === period?.to);
    const named = { ...query, jurisdiction: '92', [parameter]: period?.label, program: 'resolution-66' };
    await h.request('the same period named', operationId, 'GET', path, { query: named, expect: 200 });
    checkXlsx(`${operationId} as XLSX`, await h.request('as XLSX', operationId, 'GET', path, { query: named, accept: XLSX, expect: 200 }));
    const docx = await h.request('as DOCX', operationId, 'GET', path, { query: named, accept: DOCX, expect: 200 });
    h.check(`${operationId} as DOCX is announced as a Word document`, docx.contentType === DOCX, docx.contentType);
    if (serviceUrl) {
      const file = await direct(path, named, DOCX);
      h.check(`${operationId} as DOCX is a ZIP package (read from the service directly, ${file.bytes.length} bytes)`,
        file.status === 200 && file.bytes[0] === 0x50 && file.bytes[1] === 0x4b && file.bytes[2] === 3 && file.bytes[3] === 4);
    }
    await h.request(`${parameter} malformed`, operationId, 'GET', path, { query: { jurisdiction: '92', [parameter]: bad }, expect: 400 });
    await h.request('no jurisdiction', operationId, 'GET', path, { query, expect: 400 });
    await h.request('unknown jurisdiction', operationId, 'GET', path, { query: { ...query, jurisdiction: need(state.jUnknown, 'an unknown jurisdiction') }, expect: 404 });
    await h.request('a jurisdiction without a plan', operationId, 'GET', path, { query: { ...query, jurisdiction: '51' }, expect: 404 });
  }
  await h.request('a month after today', 'GetMonthlyReport', 'GET', `${api}/reports/monthly`, { query: { jurisdiction: '92', month: '2099-01' }, expect: 400 });
});

const CATALOGUE_COLUMNS = 'code,name,level,kind,businessRelated,onlineLevel,fullOnlineEligible,boundaryFree,field,agency,lastReviewedOn,status,abolishedOn,'
  + 'timeEffectiveFrom,timeAmount,timeUnit,timeDecisionRef,costEffectiveFrom,feeVnd,otherCostVnd,applicantHours,annualFilings,costDecisionRef,documents';
const NDJSON = 'application/x-ndjson';

await section('Export (ExportCatalogue)', async () => {
  const j = need(state.j, 'the test jurisdiction');
  const at = `${api}/jurisdictions/${j}/export`;
  const csv = await h.request('CSV', 'ExportCatalogue', 'GET', at, { query: { format: 'csv', asOf: '2025-12-31' }, accept: 'text/csv', expect: 200 });
  checkCsv('the CSV export', csv, 'code,name,');
  h.check('the CSV export has the test procedure', csv.text.includes(`E2E.${run},`));
  state.exportCsv = csv.text;
  const ndjson = await h.request('NDJSON, chosen by Accept', 'ExportCatalogue', 'GET', at, { accept: NDJSON, expect: 200 });
  const records = ndjson.text.split('\n').filter((line) => line.trim() !== '').map((line) => {
    try { return JSON.parse(line); } catch { return undefined; }
  });
  h.check(`the NDJSON export is one JSON object a line (${records.length})`, ndjson.contentType.startsWith(NDJSON) && records.length > 0 && records.every((r) => r && typeof r.code === 'string'),
    `${ndjson.contentType}: ${ndjson.text.slice(0, 120)}`);
  h.check('the NDJSON export has the procedures of the CSV export', records.length >= 2 && records.every((r) => csv.text.includes(`\n${r.code},`)));
  state.exportNdjson = ndjson.text;
  state.exportRecords = records;
  await h.request('NDJSON, chosen by format', 'ExportCatalogue', 'GET', at, { query: { format: 'ndjson' }, accept: NDJSON, expect: 200 });
  const xlsx = await h.request('XLSX', 'ExportCatalogue', 'GET', at, { query: { format: 'xlsx' }, accept: XLSX, expect: 200 });
  h.check('the XLSX export is announced as XLSX', xlsx.contentType.startsWith(XLSX), xlsx.contentType);
  if (serviceUrl) {
    // Prism relays a body as text, so the workbook's bytes are read from the service itself.
    const direct = await fetch(`${serviceUrl}${at}?format=xlsx`);
    const bytes = new Uint8Array(await direct.arrayBuffer());
    h.check(`the XLSX export is a ZIP workbook (read from the service directly, ${bytes.length} bytes)`, direct.status === 200 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4);
  }
  await h.request('asOf not a date', 'ExportCatalogue', 'GET', at, { query: { asOf: 'today' }, accept: 'text/csv', lenient: true, expect: 400 });
  await h.request('format not offered (pdf)', 'ExportCatalogue', 'GET', at, { query: { format: 'pdf' }, lenient: true, expect: 400 });
  await h.request('unknown jurisdiction', 'ExportCatalogue', 'GET', `${api}/jurisdictions/${state.jUnknown}/export`, { expect: 404 });
});

/** One CSV field, quoted when it has to be. */
function csvField(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A catalogue row of the import's columns. */
function importRow(code, overrides = {}) {
  const row = {
    code, name: `Thủ tục nhập từ tệp ${code}`, level: 'province', kind: 'external', businessRelated: 'true', onlineLevel: 'full',
    fullOnlineEligible: 'true', boundaryFree: 'true', field: `Lĩnh vực nhập ${run}`, agency: `Sở Nhập tệp ${run}`, lastReviewedOn: '2025-06-15',
    status: 'active', abolishedOn: '', timeEffectiveFrom: '2024-06-01', timeAmount: '10', timeUnit: 'working-days', timeDecisionRef: `NHAP/${run}`,
    costEffectiveFrom: '2024-06-01', feeVnd: '100000', otherCostVnd: '50000', applicantHours: '2', annualFilings: '300', costDecisionRef: `NHAP/${run}`,
    documents: 'Tờ khai theo mẫu\n* Bản sao căn cước',
    ...overrides,
  };
  return CATALOGUE_COLUMNS.split(',').map((column) => csvField(row[column])).join(',');
}

/** Polls an import (GetImport at the 202's Location) until it is done; every poll goes through the proxy. */
async function pollImport(location, label) {
  let last;
  for (let attempt = 0; attempt < 120; attempt++) {
    last = await h.request(attempt === 0 ? `poll: ${label}` : 'poll again', 'GetImport', 'GET', need(location, 'the Location of the import'), { expect: 200 });
    if (!last.json || ['succeeded', 'failed'].includes(last.json.status)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return last?.json;
}

await section('Import (ImportCatalogue, GetImport)', async () => {
  const j = need(state.j, 'the test jurisdiction');
  const at = `${api}/jurisdictions/${j}/imports`;
  const codes = [`E2E.${run}.I1`, `E2E.${run}.I2`];
  const file = `${CATALOGUE_COLUMNS}\n${importRow(codes[0])}\n${importRow(codes[1], { level: 'district', documents: '' })}\n`;

  // The file names a field and an agency that do not exist yet: without createMissing each is a row error.
  const unknown = await h.request('CSV naming an unknown field and agency', 'ImportCatalogue', 'POST', at, { query: { dryRun: true }, raw: file, contentType: 'text/csv', expect: 202 });
  const refusedNames = await pollImport(unknown.location, 'the unknown names');
  h.check('unknown agencies and fields are row errors naming the row, the code and the column', refusedNames?.status === 'failed'
    && refusedNames.errors?.some((error) => error.field === 'agency' && error.line === 2 && error.code === codes[0]), JSON.stringify(refusedNames?.errors));
  const dry = await h.request('CSV, dry run, creating what is missing', 'ImportCatalogue', 'POST', at, { query: { dryRun: true, createMissing: true }, raw: file, contentType: 'text/csv', expect: 202 });
  h.check('the 202 names the import in Location', Boolean(dry.location) && dry.location === `${api}/imports/${dry.json?.id}`, dry.location);
  const checked = await pollImport(dry.location, 'the dry run');
  h.check('the dry run succeeds, would create both procedures and names the agency and field it would create', checked?.status === 'succeeded'
    && checked.dryRun === true && checked.created === 2 && checked.createdNames?.agencies?.length === 1 && checked.createdNames?.fields?.length === 1, JSON.stringify(checked));
  await h.request('the dry run wrote nothing', 'GetProcedureByCode', 'GET', `${api}/jurisdictions/${j}/procedures/${codes[0]}`, { expect: 404 });

  const queued = await h.request('CSV', 'ImportCatalogue', 'POST', at, { query: { dryRun: false, createMissing: true }, raw: file, contentType: 'text/csv', expect: 202 });
  h.check('the import is queued (or already running)', ['queued', 'running', 'succeeded'].includes(queued.json?.status), queued.json?.status);
  const done = await pollImport(queued.location, 'the import, to completion');
  h.check('the import succeeded: 2 created, 2 of 2 rows processed and applied', done?.status === 'succeeded' && done.created === 2 && done.processedRows === 2
    && done.totalRows === 2 && done.appliedRows === 2, JSON.stringify(done));
  const imported = await h.request('an imported procedure', 'GetProcedureByCode', 'GET', `${api}/jurisdictions/${j}/procedures/${codes[0]}`, { expect: 200 });
  h.check('it has the imported documents (one provided once)', imported.json?.documents?.length === 2 && imported.json.documents.some((d) => d.providedOnce), JSON.stringify(imported.json?.documents));
  const again = await h.request('the same file again', 'ImportCatalogue', 'POST', at, { raw: file, contentType: 'text/csv', expect: 202 });
  const unchanged = await pollImport(again.location, 'the same file again');
  h.check('importing the same file again changes nothing (2 unchanged)', unchanged?.status === 'succeeded' && unchanged.unchanged === 2 && unchanged.created === 0 && unchanged.updated === 0, JSON.stringify(unchanged));

  const bad = `${CATALOGUE_COLUMNS}\n${importRow(`E2E.${run}.I3`)}\n${importRow(`E2E.${run}.I4`, { level: 'tinh' })}\n`;
  const refused = await h.request('CSV with a bad row', 'ImportCatalogue', 'POST', at, { raw: bad, contentType: 'text/csv', expect: 202 });
  const failed = await pollImport(refused.location, 'the bad file');
  // Rows as Excel numbers them: the header is row 1, the good record row 2 (though its documents span two lines), the bad one row 3.
  h.check('the bad file failed, naming the bad record (row 3), its code and its column', failed?.status === 'failed' && failed.errors?.length === 1
    && failed.errors[0].line === 3 && failed.errors[0].field === 'level' && failed.errors[0].code === `E2E.${run}.I4`, JSON.stringify(failed?.errors));
  await h.request('the failed import wrote nothing, not even its good row', 'GetProcedureByCode', 'GET', `${api}/jurisdictions/${j}/procedures/E2E.${run}.I3`, { expect: 404 });

  // Round trips: an export imports back unchanged.
  const exported = await h.request('export for the round trip', 'ExportCatalogue', 'GET', `${api}/jurisdictions/${j}/export`, { query: { format: 'ndjson' }, accept: NDJSON, expect: 200 });
  const lines = exported.text.split('\n').filter((line) => line.trim() !== '').length;
  const ndjson = await h.request('NDJSON export back, dry run', 'ImportCatalogue', 'POST', at, { query: { dryRun: true }, raw: exported.text, contentType: NDJSON, expect: 202 });
  const ndjsonDone = await pollImport(ndjson.location, 'the NDJSON round trip');
  h.check(`the NDJSON export imports back unchanged (${lines} rows)`, ndjsonDone?.status === 'succeeded' && ndjsonDone.unchanged === lines && ndjsonDone.created === 0 && ndjsonDone.updated === 0, JSON.stringify(ndjsonDone));
  const csvExport = await h.request('CSV export for the round trip', 'ExportCatalogue', 'GET', `${api}/jurisdictions/${j}/export`, { accept: 'text/csv', expect: 200 });
  const csvBack = await h.request('CSV export back, dry run', 'ImportCatalogue', 'POST', at, { query: { dryRun: true }, raw: csvExport.text, contentType: 'text/csv', expect: 202 });
  const csvDone = await pollImport(csvBack.location, 'the CSV round trip');
  h.check(`the CSV export imports back unchanged (${lines} rows)`, csvDone?.status === 'succeeded' && csvDone.unchanged === lines && csvDone.created === 0 && csvDone.updated === 0, JSON.stringify(csvDone));
  // JSON: an array of the NDJSON's objects.
  const array = JSON.stringify(exported.text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line)));
  const json = await h.request('JSON (an array of records), dry run', 'ImportCatalogue', 'POST', at, { query: { dryRun: true }, raw: array, contentType: 'application/json', expect: 202 });
  if (json.location) {
    const jsonDone = await pollImport(json.location, 'the JSON round trip');
    h.check(`the JSON array imports back unchanged (${lines} rows)`, jsonDone?.status === 'succeeded' && jsonDone.unchanged === lines, JSON.stringify(jsonDone));
  }

  await h.request('a Content-Type it does not take (text/plain)', 'ImportCatalogue', 'POST', at, { raw: file, contentType: 'text/plain', lenient: true, expect: 415 });
  await h.request('dryRun not a boolean', 'ImportCatalogue', 'POST', at, { query: { dryRun: 'maybe' }, raw: file, contentType: 'text/csv', lenient: true, expect: 400 });
  await h.request('unknown jurisdiction', 'ImportCatalogue', 'POST', `${api}/jurisdictions/${state.jUnknown}/imports`, { raw: file, contentType: 'text/csv', expect: 404 });
  await h.request('unknown id', 'GetImport', 'GET', `${api}/imports/0000000000000000000000000000dead`, { expect: 404 });
});

// ---- Business reporting regimes (ReportingRegimes/): CRUD, the electronic history, import and export, the scoreboard.
const REGIME_COLUMNS = 'name,legalBasis,agency,frequency,status,abolishedOn,electronic,electronicFrom,electronicDecisionRef';

/** The business-reporting-electronic indicator of the test jurisdiction's 2026 scoreboard on 2026-11-22. */
async function regimeIndicator(label) {
  const board = await h.request(label, 'GetScoreboard', 'GET', `${api}/reports/scoreboard`, {
    query: { jurisdiction: need(state.j, 'the test jurisdiction'), year: 2026, asOf: '2026-11-22' }, expect: 200,
  });
  return board.json?.indicators?.find((indicator) => indicator.indicator === 'business-reporting-electronic');
}

await section('Reporting regimes', async () => {
  const j = need(state.j, 'the test jurisdiction');
  const agency = need(state.agency, 'the test agency');
  const base = `${api}/reporting-regimes`;
  const none = await regimeIndicator('the test jurisdiction before any regime');
  h.check('without regimes, business-reporting-electronic is missing, not 0 % or not met', none?.valuePct === null && none?.met === null
    && none?.missing === 'reporting-regimes', JSON.stringify(none));

  await h.request('list of 92 on a date', 'ListReportingRegimes', 'GET', base, { query: { jurisdiction: '92', asOf: '2025-12-31', pageSize: 50 }, expect: 200 });
  await h.request('filters', 'ListReportingRegimes', 'GET', base, { query: { frequency: 'half-yearly', status: 'active', agencyId: agency, page: 1 }, expect: 200 });
  await h.request('pageSize over 100', 'ListReportingRegimes', 'GET', base, { query: { pageSize: 500 }, expect: 400 });

  const body = {
    jurisdiction: j, name: `Báo cáo kiểm thử ${run}`, legalBasis: 'Nghị định 145/2020/NĐ-CP, Điều 4', agencyId: agency, frequency: 'half-yearly',
    status: 'active', abolishedOn: null, electronic: { electronic: false, effectiveFrom: '2021-02-01', decisionRef: `E2E/${run}/0` },
  };
  const created = await h.request('create with its first electronic entry', 'CreateReportingRegime', 'POST', base, { body, expect: 201 });
  state.regime = need(created.json?.id, 'the created regime id');
  h.check('CreateReportingRegime answers an ETag and the agency by name', Boolean(created.etag) && created.json?.agency?.id === agency);
  const agencyName = need(created.json?.agency?.name, 'the agency name');
  await h.request('the same name in other case', 'CreateReportingRegime', 'POST', base, { body: { ...body, name: body.name.toUpperCase() }, expect: 409 });
  await h.request('agency of another jurisdiction', 'CreateReportingRegime', 'POST', base, {
    body: { ...body, name: `${body.name} (92)`, agencyId: need(state.agencyOf92, 'an agency of 92') }, expect: 422,
  });
  await h.request('abolished without abolishedOn', 'CreateReportingRegime', 'POST', base, { body: { ...body, name: `${body.name} (bãi bỏ)`, status: 'abolished' }, expect: 400 });
  const second = await h.request('create a second (no history, deleted later)', 'CreateReportingRegime', 'POST', base, {
    body: { ...body, name: `${body.name} (2)`, electronic: null }, expect: 201,
  });

  const at = `${base}/${state.regime}`;
  const read = await readWithETag('get on a date', 'GetReportingRegime', at, { asOf: '2025-12-31' });
  h.check('on 2025-12-31 its reports are not electronic (the entry of 2021)', read.json?.electronic === false && read.json?.electronicInForce?.effectiveFrom === '2021-02-01');
  await h.request('unknown id', 'GetReportingRegime', 'GET', `${base}/${UNKNOWN_ID}`, { expect: 404 });
  await h.request('asOf out of range', 'GetReportingRegime', 'GET', at, { query: { asOf: '1900-01-01' }, expect: 400 });

  const update = { name: `${body.name} (sửa)`, legalBasis: body.legalBasis, agencyId: agency, frequency: 'yearly', status: 'active', abolishedOn: null };
  await h.request('without If-Match', 'UpdateReportingRegime', 'PUT', at, { body: update, expect: 428 });
  const updated = await h.request('update with If-Match', 'UpdateReportingRegime', 'PUT', at, { body: update, ifMatch: need(read.etag, 'the regime ETag'), expect: 200 });
  await h.request('stale If-Match', 'UpdateReportingRegime', 'PUT', at, { body: update, ifMatch: older(updated.etag), expect: 412 });
  await h.request('name of another regime', 'UpdateReportingRegime', 'PUT', at, { body: { ...update, name: `${body.name} (2)` }, ifMatch: updated.etag, expect: 409 });
  await h.request('agency of another jurisdiction', 'UpdateReportingRegime', 'PUT', at, { body: { ...update, agencyId: state.agencyOf92 }, ifMatch: updated.etag, expect: 422 });
  await h.request('active with abolishedOn', 'UpdateReportingRegime', 'PUT', at, { body: { ...update, abolishedOn: '2026-01-01' }, ifMatch: updated.etag, expect: 400 });
  await h.request('unknown id', 'UpdateReportingRegime', 'PUT', `${base}/${UNKNOWN_ID}`, { body: update, ifMatch: '"1"', expect: 404 });
  state.regimeUpdate = update;

  const history = `${at}/electronic-history`;
  await h.request('list', 'ListElectronicHistory', 'GET', history, { expect: 200 });
  await h.request('unknown regime', 'ListElectronicHistory', 'GET', `${base}/${UNKNOWN_ID}/electronic-history`, { expect: 404 });
  const entry = { electronic: true, effectiveFrom: '2025-07-01', decisionRef: `E2E/${run}/1` };
  const mistaken = await h.request('append with the regime If-Match', 'AppendElectronicEntry', 'POST', history, { body: entry, ifMatch: updated.etag, expect: 201 });
  await h.request('stale regime If-Match', 'AppendElectronicEntry', 'POST', history, { body: entry, ifMatch: updated.etag, expect: 412 });
  await h.request('unknown regime', 'AppendElectronicEntry', 'POST', `${base}/${UNKNOWN_ID}/electronic-history`, { body: entry, expect: 404 });
  await h.request('effectiveFrom out of range (1900)', 'AppendElectronicEntry', 'POST', history, { body: { ...entry, effectiveFrom: '1900-01-01' }, expect: 400 });
  const current = await h.request('read the current ETag', 'GetReportingRegime', 'GET', at, { expect: 200 });
  const entryId = need(mistaken.json?.id, 'the appended entry id');
  await h.request('without If-Match', 'RemoveElectronicEntry', 'DELETE', `${history}/${entryId}`, { expect: 428 });
  await h.request('stale regime If-Match', 'RemoveElectronicEntry', 'DELETE', `${history}/${entryId}`, { ifMatch: older(current.etag), expect: 412 });
  await h.request('remove an entry entered by mistake', 'RemoveElectronicEntry', 'DELETE', `${history}/${entryId}`, { ifMatch: need(current.etag, 'the regime ETag'), expect: 204 });
  await h.request('removed already', 'RemoveElectronicEntry', 'DELETE', `${history}/${entryId}`, { ifMatch: '*', expect: 404 });
  const stays = await h.request('append the entry that stays, without If-Match', 'AppendElectronicEntry', 'POST', history, {
    body: { ...entry, effectiveFrom: '2026-01-01', decisionRef: `E2E/${run}/2` }, expect: 201,
  });
  state.regimeEntry = need(stays.json?.id, 'the entry that stays');
  const share = await regimeIndicator('the test jurisdiction with two regimes, one electronic');
  h.check('with 2 regimes of which 1 is electronic on 2026-11-22, business-reporting-electronic is 50 %', share?.valuePct === 50 && share?.numerator === 1
    && share?.denominator === 2 && share?.unit === 'reporting-regimes' && share?.missing === undefined, JSON.stringify(share));

  const exportAt = `${api}/jurisdictions/${j}/reporting-regimes/export`;
  const csv = await h.request('CSV', 'ExportReportingRegimes', 'GET', exportAt, { query: { format: 'csv', asOf: '2026-11-22' }, accept: 'text/csv', expect: 200 });
  checkCsv('the regimes CSV export', csv, 'name,legalBasis,');
  const json = await h.request('JSON, by Accept', 'ExportReportingRegimes', 'GET', exportAt, { query: { asOf: '2026-11-22' }, expect: 200 });
  h.check('the JSON export has both regimes in the import\'s columns', json.json?.length === 2 && json.json.every((r) => REGIME_COLUMNS.split(',').every((c) => c in r)), json.text.slice(0, 200));
  checkXlsx('the regimes XLSX export', await h.request('XLSX', 'ExportReportingRegimes', 'GET', exportAt, { query: { format: 'xlsx' }, accept: XLSX, expect: 200 }));
  await h.request('format not offered (pdf)', 'ExportReportingRegimes', 'GET', exportAt, { query: { format: 'pdf' }, lenient: true, expect: 400 });
  await h.request('unknown jurisdiction', 'ExportReportingRegimes', 'GET', `${api}/jurisdictions/${state.jUnknown}/reporting-regimes/export`, { expect: 404 });

  const importAt = `${api}/jurisdictions/${j}/reporting-regimes/import`;
  const back = await h.request('the CSV export back, dry run', 'ImportReportingRegimes', 'POST', importAt, { query: { dryRun: true }, raw: csv.text, contentType: 'text/csv', expect: 200 });
  h.check('the CSV export imports back unchanged (2 rows)', back.json?.unchanged === 2 && back.json.created === 0 && back.json.updated === 0, JSON.stringify(back.json));
  const jsonBack = await h.request('the JSON export back', 'ImportReportingRegimes', 'POST', importAt, { raw: json.text, contentType: 'application/json', expect: 200 });
  h.check('the JSON export imports back unchanged (2 rows)', jsonBack.json?.unchanged === 2 && jsonBack.json.dryRun === false, JSON.stringify(jsonBack.json));
  const row = [`Báo cáo nhập từ tệp ${run}`, 'Thông tư 02/2022/TT-BTNMT, Điều 66', agencyName, 'monthly', 'active', '', 'có', '2025-01-01', `E2E/${run}/3`];
  const file = `${REGIME_COLUMNS}\n${row.map(csvField).join(',')}\n`;
  const added = await h.request('a CSV with a new regime', 'ImportReportingRegimes', 'POST', importAt, { raw: file, contentType: 'text/csv', expect: 200 });
  h.check('the import creates it', added.json?.created === 1 && added.json.rows === 1, JSON.stringify(added.json));
  state.regimeCsv = file;
  const bad = `${REGIME_COLUMNS}\n${[`Báo cáo tuần ${run}`, 'Thông tư 1', agencyName, 'weekly', '', '', '', '', ''].map(csvField).join(',')}\n`;
  const refused = await h.request('a CSV with a bad row', 'ImportReportingRegimes', 'POST', importAt, { raw: bad, contentType: 'text/csv', expect: 422 });
  h.check('the refusal names the row and column (rows[2].frequency)', Boolean(refused.json?.errors?.['rows[2].frequency']), JSON.stringify(refused.json?.errors));
  await h.request('a Content-Type it does not take (text/plain)', 'ImportReportingRegimes', 'POST', importAt, { raw: file, contentType: 'text/plain', lenient: true, expect: 415 });
  await h.request('dryRun not a boolean', 'ImportReportingRegimes', 'POST', importAt, { query: { dryRun: 'maybe' }, raw: file, contentType: 'text/csv', lenient: true, expect: 400 });
  await h.request('unknown jurisdiction', 'ImportReportingRegimes', 'POST', `${api}/jurisdictions/${state.jUnknown}/reporting-regimes/import`, { raw: file, contentType: 'text/csv', expect: 404 });

  await h.request('a regime with history', 'DeleteReportingRegime', 'DELETE', at, { ifMatch: '*', expect: 409 });
  const secondAt = `${base}/${need(second.json?.id, 'the second regime')}`;
  await h.request('without If-Match', 'DeleteReportingRegime', 'DELETE', secondAt, { expect: 428 });
  await h.request('stale If-Match', 'DeleteReportingRegime', 'DELETE', secondAt, { ifMatch: older(second.etag), expect: 412 });
  await h.request('a regime entered by mistake', 'DeleteReportingRegime', 'DELETE', secondAt, { ifMatch: need(second.etag, 'the second regime ETag'), expect: 204 });
  await h.request('deleted already', 'DeleteReportingRegime', 'DELETE', secondAt, { ifMatch: '*', expect: 404 });

  const feed = await feedFrom(undefined, { jurisdiction: j });
  const regimeChanges = feed.items.filter((change) => change.entity === 'reporting-regime' || change.entity === 'electronic-entry');
  h.check(`the feed of ${j} has the regimes' changes (${regimeChanges.length}) by the test key: created, updated, entries, deleted`,
    ['created', 'updated', 'deleted'].every((action) => regimeChanges.some((change) => change.entity === 'reporting-regime' && change.action === action))
    && regimeChanges.some((change) => change.entity === 'electronic-entry' && change.entityKey.startsWith(`${state.regime}/`))
    && regimeChanges.every((change) => change.changedBy !== 'service'), JSON.stringify(regimeChanges.slice(0, 3)));
});

/** A milestone of a task's body: every member present, as the document requires (null where it does not apply). */
function milestoneOf(kind, members = {}) {
  return { id: null, kind, dueOn: null, year: null, label: null, ...members };
}

/** A progress entry's body. */
function progressOf(status, members = {}) {
  return { on: '2025-07-01', status, decisionRef: null, link: null, notes: null, ...members };
}

const ANNEX_COLUMNS = 'STT,Nội dung thực hiện,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian thực hiện,Kết quả/Sản phẩm';

/** An annex in the shape of the seed tables: a section heading, a task, a task under it with two deadlines. */
function annex(first) {
  return `${ANNEX_COLUMNS}\nII,"Cắt giảm, đơn giản hóa TTHC nội bộ",,,,\n`
    + `${first},"Rà soát, trình công bố đầy đủ các TTHC nội bộ","Các sở, ban, ngành thành phố","Văn phòng UBND thành phố; UBND cấp xã",Hoàn thành trước ngày 30 tháng 4 năm 2025,Quyết định công bố TTHC\n`
    + `${first}.1,Số hóa hồ sơ,UBND cấp xã,,"Đối với TTHC liên quan đến doanh nghiệp hoàn thành trước ngày 25 tháng 12 năm 2025; đối với các TTHC còn lại theo lộ trình đến năm 2026.",\n`;
}

await section('Plans, their tasks, progress and annex (Plans)', async () => {
  const j = need(state.j, 'the test jurisdiction');
  const plans = `${api}/plans`;
  await h.request('of Cần Thơ', 'ListPlans', 'GET', plans, { query: { jurisdiction: '92', program: 'resolution-66' }, expect: 200 });
  await h.request('jurisdiction not a code', 'ListPlans', 'GET', plans, { query: { jurisdiction: 'Cần Thơ' }, expect: 400 });

  const body = { jurisdiction: j, number: `${run}/KH-UBND`, issuedOn: '2026-01-15', issuer: `UBND tỉnh Kiểm thử ${j}`, title: `Kế hoạch kiểm thử ${run}`, program: 'resolution-66' };
  const created = await h.request('create', 'CreatePlan', 'POST', plans, { body, expect: 201 });
  const planId = need(created.json?.id, 'the plan id');
  state.plan = planId;
  await h.request('the same number and date again', 'CreatePlan', 'POST', plans, { body, expect: 409 });
  await h.request('a number without its date', 'CreatePlan', 'POST', plans, { body: { ...body, issuedOn: null }, expect: 400 });
  await h.request('an unknown program', 'CreatePlan', 'POST', plans, { body: { ...body, number: `${run}/KH-X`, program: 'no-such-program' }, expect: 422 });
  const other = await h.request('a second plan', 'CreatePlan', 'POST', plans, { body: { ...body, number: `${run}/KH-2`, title: `Kế hoạch thứ hai ${run}` }, expect: 201 });
  const otherId = need(other.json?.id, 'the second plan id');

  const read = await readWithETag('get', 'GetPlan', `${plans}/${planId}`);
  await h.request('unknown plan', 'GetPlan', 'GET', `${plans}/${UNKNOWN_ID}`, { expect: 404 });
  const update = { number: body.number, issuedOn: body.issuedOn, issuer: body.issuer, title: `${body.title} (sửa đổi)`, program: 'resolution-66' };
  await h.request('without If-Match', 'UpdatePlan', 'PUT', `${plans}/${planId}`, { body: update, expect: 428 });
  const updated = await h.request('update with If-Match', 'UpdatePlan', 'PUT', `${plans}/${planId}`, { body: update, ifMatch: need(read.etag, 'the plan ETag'), expect: 200 });
  await h.request('stale If-Match', 'UpdatePlan', 'PUT', `${plans}/${planId}`, { body: update, ifMatch: older(updated.etag), expect: 412 });
  await h.request('program not a code', 'UpdatePlan', 'PUT', `${plans}/${planId}`, { body: { ...update, program: 'Nghị quyết 66' }, ifMatch: '*', lenient: true, expect: 400 });
  await h.request('an unknown program', 'UpdatePlan', 'PUT', `${plans}/${planId}`, { body: { ...update, program: 'no-such-program' }, ifMatch: '*', expect: 422 });
  await h.request('the number and date of another plan', 'UpdatePlan', 'PUT', `${plans}/${otherId}`, { body: update, ifMatch: '*', expect: 409 });
  await h.request('unknown plan', 'UpdatePlan', 'PUT', `${plans}/${UNKNOWN_ID}`, { body: update, ifMatch: '*', expect: 404 });

  const tasks = `${plans}/${planId}/tasks`;
  const task = {
    number: '1', section: 'I. Cắt giảm, đơn giản hóa TTHC', content: 'Chủ động giảm ít nhất 30% thời gian giải quyết của các TTHC',
    leadAgencies: [{ agencyId: need(state.agency, 'an agency of the test jurisdiction'), name: null }, { agencyId: null, name: 'Các sở, ban, ngành' }],
    coordinatingAgencies: [{ agencyId: null, name: 'UBND cấp xã' }], deadlineText: 'Trước ngày 30 tháng 8 năm 2025; thường xuyên',
    milestones: [milestoneOf('date', { dueOn: '2025-08-30' }), milestoneOf('ongoing')], expectedOutput: 'Quyết định thông qua phương án đơn giản hóa TTHC',
  };
  const added = await h.request('add', 'AddPlanTask', 'POST', tasks, { body: task, expect: 201 });
  const taskId = need(added.json?.id, 'the task id');
  const [milestone, ongoing] = [need(added.json?.milestones?.[0]?.id, 'the first milestone'), need(added.json?.milestones?.[1]?.id, 'the second milestone')];
  state.task = taskId;
  state.milestone = milestone;
  state.taskBody = task;
  const second = await h.request('a second task', 'AddPlanTask', 'POST', tasks, { body: { ...task, number: '2', milestones: [] }, expect: 201 });
  const secondId = need(second.json?.id, 'the second task id');
  await h.request('the same number again', 'AddPlanTask', 'POST', tasks, { body: task, expect: 409 });
  await h.request('a date deadline without its date', 'AddPlanTask', 'POST', tasks, { body: { ...task, number: '3', milestones: [milestoneOf('date')] }, expect: 400 });
  await h.request('under a task the plan lacks', 'AddPlanTask', 'POST', tasks, { body: { ...task, number: '9.1' }, expect: 422 });
  await h.request('unknown plan', 'AddPlanTask', 'POST', `${plans}/${UNKNOWN_ID}/tasks`, { body: task, expect: 404 });
  const listed = await h.request('list', 'ListPlanTasks', 'GET', tasks, { expect: 200 });
  h.check('ListPlanTasks gives the tasks in the plan\'s numbering', JSON.stringify(listed.json?.map((item) => item.number)) === '["1","2"]', JSON.stringify(listed.json?.map((item) => item.number)));
  await h.request('unknown plan', 'ListPlanTasks', 'GET', `${plans}/${UNKNOWN_ID}/tasks`, { expect: 404 });
  const taskRead = await readWithETag('get', 'GetPlanTask', `${tasks}/${taskId}`);
  await h.request('unknown task', 'GetPlanTask', 'GET', `${tasks}/${UNKNOWN_ID}`, { expect: 404 });

  const change = { ...task, milestones: [milestoneOf('date', { id: milestone, dueOn: '2025-09-30' }), milestoneOf('ongoing', { id: ongoing })] };
  await h.request('without If-Match', 'ChangePlanTask', 'PUT', `${tasks}/${taskId}`, { body: change, expect: 428 });
  const changed = await h.request('with If-Match', 'ChangePlanTask', 'PUT', `${tasks}/${taskId}`, { body: change, ifMatch: need(taskRead.etag, 'the task ETag'), expect: 200 });
  await h.request('stale If-Match', 'ChangePlanTask', 'PUT', `${tasks}/${taskId}`, { body: change, ifMatch: older(changed.etag), expect: 412 });
  await h.request('a year deadline without its year', 'ChangePlanTask', 'PUT', `${tasks}/${taskId}`, { body: { ...change, milestones: [milestoneOf('year')] }, ifMatch: '*', expect: 400 });
  await h.request('the number of another task', 'ChangePlanTask', 'PUT', `${tasks}/${secondId}`, { body: { ...task, milestones: [] }, ifMatch: '*', expect: 409 });
  await h.request('a milestone of another task', 'ChangePlanTask', 'PUT', `${tasks}/${secondId}`, { body: { ...task, number: '2', milestones: [milestoneOf('ongoing', { id: milestone })] }, ifMatch: '*', expect: 422 });
  await h.request('unknown task', 'ChangePlanTask', 'PUT', `${tasks}/${UNKNOWN_ID}`, { body: change, ifMatch: '*', expect: 404 });

  const progress = `${tasks}/${taskId}/milestones/${milestone}/progress`;
  const started = await h.request('in progress', 'RecordMilestoneProgress', 'POST', progress, { body: progressOf('in-progress', { notes: 'Đang rà soát.' }), expect: 201 });
  await h.request('done without evidence', 'RecordMilestoneProgress', 'POST', progress, { body: progressOf('done', { on: '2025-08-20' }), expect: 400 });
  const current = await h.request('the task after the first entry', 'GetPlanTask', 'GET', `${tasks}/${taskId}`, { expect: 200 });
  await h.request('stale If-Match', 'RecordMilestoneProgress', 'POST', progress, { body: progressOf('done', { on: '2025-08-20', decisionRef: '1452/QĐ-UBND' }), ifMatch: older(current.etag), expect: 412 });
  await h.request('done, with its decision', 'RecordMilestoneProgress', 'POST', progress, { body: progressOf('done', { on: '2025-08-20', decisionRef: '1452/QĐ-UBND' }), ifMatch: current.etag, expect: 201 });
  await h.request('unknown milestone', 'RecordMilestoneProgress', 'POST', `${tasks}/${taskId}/milestones/${UNKNOWN_ID}/progress`, { body: progressOf('in-progress'), expect: 404 });
  const history = await h.request('list', 'ListMilestoneProgress', 'GET', progress, { expect: 200 });
  h.check('the milestone\'s progress is its two entries in date order', JSON.stringify(history.json?.map((entry) => entry.status)) === '["in-progress","done"]', JSON.stringify(history.json));
  await h.request('unknown milestone', 'ListMilestoneProgress', 'GET', `${tasks}/${taskId}/milestones/${UNKNOWN_ID}/progress`, { expect: 404 });
  const entry = `${progress}/${need(started.json?.id, 'the progress entry')}`;
  const withProgress = await h.request('the task with its progress', 'GetPlanTask', 'GET', `${tasks}/${taskId}`, { expect: 200 });
  await h.request('without If-Match', 'RemoveMilestoneProgress', 'DELETE', entry, { expect: 428 });
  await h.request('stale If-Match', 'RemoveMilestoneProgress', 'DELETE', entry, { ifMatch: older(withProgress.etag), expect: 412 });
  await h.request('an entry recorded by mistake', 'RemoveMilestoneProgress', 'DELETE', entry, { ifMatch: withProgress.etag, expect: 204 });
  await h.request('removed already', 'RemoveMilestoneProgress', 'DELETE', entry, { ifMatch: '*', expect: 404 });

  await h.request('a task with progress', 'RemovePlanTask', 'DELETE', `${tasks}/${taskId}`, { ifMatch: '*', expect: 409 });
  const secondRead = await h.request('the second task', 'GetPlanTask', 'GET', `${tasks}/${secondId}`, { expect: 200 });
  await h.request('without If-Match', 'RemovePlanTask', 'DELETE', `${tasks}/${secondId}`, { expect: 428 });
  await h.request('stale If-Match', 'RemovePlanTask', 'DELETE', `${tasks}/${secondId}`, { ifMatch: older(secondRead.etag), expect: 412 });
  await h.request('a task entered by mistake', 'RemovePlanTask', 'DELETE', `${tasks}/${secondId}`, { ifMatch: secondRead.etag, expect: 204 });
  await h.request('removed already', 'RemovePlanTask', 'DELETE', `${tasks}/${secondId}`, { ifMatch: '*', expect: 404 });

  const annexAt = `${plans}/${planId}/annex`;
  const dry = await h.request('CSV, dry run', 'ImportPlanAnnex', 'POST', annexAt, { query: { dryRun: true }, raw: annex('5'), contentType: 'text/csv', expect: 200 });
  h.check('the dry run reads two tasks and three milestones', dry.json?.tasks === 2 && dry.json?.milestones === 3, JSON.stringify(dry.json)?.slice(0, 200));
  await h.request('CSV', 'ImportPlanAnnex', 'POST', annexAt, { raw: annex('5'), contentType: 'text/csv', expect: 201 });
  await h.request('the same annex again', 'ImportPlanAnnex', 'POST', annexAt, { raw: annex('5'), contentType: 'text/csv', expect: 422 });
  await h.request('a deadline that is not a date (31 tháng 11)', 'ImportPlanAnnex', 'POST', annexAt, {
    raw: `${ANNEX_COLUMNS}\n7,Nhiệm vụ,,,Trước ngày 31 tháng 11 năm 2025,\n`, contentType: 'text/csv', expect: 422,
  });
  await h.request('a column that is not an annex\'s', 'ImportPlanAnnex', 'POST', annexAt, { raw: 'STT,Nội dung thực hiện,Ghi chú\n7,Nhiệm vụ,x\n', contentType: 'text/csv', expect: 400 });
  await h.request('a Content-Type it does not take (text/plain)', 'ImportPlanAnnex', 'POST', annexAt, { raw: annex('7'), contentType: 'text/plain', lenient: true, expect: 415 });
  await h.request('unknown plan', 'ImportPlanAnnex', 'POST', `${plans}/${UNKNOWN_ID}/annex`, { raw: annex('7'), contentType: 'text/csv', expect: 404 });

  await h.request('a plan with progress', 'DeletePlan', 'DELETE', `${plans}/${planId}`, { ifMatch: '*', expect: 409 });
  const otherRead = await h.request('the second plan', 'GetPlan', 'GET', `${plans}/${otherId}`, { expect: 200 });
  await h.request('without If-Match', 'DeletePlan', 'DELETE', `${plans}/${otherId}`, { expect: 428 });
  await h.request('stale If-Match', 'DeletePlan', 'DELETE', `${plans}/${otherId}`, { ifMatch: '"1-0"', expect: 412 });
  await h.request('a plan entered by mistake', 'DeletePlan', 'DELETE', `${plans}/${otherId}`, { ifMatch: need(otherRead.etag, 'the second plan ETag'), expect: 204 });
  await h.request('deleted already', 'DeletePlan', 'DELETE', `${plans}/${otherId}`, { ifMatch: '*', expect: 404 });

  const audit = await h.request('the trail', 'GetPlanAudit', 'GET', `${plans}/${planId}/audit`, { expect: 200 });
  h.check('the plan\'s trail starts with its creation and holds its tasks and progress',
    audit.json?.[0]?.entity === 'plan' && audit.json.some((item) => item.entity === 'plan-task') && audit.json.some((item) => item.entity === 'milestone-progress'),
    JSON.stringify(audit.json)?.slice(0, 200));
  await h.request('unknown plan', 'GetPlanAudit', 'GET', `${plans}/${UNKNOWN_ID}/audit`, { expect: 404 });
});

await section('Task reports (GetOverdueTasks, GetTasksDue, GetTasksDone)', async () => {
  const reports = `${api}/reports/tasks`;
  const overdue = await h.request('Cần Thơ on 22 November 2026', 'GetOverdueTasks', 'GET', `${reports}/overdue`, { query: { jurisdiction: '92', asOf: '2026-11-22' }, expect: 200 });
  h.check('Cần Thơ has tasks overdue on 22 November 2026', (overdue.json?.count ?? 0) > 0, JSON.stringify(overdue.json)?.slice(0, 200));
  await h.request('by lead agency, the test plan', 'GetOverdueTasks', 'GET', `${reports}/overdue`, { query: { planId: need(state.plan, 'the test plan'), groupBy: 'agency', asOf: '2026-11-22' }, expect: 200 });
  checkCsv('GetOverdueTasks as CSV', await h.request('as CSV', 'GetOverdueTasks', 'GET', `${reports}/overdue`, { query: { jurisdiction: '92', asOf: '2026-11-22' }, accept: 'text/csv', expect: 200 }), 'Ngày số liệu');
  checkXlsx('GetOverdueTasks as XLSX', await h.request('as XLSX', 'GetOverdueTasks', 'GET', `${reports}/overdue`, { query: { jurisdiction: '92', asOf: '2026-11-22', groupBy: 'plan' }, accept: XLSX, expect: 200 }));
  await h.request('groupBy not offered', 'GetOverdueTasks', 'GET', `${reports}/overdue`, { query: { groupBy: 'lead' }, lenient: true, expect: 400 });
  await h.request('unknown jurisdiction', 'GetOverdueTasks', 'GET', `${reports}/overdue`, { query: { jurisdiction: state.jUnknown }, expect: 404 });

  await h.request('the next 31 days', 'GetTasksDue', 'GET', `${reports}/due`, { query: { jurisdiction: '92', asOf: '2026-12-22', days: 31 }, expect: 200 });
  checkCsv('GetTasksDue as CSV', await h.request('as CSV', 'GetTasksDue', 'GET', `${reports}/due`, { query: { asOf: '2026-12-22' }, accept: 'text/csv', expect: 200 }), 'Ngày số liệu');
  checkXlsx('GetTasksDue as XLSX', await h.request('as XLSX', 'GetTasksDue', 'GET', `${reports}/due`, { query: { asOf: '2026-12-22', groupBy: 'agency' }, accept: XLSX, expect: 200 }));
  await h.request('days 0', 'GetTasksDue', 'GET', `${reports}/due`, { query: { days: 0 }, expect: 400 });
  await h.request('unknown plan', 'GetTasksDue', 'GET', `${reports}/due`, { query: { planId: UNKNOWN_ID }, expect: 404 });

  const done = await h.request('Cần Thơ, 23 October to 22 November 2026', 'GetTasksDone', 'GET', `${reports}/done`, {
    query: { jurisdiction: '92', from: '2026-10-23', to: '2026-11-22', groupBy: 'plan' }, expect: 200,
  });
  h.check('Cần Thơ has tasks done in the month to 22 November 2026', (done.json?.count ?? 0) > 0, JSON.stringify(done.json)?.slice(0, 200));
  checkCsv('GetTasksDone as CSV', await h.request('as CSV', 'GetTasksDone', 'GET', `${reports}/done`, { query: { from: '2026-10-23', to: '2026-11-22' }, accept: 'text/csv', expect: 200 }), 'Ngày số liệu');
  checkXlsx('GetTasksDone as XLSX', await h.request('as XLSX', 'GetTasksDone', 'GET', `${reports}/done`, { query: { from: '2026-10-23', to: '2026-11-22' }, accept: XLSX, expect: 200 }));
  await h.request('without from', 'GetTasksDone', 'GET', `${reports}/done`, { query: { to: '2026-11-22' }, expect: 400 });
  await h.request('unknown jurisdiction', 'GetTasksDone', 'GET', `${reports}/done`, { query: { jurisdiction: state.jUnknown, from: '2026-10-23' }, expect: 404 });
});

await section('Change feed (ListChanges) and audit (GetProcedureAudit)', async () => {
  const j = need(state.j, 'the test jurisdiction');
  const first = await h.request('from the beginning, 5 at a time', 'ListChanges', 'GET', `${api}/changes`, { query: { limit: 5 }, expect: 200 });
  const page1 = need(first.json, 'the first page');
  h.check('the first page has 5 changes and says there are more', page1.items.length === 5 && page1.hasMore === true);
  const next = await h.request('the next page, after its cursor', 'ListChanges', 'GET', `${api}/changes`, { query: { limit: 5, after: page1.nextCursor }, expect: 200 });
  const page2 = need(next.json, 'the second page');
  h.check('the next page follows on, oldest first, without overlap',
    page2.items.length > 0 && page2.items[0].position > page1.items.at(-1).position && page2.items.every((c, i, all) => i === 0 || all[i - 1].position < c.position));
  const ofJ = await feedFrom(undefined, { jurisdiction: j });
  h.check(`the feed of ${j} has only ${j}'s changes (${ofJ.items.length}), by the test keys`, ofJ.items.length > 0 && ofJ.items.every((c) => c.jurisdiction === j && c.changedBy !== 'service'));
  await h.request('a cursor it never gave out', 'ListChanges', 'GET', `${api}/changes`, { query: { after: 'not-a-cursor' }, expect: 400 });
  // A well-formed cursor ahead of the feed (kept from another database) is refused rather than answered with empty pages forever.
  const ahead = Buffer.from(`c1:${Number.MAX_SAFE_INTEGER}`).toString('base64').replace(/=+$/, '');
  await h.request('a cursor ahead of the feed', 'ListChanges', 'GET', `${api}/changes`, { query: { after: ahead }, expect: 400 });
  await h.request('limit 0', 'ListChanges', 'GET', `${api}/changes`, { query: { limit: 0 }, expect: 400 });
  await h.request('limit over 1000', 'ListChanges', 'GET', `${api}/changes`, { query: { limit: 1001 }, expect: 400 });

  const id = need(state.procedure, 'the test procedure');
  const audit = await h.request('the test procedure', 'GetProcedureAudit', 'GET', `${api}/procedures/${id}/audit`, { expect: 200 });
  const trail = audit.json ?? [];
  h.check(`the audit trail has its creation, changes, documents and history entries (${trail.length}), each with the key's name`,
    trail.length > 5 && trail[0].action === 'created' && trail.every((c) => c.procedureId === id && c.changedBy && c.changedBy !== 'service')
    && ['procedure', 'document', 'time-entry', 'cost-entry'].every((entity) => trail.some((c) => c.entity === entity)), JSON.stringify(trail.slice(0, 3)));
  await h.request('unknown procedure', 'GetProcedureAudit', 'GET', `${api}/procedures/${UNKNOWN_ID}/audit`, { expect: 404 });
});

await section('Editor key (jurisdiction 92 only)', async () => {
  const code = `E2E.${run}.ED`;
  const at = `${api}/jurisdictions/92/procedures/${code}`;
  const body = upsert(procedure(code, { jurisdiction: '92', agencyId: need(state.agencyOf92, 'an agency of 92'), documents: [] }));
  const created = await h.request('creates a procedure of 92', 'PutProcedureByCode', 'PUT', at, { body, key: 'editor', expect: 201 });
  await h.request('the same again: unchanged', 'PutProcedureByCode', 'PUT', at, { body, key: 'editor', expect: 200 });
  const id = need(created.json?.id, 'the editor\'s procedure');
  await h.request('may not write outside 92', 'PutProcedureByCode', 'PUT', `${api}/jurisdictions/${need(state.j, 'the test jurisdiction')}/procedures/${code}`, {
    body: upsert(procedure(code)), key: 'editor', expect: 403,
  });
  await h.request('may not change its own jurisdiction: admin only', 'UpdateJurisdiction', 'PUT', `${api}/jurisdictions/92`, {
    body: { name: 'Không được đổi', level: 'province' }, ifMatch: '*', key: 'editor', expect: 403,
  });
  const audit = await h.request('who made it', 'GetProcedureAudit', 'GET', `${api}/procedures/${id}/audit`, { expect: 200 });
  const by = audit.json?.[0]?.changedBy;
  h.check(`the audit names the editor key (${by})`, Boolean(by) && by !== 'service' && audit.json.length === 1, JSON.stringify(audit.json));
  await h.request('deletes it', 'DeleteProcedure', 'DELETE', `${api}/procedures/${id}`, { key: 'editor', ifMatch: need(created.etag, 'its ETag'), expect: 204 });
  const after = await h.request('its audit trail outlives it', 'GetProcedureAudit', 'GET', `${api}/procedures/${id}/audit`, { expect: 200 });
  h.check('the audit trail ends with the deletion', after.json?.at(-1)?.action === 'deleted', JSON.stringify(after.json?.at(-1)));
});

// ---- The dated histories besides time and cost (Attributes/): attributes, documents' provided-once marks, reviews.
await section('Dated attributes, provided-once marks and reviews', async () => {
  const id = need(state.procedure, 'the test procedure');
  const base = `${api}/procedures/${id}/attribute-history`;
  await h.request('list', 'ListAttributeHistory', 'GET', base, { expect: 200 });
  await h.request('one attribute', 'ListAttributeHistory', 'GET', base, { query: { attribute: 'online-level' }, expect: 200 });
  await h.request('an attribute that does not exist', 'ListAttributeHistory', 'GET', base, { query: { attribute: 'colour' }, lenient: true, expect: 400 });
  await h.request('unknown procedure', 'ListAttributeHistory', 'GET', `${api}/procedures/${UNKNOWN_ID}/attribute-history`, { expect: 404 });
  const change = { effectiveFrom: '2025-09-01', decisionRef: `E2E/${run}/A`, onlineLevel: 'full', boundaryFree: true };
  let etag = await procedureETag(id);
  const recorded = await h.request('record a change of two attributes', 'AppendAttributeEntries', 'POST', base, { body: change, ifMatch: etag, expect: 201 });
  h.check('one entry per attribute, from effectiveFrom', (recorded.json ?? []).length === 2 && recorded.json.every((e) => e.effectiveFrom === '2025-09-01'), recorded.json);
  await h.request('stale procedure If-Match', 'AppendAttributeEntries', 'POST', base, { body: change, ifMatch: etag, expect: 412 });
  await h.request('no attribute given', 'AppendAttributeEntries', 'POST', base, { body: { decisionRef: `E2E/${run}/A` }, expect: 400 });
  await h.request('unknown procedure', 'AppendAttributeEntries', 'POST', `${api}/procedures/${UNKNOWN_ID}/attribute-history`, { body: change, expect: 404 });
  const before = await h.request('the procedure on the day before', 'GetProcedure', 'GET', `${api}/procedures/${id}`, { query: { asOf: '2025-08-31' }, expect: 200 });
  const after = await h.request('the procedure on the day', 'GetProcedure', 'GET', `${api}/procedures/${id}`, { query: { asOf: '2025-09-01' }, expect: 200 });
  h.check('a procedure read on a date shows what was in force then', before.json?.onlineLevel !== 'full' && after.json?.onlineLevel === 'full', [before.json?.onlineLevel, after.json?.onlineLevel]);
  const listed = await h.request('the list filtered on a date', 'ListProcedures', 'GET', `${api}/procedures`, {
    query: { jurisdiction: state.j, onlineLevel: 'full', asOf: '2025-09-01', pageSize: 100 }, expect: 200,
  });
  h.check('the list filters the dated attributes on asOf', (listed.json?.items ?? []).some((p) => p.id === id));
  const entries = (await h.request('list again', 'ListAttributeHistory', 'GET', base, { query: { attribute: 'online-level' }, expect: 200 })).json ?? [];
  const earliest = need(entries[0]?.id, 'the first online-level entry');
  const mistaken = need(entries.at(-1)?.id, 'the recorded online-level entry');
  etag = await procedureETag(id);
  await h.request('without If-Match', 'RemoveAttributeEntry', 'DELETE', `${base}/${mistaken}`, { expect: 428 });
  await h.request('stale procedure If-Match', 'RemoveAttributeEntry', 'DELETE', `${base}/${mistaken}`, { ifMatch: older(etag), expect: 412 });
  await h.request('the earliest entry of an attribute', 'RemoveAttributeEntry', 'DELETE', `${base}/${earliest}`, { ifMatch: etag, expect: 409 });
  await h.request('remove an entry entered by mistake', 'RemoveAttributeEntry', 'DELETE', `${base}/${mistaken}`, { ifMatch: etag, expect: 204 });
  etag = await procedureETag(id);
  await h.request('removed already', 'RemoveAttributeEntry', 'DELETE', `${base}/${mistaken}`, { ifMatch: etag, expect: 404 });
  state.attributeEntry = entries.find((e) => e.id !== mistaken && e.id !== earliest)?.id ?? earliest;

  const docs = await h.request('a document of the test procedure', 'ListDocuments', 'GET', `${api}/procedures/${id}/documents`, { expect: 200 });
  const documentId = need(docs.json?.[0]?.id, 'a document of the test procedure');
  const marks = `${api}/procedures/${id}/documents/${documentId}/provided-once-history`;
  await h.request('list', 'ListProvidedOnceHistory', 'GET', marks, { expect: 200 });
  await h.request('unknown document', 'ListProvidedOnceHistory', 'GET', `${api}/procedures/${id}/documents/${UNKNOWN_ID}/provided-once-history`, { expect: 404 });
  const mark = { effectiveFrom: '2026-01-01', decisionRef: `E2E/${run}/P`, providedOnce: true };
  etag = await procedureETag(id);
  const markAdded = await h.request('record a mark from a date', 'AppendProvidedOnceEntry', 'POST', marks, { body: mark, ifMatch: etag, expect: 201 });
  await h.request('stale procedure If-Match', 'AppendProvidedOnceEntry', 'POST', marks, { body: mark, ifMatch: etag, expect: 412 });
  await h.request('unknown document', 'AppendProvidedOnceEntry', 'POST', `${api}/procedures/${id}/documents/${UNKNOWN_ID}/provided-once-history`, { body: mark, expect: 404 });
  await h.request('a mark without its value', 'AppendProvidedOnceEntry', 'POST', marks, { body: { decisionRef: `E2E/${run}/P` }, lenient: true, expect: 400 });
  const markList = (await h.request('list again', 'ListProvidedOnceHistory', 'GET', marks, { expect: 200 })).json ?? [];
  const markId = need(markAdded.json?.id, 'the recorded mark');
  etag = await procedureETag(id);
  await h.request('without If-Match', 'RemoveProvidedOnceEntry', 'DELETE', `${marks}/${markId}`, { expect: 428 });
  await h.request('stale procedure If-Match', 'RemoveProvidedOnceEntry', 'DELETE', `${marks}/${markId}`, { ifMatch: older(etag), expect: 412 });
  await h.request('the document\'s earliest mark', 'RemoveProvidedOnceEntry', 'DELETE', `${marks}/${need(markList[0]?.id, 'the first mark')}`, { ifMatch: etag, expect: 409 });
  await h.request('remove a mark entered by mistake', 'RemoveProvidedOnceEntry', 'DELETE', `${marks}/${markId}`, { ifMatch: etag, expect: 204 });
  etag = await procedureETag(id);
  await h.request('removed already', 'RemoveProvidedOnceEntry', 'DELETE', `${marks}/${markId}`, { ifMatch: etag, expect: 404 });
  state.markDocument = documentId;
  state.markEntry = markList[0]?.id;

  const reviews = `${api}/procedures/${id}/reviews`;
  await h.request('list', 'ListReviews', 'GET', reviews, { expect: 200 });
  await h.request('unknown procedure', 'ListReviews', 'GET', `${api}/procedures/${UNKNOWN_ID}/reviews`, { expect: 404 });
  const review = { reviewedOn: '2025-10-15', decisionRef: `E2E/${run}/R`, note: 'Rà soát, cắt giảm một bản sao.' };
  etag = await procedureETag(id);
  const reviewed = await h.request('record a review', 'AddReview', 'POST', reviews, { body: review, ifMatch: etag, expect: 201 });
  await h.request('stale procedure If-Match', 'AddReview', 'POST', reviews, { body: review, ifMatch: etag, expect: 412 });
  await h.request('unknown procedure', 'AddReview', 'POST', `${api}/procedures/${UNKNOWN_ID}/reviews`, { body: review, expect: 404 });
  const reviewId = need(reviewed.json?.id, 'the recorded review');
  etag = await procedureETag(id);
  await h.request('without If-Match', 'RemoveReview', 'DELETE', `${reviews}/${reviewId}`, { expect: 428 });
  await h.request('stale procedure If-Match', 'RemoveReview', 'DELETE', `${reviews}/${reviewId}`, { ifMatch: older(etag), expect: 412 });
  await h.request('remove a review entered by mistake', 'RemoveReview', 'DELETE', `${reviews}/${reviewId}`, { ifMatch: etag, expect: 204 });
  etag = await procedureETag(id);
  await h.request('removed already', 'RemoveReview', 'DELETE', `${reviews}/${reviewId}`, { ifMatch: etag, expect: 404 });
  const kept = await h.request('a review that stays', 'AddReview', 'POST', reviews, { body: review, ifMatch: etag, expect: 201 });
  state.review = kept.json?.id;
});

await section('Refusals every operation shares: 401, 403 and unknown query parameters (400)', async () => {
  const j = need(state.j, 'the test jurisdiction');
  const id = need(state.procedure, 'the test procedure');
  const docs = await h.request('a document of the test procedure', 'ListDocuments', 'GET', `${api}/procedures/${id}/documents`, { expect: 200 });
  const documentId = need(docs.json?.[0]?.id, 'a document of the test procedure');
  const timeEntry = need(state['time-historyEntry'], 'a time entry');
  const costEntry = need(state['cost-historyEntry'], 'a cost entry');
  const p = need(state.procedureBody, 'the test procedure body');
  const channels = need(state.channelProcedure, 'the procedure with channels');
  const csv = `${CATALOGUE_COLUMNS}\n${importRow(`E2E.${run}.R1`)}\n`;
  const doc = { name: 'Giấy tờ khác', templateName: null, originals: 1, copies: 0, caseNote: null, providedOnce: false, dataSource: null };
  const time = { effectiveFrom: '2026-01-01', amount: 5, unit: 'working-days', decisionRef: `E2E/${run}/R` };
  const cost = { effectiveFrom: '2026-01-01', feeVnd: 1, otherCostVnd: 1, applicantHours: 1, annualFilings: 1, decisionRef: `E2E/${run}/R` };
  const target = `${api}/programs/resolution-66/targets/time-reduction/${need(state.targetYear, 'the target year')}`;
  const tariff = `${api}/tariffs/${j}/${need(state.tariffYear, 'the tariff year')}`;
  const plan = need(state.plan, 'the test plan');
  const planTask = need(state.task, 'the test plan\'s task');
  const milestone = need(state.milestone, 'the test task\'s milestone');
  const taskBody = need(state.taskBody, 'the test task\'s body');
  // Every write, with a valid request that only the key (or the size, or the query) makes wrong. The editor key
  // is for 92 only: each of these is outside 92 or admin-only (jurisdictions, fields, targets).
  const writes = [
    ['CreateJurisdiction', 'POST', `${api}/jurisdictions`, { body: { code: state.jNeverMade, name: 'Không được tạo', level: 'province' } }],
    ['UpdateJurisdiction', 'PUT', `${api}/jurisdictions/${j}`, { body: { name: 'Không được đổi', level: 'province' }, ifMatch: '*' }],
    ['CreateAgency', 'POST', `${api}/agencies`, { body: { jurisdiction: j, name: `Không được tạo ${run}` } }],
    ['UpdateAgency', 'PUT', `${api}/agencies/${state.agency}`, { body: { name: `Không được đổi ${run}` }, ifMatch: '*' }],
    ['CreateField', 'POST', `${api}/fields`, { body: { name: `Không được tạo ${run}` } }],
    ['UpdateField', 'PUT', `${api}/fields/${state.field}`, { body: { name: `Không được đổi ${run}` }, ifMatch: '*' }],
    ['CreateProcedure', 'POST', `${api}/procedures`, { body: procedure(`E2E.${run}.R2`) }],
    ['UpdateProcedure', 'PUT', `${api}/procedures/${id}`, { body: update(p, { name: 'Không được đổi' }), ifMatch: '*' }],
    ['ChangeProcedureStatus', 'PUT', `${api}/procedures/${id}/status`, { body: { status: 'abolished', abolishedOn: '2030-01-01' }, ifMatch: '*' }],
    ['DeleteProcedure', 'DELETE', `${api}/procedures/${id}`, { ifMatch: '*' }],
    ['PutProcedureByCode', 'PUT', `${api}/jurisdictions/${j}/procedures/${need(state.upsertCode, 'the natural-key procedure')}`,
      { body: { ...state.upsertBody, name: 'Không được đổi' }, ifMatch: '*' }],
    ['AddDocument', 'POST', `${api}/procedures/${id}/documents`, { body: doc }],
    ['ChangeDocument', 'PUT', `${api}/procedures/${id}/documents/${documentId}`, { body: doc, ifMatch: '*' }],
    ['RemoveDocument', 'DELETE', `${api}/procedures/${id}/documents/${documentId}`, { ifMatch: '*' }],
    ['AppendTimeEntry', 'POST', `${api}/procedures/${id}/time-history`, { body: time }],
    ['RemoveTimeEntry', 'DELETE', `${api}/procedures/${id}/time-history/${timeEntry}`, { ifMatch: '*' }],
    ['AppendCostEntry', 'POST', `${api}/procedures/${id}/cost-history`, { body: cost }],
    ['RemoveCostEntry', 'DELETE', `${api}/procedures/${id}/cost-history/${costEntry}`, { ifMatch: '*' }],
    ['AppendChannelTimeEntry', 'POST', `${api}/procedures/${channels}/channels/online/time-history`, { body: time }],
    ['RemoveChannelTimeEntry', 'DELETE', `${api}/procedures/${channels}/channels/online/time-history/${need(state['channel-time-historyEntry'], 'a channel time entry')}`, { ifMatch: '*' }],
    ['AppendChannelFeeEntry', 'POST', `${api}/procedures/${channels}/channels/online/fee-history`, { body: { effectiveFrom: '2026-01-01', feeVnd: 1, decisionRef: `E2E/${run}/R` } }],
    ['RemoveChannelFeeEntry', 'DELETE', `${api}/procedures/${channels}/channels/online/fee-history/${need(state['channel-fee-historyEntry'], 'a channel fee entry')}`, { ifMatch: '*' }],
    ['PutTarget', 'PUT', target, { body: { ...state.targetBody, targetPct: 1 }, ifMatch: '*' }],
    ['PutTariff', 'PUT', tariff, { body: { hourlyTariffVnd: 1 }, ifMatch: '*' }],
    ['ImportCatalogue', 'POST', `${api}/jurisdictions/${j}/imports`, { raw: csv, contentType: 'text/csv' }],
    ['CreateReportingRegime', 'POST', `${api}/reporting-regimes`, { body: { ...need(state.regimeUpdate, 'a regime body'), jurisdiction: j, name: `Không được tạo ${run}`, electronic: null } }],
    ['UpdateReportingRegime', 'PUT', `${api}/reporting-regimes/${need(state.regime, 'the test regime')}`, { body: state.regimeUpdate, ifMatch: '*' }],
    ['DeleteReportingRegime', 'DELETE', `${api}/reporting-regimes/${state.regime}`, { ifMatch: '*' }],
    ['AppendElectronicEntry', 'POST', `${api}/reporting-regimes/${state.regime}/electronic-history`, { body: { electronic: true, effectiveFrom: '2026-06-01', decisionRef: `E2E/${run}/R` } }],
    ['RemoveElectronicEntry', 'DELETE', `${api}/reporting-regimes/${state.regime}/electronic-history/${need(state.regimeEntry, 'a regime entry')}`, { ifMatch: '*' }],
    ['ImportReportingRegimes', 'POST', `${api}/jurisdictions/${j}/reporting-regimes/import`, { raw: need(state.regimeCsv, 'a regime file'), contentType: 'text/csv' }],
    ['AppendAttributeEntries', 'POST', `${api}/procedures/${id}/attribute-history`, { body: { decisionRef: `E2E/${run}/R`, technicalRegulation: true } }],
    ['RemoveAttributeEntry', 'DELETE', `${api}/procedures/${id}/attribute-history/${need(state.attributeEntry, 'an attribute entry')}`, { ifMatch: '*' }],
    ['AppendProvidedOnceEntry', 'POST', `${api}/procedures/${id}/documents/${need(state.markDocument, 'a document with marks')}/provided-once-history`,
      { body: { decisionRef: `E2E/${run}/R`, providedOnce: false } }],
    ['RemoveProvidedOnceEntry', 'DELETE', `${api}/procedures/${id}/documents/${state.markDocument}/provided-once-history/${need(state.markEntry, 'a mark')}`, { ifMatch: '*' }],
    ['AddReview', 'POST', `${api}/procedures/${id}/reviews`, { body: { reviewedOn: '2026-01-05', decisionRef: null, note: null } }],
    ['RemoveReview', 'DELETE', `${api}/procedures/${id}/reviews/${need(state.review, 'a review')}`, { ifMatch: '*' }],
    ['CreatePlan', 'POST', `${api}/plans`, { body: { jurisdiction: j, number: null, issuedOn: null, issuer: 'UBND', title: 'Không được tạo', program: null } }],
    ['UpdatePlan', 'PUT', `${api}/plans/${plan}`, { body: { number: null, issuedOn: null, issuer: 'UBND', title: 'Không được đổi', program: null }, ifMatch: '*' }],
    ['DeletePlan', 'DELETE', `${api}/plans/${plan}`, { ifMatch: '*' }],
    ['AddPlanTask', 'POST', `${api}/plans/${plan}/tasks`, { body: { ...taskBody, number: '8' } }],
    ['ChangePlanTask', 'PUT', `${api}/plans/${plan}/tasks/${planTask}`, { body: { ...taskBody, milestones: [] }, ifMatch: '*' }],
    ['RemovePlanTask', 'DELETE', `${api}/plans/${plan}/tasks/${planTask}`, { ifMatch: '*' }],
    ['RecordMilestoneProgress', 'POST', `${api}/plans/${plan}/tasks/${planTask}/milestones/${milestone}/progress`, { body: progressOf('in-progress') }],
    ['RemoveMilestoneProgress', 'DELETE', `${api}/plans/${plan}/tasks/${planTask}/milestones/${milestone}/progress/${UNKNOWN_ID}`, { ifMatch: '*' }],
    ['ImportPlanAnnex', 'POST', `${api}/plans/${plan}/annex`, { raw: annex('8'), contentType: 'text/csv' }],
  ];
  const documentedWrites = h.operations.filter((op) => op.secured).map((op) => op.operationId);
  const listed = new Set(writes.map(([operationId]) => operationId));
  h.check('the table below has every operation that needs a key', documentedWrites.every((operationId) => listed.has(operationId)),
    `missing ${documentedWrites.filter((operationId) => !listed.has(operationId)).join(', ')}`);

  for (const [operationId, method, path, request] of writes) {
    await h.request('without a key', operationId, method, path, { ...request, key: 'none', lenient: true, expect: 401 });
    await h.request('with a key the service never made', operationId, method, path, { ...request, key: 'wrong', expect: 401 });
    await h.request('editor key of 92', operationId, method, path, { ...request, key: 'editor', expect: 403 });
  }
  state.writes = writes;

  // 400: every operation refuses a query parameter it does not take.
  const reads = [
    ['ListJurisdictions', `${api}/jurisdictions`], ['GetJurisdiction', `${api}/jurisdictions/${j}`],
    ['ListAgencies', `${api}/agencies`], ['GetAgency', `${api}/agencies/${state.agency}`],
    ['ListFields', `${api}/fields`], ['GetField', `${api}/fields/${state.field}`],
    ['ListProcedures', `${api}/procedures`], ['GetProcedure', `${api}/procedures/${id}`],
    ['GetProcedureByCode', `${api}/jurisdictions/${j}/procedures/${state.upsertCode}`],
    ['ListDocuments', `${api}/procedures/${id}/documents`], ['ListTimeHistory', `${api}/procedures/${id}/time-history`],
    ['ListCostHistory', `${api}/procedures/${id}/cost-history`], ['GetProcedureReduction', `${api}/procedures/${id}/reduction`],
    ['GetGroupReductions', `${api}/reports/reductions`], ['GetScoreboard', `${api}/reports/scoreboard`], ['GetLaggards', `${api}/reports/laggards`],
    ['ListPrograms', `${api}/programs`], ['GetTarget', target], ['ListTariffs', `${api}/tariffs`], ['GetTariff', tariff],
    ['ListChanges', `${api}/changes`], ['GetProcedureAudit', `${api}/procedures/${id}/audit`],
    ['ListChannelTimeHistory', `${api}/procedures/${channels}/channels/online/time-history`],
    ['ListChannelFeeHistory', `${api}/procedures/${channels}/channels/online/fee-history`],
    ['GetLocalVsNational', `${api}/reports/local-vs-national`],
    ['GetImport', `${api}/imports/0000000000000000000000000000dead`], ['ExportCatalogue', `${api}/jurisdictions/${j}/export`],
    ['ListReportingRegimes', `${api}/reporting-regimes`], ['GetReportingRegime', `${api}/reporting-regimes/${state.regime}`],
    ['ListElectronicHistory', `${api}/reporting-regimes/${state.regime}/electronic-history`], ['ExportReportingRegimes', `${api}/jurisdictions/${j}/reporting-regimes/export`],
    ['ListAttributeHistory', `${api}/procedures/${id}/attribute-history`], ['ListReviews', `${api}/procedures/${id}/reviews`],
    ['ListProvidedOnceHistory', `${api}/procedures/${id}/documents/${state.markDocument}/provided-once-history`],
    ['ListPlans', `${api}/plans`], ['GetPlan', `${api}/plans/${plan}`], ['GetPlanAudit', `${api}/plans/${plan}/audit`],
    ['ListPlanTasks', `${api}/plans/${plan}/tasks`], ['GetPlanTask', `${api}/plans/${plan}/tasks/${planTask}`],
    ['ListMilestoneProgress', `${api}/plans/${plan}/tasks/${planTask}/milestones/${milestone}/progress`],
    ['GetOverdueTasks', `${api}/reports/tasks/overdue`], ['GetTasksDue', `${api}/reports/tasks/due`], ['GetTasksDone', `${api}/reports/tasks/done`],
  ];
  reads.push(['GetTrend', `${api}/reports/trend`], ...PERIODIC_REPORTS.map(([operationId, path]) => [operationId, path]));
  for (const [operationId, path] of reads) {
    await h.request('a query parameter it does not take', operationId, 'GET', path, { query: UNKNOWN_PARAMETER, expect: 400 });
  }
  for (const [operationId, method, path, request] of writes) {
    await h.request('a query parameter it does not take', operationId, method, path, { ...request, query: UNKNOWN_PARAMETER, expect: 400 });
  }
  // 415: a JSON body in another charset than UTF-8 (the document says JSON bodies are UTF-8).
  for (const [operationId, method, path, request] of writes) {
    if (request.body === undefined) continue;
    await h.request('a JSON body declared in another charset', operationId, method, path, { ...request, contentType: 'application/json; charset=iso-8859-1', expect: 415 });
  }
  const covered = new Set([...reads.map(([operationId]) => operationId), ...listed]);
  h.check('every operation was sent an unknown query parameter', h.operations.every((op) => covered.has(op.operationId)),
    `missing ${h.operations.filter((op) => !covered.has(op.operationId)).map((op) => op.operationId).join(', ')}`);
});

// Lists, reports, exports and the feed carry an ETag from the catalogue's place in the change feed and the request:
// asked again with it while nothing changed, 304 (the report is not computed again).
await section('Conditional reads (304)', async () => {
  const j = need(state.j, 'the test jurisdiction');
  const id = need(state.procedure, 'the test procedure');
  const reads = [
    ['ListJurisdictions', `${api}/jurisdictions`], ['ListAgencies', `${api}/agencies`, { jurisdiction: j }], ['ListFields', `${api}/fields`],
    ['ListProcedures', `${api}/procedures`, { pageSize: 5 }], ['ListDocuments', `${api}/procedures/${id}/documents`],
    ['ListTimeHistory', `${api}/procedures/${id}/time-history`], ['ListCostHistory', `${api}/procedures/${id}/cost-history`],
    ['ListAttributeHistory', `${api}/procedures/${id}/attribute-history`], ['ListReviews', `${api}/procedures/${id}/reviews`],
    ['ListProvidedOnceHistory', `${api}/procedures/${id}/documents/${need(state.markDocument, 'a document with marks')}/provided-once-history`],
    ['ListPrograms', `${api}/programs`], ['ListTariffs', `${api}/tariffs`, { jurisdiction: '92' }], ['ListChanges', `${api}/changes`, { limit: 5 }],
    ['GetProcedureAudit', `${api}/procedures/${id}/audit`], ['ExportCatalogue', `${api}/jurisdictions/${j}/export`, { format: 'ndjson' }, NDJSON],
    ['GetProcedureReduction', `${api}/procedures/${id}/reduction`, { asOf: '2025-12-31' }],
    ['GetGroupReductions', `${api}/reports/reductions`, { groupBy: 'agency', jurisdiction: j }],
    ['GetScoreboard', `${api}/reports/scoreboard`, { jurisdiction: '92', year: 2025 }],
    ['GetLaggards', `${api}/reports/laggards`, { year: 2025, measure: 'time', pageSize: 5 }],
    ['GetTrend', `${api}/reports/trend`, { jurisdiction: '92', from: '2026-01-01', to: '2026-03-31' }],
    ...PERIODIC_REPORTS.map(([operationId, path, query]) => [operationId, path, { ...query, jurisdiction: '92' }, DOCX]),
    ['ListChannelTimeHistory', `${api}/procedures/${need(state.channelProcedure, 'the procedure with channels')}/channels/online/time-history`],
    ['ListChannelFeeHistory', `${api}/procedures/${state.channelProcedure}/channels/online/fee-history`],
    ['GetLocalVsNational', `${api}/reports/local-vs-national`, { jurisdiction: '92', asOf: '2025-12-31' }],
    ['ListReportingRegimes', `${api}/reporting-regimes`, { jurisdiction: '92' }],
    ['ListElectronicHistory', `${api}/reporting-regimes/${need(state.regime, 'the test regime')}/electronic-history`],
    ['ExportReportingRegimes', `${api}/jurisdictions/92/reporting-regimes/export`, { format: 'csv', asOf: '2026-11-22' }, 'text/csv'],
    ['ListPlans', `${api}/plans`, { jurisdiction: '92' }],
    ['ListPlanTasks', `${api}/plans/${need(state.plan, 'the test plan')}/tasks`],
    ['ListMilestoneProgress', `${api}/plans/${state.plan}/tasks/${need(state.task, 'the test task')}/milestones/${need(state.milestone, 'its milestone')}/progress`],
    ['GetOverdueTasks', `${api}/reports/tasks/overdue`, { jurisdiction: '92', asOf: '2026-11-22' }],
    ['GetTasksDue', `${api}/reports/tasks/due`, { jurisdiction: '92', asOf: '2026-11-22' }],
    ['GetTasksDone', `${api}/reports/tasks/done`, { jurisdiction: '92', from: '2026-10-23', to: '2026-11-22' }],
  ];
  for (const [operationId, path, query, accept] of reads) {
    const read = await h.request('read', operationId, 'GET', path, { query, accept, expect: 200 });
    h.check(`${operationId} carries an ETag`, Boolean(read.etag));
    await h.request('again with its ETag, nothing changed', operationId, 'GET', path, { query, accept, ifNoneMatch: need(read.etag, 'the ETag'), expect: 304 });
  }
});

await section('Delete', async () => {
  const id = need(state.procedure, 'the test procedure');
  const etag = await procedureETag(id);
  await h.request('a procedure with history', 'DeleteProcedure', 'DELETE', `${api}/procedures/${id}`, { ifMatch: etag, expect: 409 });
  const second = need(state.procedure2, 'the second procedure');
  const etag2 = await procedureETag(second);
  await h.request('without If-Match', 'DeleteProcedure', 'DELETE', `${api}/procedures/${second}`, { expect: 428 });
  await h.request('stale If-Match', 'DeleteProcedure', 'DELETE', `${api}/procedures/${second}`, { ifMatch: older(etag2), expect: 412 });
  await h.request('a procedure entered by mistake', 'DeleteProcedure', 'DELETE', `${api}/procedures/${second}`, { ifMatch: etag2, expect: 204 });
  await h.request('deleted already', 'DeleteProcedure', 'DELETE', `${api}/procedures/${second}`, { ifMatch: etag2, expect: 404 });
});

// Last, because the service closes the connection after each of these (see lib.mjs, UPSTREAM_RESET): no other
// request comes after them through the proxies.
await section('Bodies over the limit (413)', async () => {
  const j = need(state.j, 'the test jurisdiction');
  if (serviceUrl) {
    // Straight to the service: only the head of a request declaring 2 MB, to see how the connection ends.
    const url = new URL(serviceUrl);
    const head = `POST ${api}/fields HTTP/1.1\r\nHost: ${url.host}\r\nX-Api-Key: ${process.env.PC_API_KEY}\r\n`
      + 'Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n';
    const answer = await new Promise((resolve) => {
      const socket = net.connect(Number(url.port || 80), url.hostname);
      let data = '';
      const timer = setTimeout(() => { socket.destroy(); resolve({ data, closed: false }); }, 5000);
      socket.on('connect', () => socket.write(head));
      socket.on('data', (chunk) => { data += chunk.toString('latin1'); });
      socket.on('error', () => {});
      socket.on('close', () => { clearTimeout(timer); resolve({ data, closed: true }); });
    });
    const [statusLine, ...lines] = answer.data.split('\r\n\r\n')[0].split('\r\n');
    const announced = lines.some((line) => /^connection:\s*close\b/i.test(line));
    h.check('a 413 that the service follows by closing the connection says so (Connection: close), so that no client reuses it'
      + ' (read from the service directly: proxies drop hop-by-hop headers)',
      /^HTTP\/1\.1 413 /.test(statusLine ?? '') && (!answer.closed || announced),
      `${statusLine}; connection ${answer.closed ? 'closed by the service' : 'kept open'}; Connection header: ${announced ? 'close' : 'none'}`);
  }
  // A body just over the JSON limit (1 MiB): an extra property makes it big, so it breaks the contract on purpose.
  const padding = 'x'.repeat(1024 * 1024 + 1);
  for (const [operationId, method, path, request] of need(state.writes, 'the table of writes')) {
    if (request.body === undefined) continue;
    await h.request('a body over 1 MiB', operationId, method, path, { ...request, body: { ...request.body, padding }, lenient: true, oversized: true, expect: 413 });
  }
  // The regimes' import takes a file of at most the JSON limit (1 MiB).
  const regimes = `${REGIME_COLUMNS}\n${`${'#'.repeat(1000)}\n`.repeat(1100)}`;
  await h.request('a regimes file over 1 MiB', 'ImportReportingRegimes', 'POST', `${api}/jurisdictions/${j}/reporting-regimes/import`, {
    query: { dryRun: true }, raw: regimes, contentType: 'text/csv', oversized: true, expect: 413,
  });
  const annexPadding = `\n9,${'x'.repeat(1000)},,,,`.repeat(1100);
  await h.request('an annex over 1 MiB', 'ImportPlanAnnex', 'POST', `${api}/plans/${need(state.plan, 'the test plan')}/annex`, {
    query: { dryRun: true }, raw: annex('9') + annexPadding, contentType: 'text/csv', oversized: true, expect: 413,
  });
  if (maxImportBytes > 0) {
    const file = `${CATALOGUE_COLUMNS}\n${importRow(`E2E.${run}.BIG`)}\n`;
    const filler = `\n${'#'.repeat(1000)}`.repeat(Math.ceil((maxImportBytes + 1) / 1001));
    await h.request(`a file over the limit (${maxImportBytes} bytes)`, 'ImportCatalogue', 'POST', `${api}/jurisdictions/${j}/imports`, {
      query: { dryRun: true }, raw: file + filler, contentType: 'text/csv', oversized: true, expect: 413,
    });
  }
});

h.checkCoverage({
  '*': {
    429: 'the rate limits are raised for the run (the service\'s RateLimitTests provoke 429)',
    500: 'an unexpected error of the service',
    503: 'the database unreachable or a request over the time limit',
  },
  PutProcedureByCode: { 409: 'only when two creations of the same code race (DatabaseExceptionHandler)' },
  ...(maxImportBytes > 0 ? {} : { ImportCatalogue: { 413: 'PC_MAX_IMPORT_BYTES not set (the default limit is 200 MiB)' } }),
});
h.printViolations();
console.log(`e2e: ${h.passed} passed, ${h.failed} failed`);
process.exit(h.failed === 0 ? 0 : 1);
