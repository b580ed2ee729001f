#!/usr/bin/env node
// End-to-end run of every operation of openapi/procedure-catalog.json, successes and failures, through
// `prism proxy --errors` in front of the running service. Fails on any Prism violation, any unexpected status
// and any operation of the document that no request exercised.
//
//   PRISM_URL=http://127.0.0.1:4010 node e2e/run.mjs [path/to/openapi.json]
//
// Env: PRISM_URL (the proxy), PC_API_KEY (sent as X-Api-Key on every non-GET request when set).
// It writes only data of its own: a new jurisdiction (an unused two-digit code) with its agencies, fields,
// procedures, tariffs, and a target of a far year; run it against a scratch database.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Harness } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const documentPath = process.argv[2] ?? path.resolve(here, '../../../openapi/procedure-catalog.json');
const baseUrl = process.env.PRISM_URL ?? 'http://127.0.0.1:4010';
const h = new Harness({ documentPath, baseUrl, apiKey: process.env.PC_API_KEY });
const api = '/api/v1';
const UNKNOWN_ID = 987654321;
const run = Date.now().toString(36);

class Blocked extends Error {}
/** A value a later request needs; without it the rest of the section cannot run. */
function need(value, what) {
  if (value === undefined || value === null) throw new Blocked(`needs ${what}, which an earlier request did not give`);
  return value;
}

/** A stale ETag: one version before the given one ("5" -> "4"). */
function older(etag) {
  const version = Number(String(need(etag, 'an ETag')).replace(/^W\//, '').replaceAll('"', ''));
  return `"${version - 1}"`;
}

const state = {};

async function section(name, body) {
  console.log(`\n${name}`);
  try {
    await body();
  } catch (error) {
    if (!(error instanceof Blocked)) throw error;
    h.check(`${name}: blocked`, false, error.message);
  }
}

await section('Jurisdictions', async () => {
  const list = await h.request('list', 'ListJurisdictions', 'GET', `${api}/jurisdictions`, { expect: 200 });
  const taken = new Set((list.json ?? []).map((j) => j.code));
  const free = [];
  for (let n = 99; n >= 10 && free.length < 2; n--) if (!taken.has(String(n))) free.push(String(n));
  state.j = need(free[0], 'an unused jurisdiction code');
  state.jUnknown = need(free[1], 'a second unused jurisdiction code');
  const j = state.j;

  const created = await h.request('create', 'CreateJurisdiction', 'POST', `${api}/jurisdictions`, {
    body: { code: j, name: `Tỉnh Kiểm thử ${j}`, level: 'province' }, expect: 201,
  });
  await h.request('duplicate code', 'CreateJurisdiction', 'POST', `${api}/jurisdictions`, {
    body: { code: j, name: `Tỉnh Kiểm thử ${j} lần hai`, level: 'province' }, expect: 409,
  });
  const read = await h.request('get', 'GetJurisdiction', 'GET', `${api}/jurisdictions/${j}`, { expect: 200 });
  h.check('GetJurisdiction carries an ETag', Boolean(read.etag));
  await h.request('unknown code', 'GetJurisdiction', 'GET', `${api}/jurisdictions/${state.jUnknown}`, { expect: 404 });
  const updated = await h.request('update with If-Match', 'UpdateJurisdiction', 'PUT', `${api}/jurisdictions/${j}`, {
    body: { name: `Tỉnh Kiểm thử ${j} (đổi tên)`, level: 'province' }, ifMatch: need(read.etag ?? created.etag, 'the jurisdiction ETag'), expect: 200,
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
  const read = await h.request('get', 'GetAgency', 'GET', `${api}/agencies/${state.agency}`, { expect: 200 });
  await h.request('unknown id', 'GetAgency', 'GET', `${api}/agencies/${UNKNOWN_ID}`, { expect: 404 });
  const updated = await h.request('update with If-Match', 'UpdateAgency', 'PUT', `${api}/agencies/${state.agency}`, {
    body: { name: `Sở Kiểm thử ${run} (đổi tên)` }, ifMatch: need(read.etag, 'the agency ETag'), expect: 200,
  });
  await h.request('stale If-Match', 'UpdateAgency', 'PUT', `${api}/agencies/${state.agency}`, {
    body: { name: `Sở Kiểm thử ${run} (cũ)` }, ifMatch: older(updated.etag), expect: 412,
  });
  await h.request('name of another agency', 'UpdateAgency', 'PUT', `${api}/agencies/${state.agency2}`, {
    body: { name: `Sở Kiểm thử ${run} (đổi tên)` }, ifMatch: need(b.etag, 'the second agency ETag'), expect: 409,
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
  const read = await h.request('get', 'GetField', 'GET', `${api}/fields/${state.field}`, { expect: 200 });
  await h.request('unknown id', 'GetField', 'GET', `${api}/fields/${UNKNOWN_ID}`, { expect: 404 });
  const updated = await h.request('update with If-Match', 'UpdateField', 'PUT', `${api}/fields/${state.field}`, {
    body: { name: `Lĩnh vực kiểm thử ${run} (đổi tên)` }, ifMatch: need(read.etag, 'the field ETag'), expect: 200,
  });
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

function update(p, overrides = {}) {
  const { jurisdiction, documents, ...rest } = p;
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
  const second = await h.request('create a second (no history, deleted later)', 'CreateProcedure', 'POST', `${api}/procedures`, {
    body: procedure(`E2E.${run}.2`, { documents: [] }), expect: 201,
  });
  state.procedure2 = need(second.json?.id, 'the second procedure id');

  const read = await h.request('get', 'GetProcedure', 'GET', `${api}/procedures/${state.procedure}`, { query: { asOf: '2025-06-30' }, expect: 200 });
  await h.request('unknown id', 'GetProcedure', 'GET', `${api}/procedures/${UNKNOWN_ID}`, { expect: 404 });
  await h.request('asOf out of range', 'GetProcedure', 'GET', `${api}/procedures/${state.procedure}`, { query: { asOf: '1900-01-01' }, expect: 400 });
  await h.request('by natural key', 'GetProcedureByCode', 'GET', `${api}/jurisdictions/${state.j}/procedures/${p.code}`, { expect: 200 });
  await h.request('unknown code', 'GetProcedureByCode', 'GET', `${api}/jurisdictions/${state.j}/procedures/NO.SUCH.CODE`, { expect: 404 });
  await h.request('asOf out of range', 'GetProcedureByCode', 'GET', `${api}/jurisdictions/${state.j}/procedures/${p.code}`, {
    query: { asOf: '2200-01-01' }, expect: 400,
  });

  const updated = await h.request('update with If-Match', 'UpdateProcedure', 'PUT', `${api}/procedures/${state.procedure}`, {
    body: update(p, { name: `${p.name} (sửa)` }), ifMatch: need(read.etag, 'the procedure ETag'), expect: 200,
  });
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
  const changed = await h.request('change with the document If-Match', 'ChangeDocument', 'PUT', `${base}/${docId}`, {
    body: { ...doc, copies: 2 }, ifMatch: need(added.etag, 'the document ETag'), expect: 200,
  });
  await h.request('stale If-Match', 'ChangeDocument', 'PUT', `${base}/${docId}`, { body: doc, ifMatch: older(changed.etag), expect: 412 });
  await h.request('unknown document', 'ChangeDocument', 'PUT', `${base}/${UNKNOWN_ID}`, { body: doc, ifMatch: '"1"', expect: 404 });
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
    etag = await procedureETag(id);
    const entryId = need(mistaken.json?.id, `the appended ${kind} entry id`);
    await h.request('stale procedure If-Match', remove, 'DELETE', `${base}/${entryId}`, { ifMatch: older(etag), expect: 412 });
    await h.request('remove an entry entered by mistake', remove, 'DELETE', `${base}/${entryId}`, { ifMatch: etag, expect: 204 });
    etag = await procedureETag(id);
    await h.request('removed already', remove, 'DELETE', `${base}/${entryId}`, { ifMatch: etag, expect: 404 });
    // The entries that stay: a baseline before 2024-12-31 and a cut in 2025, so the reports have something to say.
    await h.request('append the baseline', append, 'POST', base, { body: entry, ifMatch: etag, expect: 201 });
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
  await h.request('no hourly tariff for the baseline year', 'GetScoreboard', 'GET', `${api}/reports/scoreboard`, { query: { jurisdiction: j, year: 2025 }, expect: 422 });
  await h.request('no hourly tariff for the baseline year', 'GetLaggards', 'GET', `${api}/reports/laggards`, {
    query: { jurisdiction: j, year: 2025, measure: 'cost' }, expect: 422,
  });
});

await section('Tariffs', async () => {
  const j = need(state.j, 'the test jurisdiction');
  const programs = await h.request('list programs', 'ListPrograms', 'GET', `${api}/programs`, { expect: 200 });
  const baselineYear = Number(need(programs.json?.find((p) => p.code === 'resolution-66')?.baselineDate, 'the baseline date').slice(0, 4));
  await h.request('list', 'ListTariffs', 'GET', `${api}/tariffs`, { query: { jurisdiction: '92' }, expect: 200 });
  await h.request('year not a number', 'ListTariffs', 'GET', `${api}/tariffs`, { query: { year: 'last' }, expect: 400 });
  await h.request('not set yet', 'GetTariff', 'GET', `${api}/tariffs/${j}/${baselineYear}`, { expect: 404 });
  const created = await h.request('create', 'PutTariff', 'PUT', `${api}/tariffs/${j}/${baselineYear}`, { body: { hourlyTariffVnd: 35000 }, expect: 201 });
  const replaced = await h.request('replace with If-Match', 'PutTariff', 'PUT', `${api}/tariffs/${j}/${baselineYear}`, {
    body: { hourlyTariffVnd: 40000 }, ifMatch: need(created.etag, 'the tariff ETag'), expect: 200,
  });
  await h.request('stale If-Match', 'PutTariff', 'PUT', `${api}/tariffs/${j}/${baselineYear}`, { body: { hourlyTariffVnd: 1 }, ifMatch: older(replaced.etag), expect: 412 });
  await h.request('year out of range', 'PutTariff', 'PUT', `${api}/tariffs/${j}/1800`, { body: { hourlyTariffVnd: 1 }, expect: 400 });
  await h.request('unknown jurisdiction', 'PutTariff', 'PUT', `${api}/tariffs/${state.jUnknown}/${baselineYear}`, { body: { hourlyTariffVnd: 1 }, expect: 404 });
  await h.request('get', 'GetTariff', 'GET', `${api}/tariffs/${j}/${baselineYear}`, { expect: 200 });
});

await section('Targets', async () => {
  // Two years without any target of the program (so that the script can run again on the same database):
  // one gets a target here, the other stays empty for the 404s.
  const programs = await h.request('list programs', 'ListPrograms', 'GET', `${api}/programs`, { expect: 200 });
  const used = new Set(need(programs.json?.find((p) => p.code === 'resolution-66'), 'program resolution-66').targets.map((t) => t.year));
  const free = [];
  for (let year = 2100; year > 2030 && free.length < 2; year--) if (!used.has(year)) free.push(year);
  const [year, empty] = [need(free[0], 'a year without targets'), need(free[1], 'a second year without targets')];
  state.emptyYear = empty;
  const target = `${api}/programs/resolution-66/targets/time-reduction`;
  await h.request('get', 'GetTarget', 'GET', `${target}/2025`, { expect: 200 });
  await h.request('no target that year', 'GetTarget', 'GET', `${target}/${year}`, { expect: 404 });
  await h.request('unknown program', 'GetTarget', 'GET', `${api}/programs/no-such-program/targets/time-reduction/2025`, { expect: 404 });
  const body = { targetPct: 60, judgedOn: `${year}-12-31`, scope: 'E2E check target, far in the future' };
  const created = await h.request('create', 'PutTarget', 'PUT', `${target}/${year}`, { body, expect: 201 });
  const replaced = await h.request('replace with If-Match', 'PutTarget', 'PUT', `${target}/${year}`, {
    body: { ...body, targetPct: 65 }, ifMatch: need(created.etag, 'the target ETag'), expect: 200,
  });
  await h.request('stale If-Match', 'PutTarget', 'PUT', `${target}/${year}`, { body, ifMatch: older(replaced.etag), expect: 412 });
  await h.request('year out of range', 'PutTarget', 'PUT', `${target}/1800`, { body, expect: 400 });
  await h.request('unknown program', 'PutTarget', 'PUT', `${api}/programs/no-such-program/targets/time-reduction/${year}`, { body, expect: 404 });
});

await section('Reports', async () => {
  const id = need(state.procedure, 'the test procedure');
  const j = state.j;
  const reduction = await h.request('the new procedure', 'GetProcedureReduction', 'GET', `${api}/procedures/${id}/reduction`, { query: { asOf: '2025-12-31' }, expect: 200 });
  h.check('GetProcedureReduction has a time reduction for the new procedure', reduction.json?.time != null, JSON.stringify(reduction.json)?.slice(0, 200));
  const a = await h.request('procedure A of the worked example', 'GetProcedureByCode', 'GET', `${api}/jurisdictions/92/procedures/1.009645`, { expect: 200 });
  await h.request('procedure A, 2025', 'GetProcedureReduction', 'GET', `${api}/procedures/${need(a.json?.id, 'procedure A')}/reduction`, {
    query: { asOf: '2025-12-31', program: 'resolution-66' }, expect: 200,
  });
  await h.request('as CSV', 'GetProcedureReduction', 'GET', `${api}/procedures/${id}/reduction`, { accept: 'text/csv', expect: 200 });
  await h.request('unknown procedure', 'GetProcedureReduction', 'GET', `${api}/procedures/${UNKNOWN_ID}/reduction`, { expect: 404 });
  await h.request('asOf not a date', 'GetProcedureReduction', 'GET', `${api}/procedures/${id}/reduction`, { query: { asOf: 'yesterday' }, expect: 400 });

  await h.request('by agency', 'GetGroupReductions', 'GET', `${api}/reports/reductions`, { query: { groupBy: 'agency', jurisdiction: j }, expect: 200 });
  await h.request('every jurisdiction, all scope', 'GetGroupReductions', 'GET', `${api}/reports/reductions`, { query: { groupBy: 'jurisdiction', scope: 'all', asOf: '2025-12-31' }, expect: 200 });
  await h.request('as CSV', 'GetGroupReductions', 'GET', `${api}/reports/reductions`, { query: { groupBy: 'field' }, accept: 'text/csv', expect: 200 });
  await h.request('asOf not a date', 'GetGroupReductions', 'GET', `${api}/reports/reductions`, { query: { asOf: '31/12/2025' }, expect: 400 });
  await h.request('unknown program', 'GetGroupReductions', 'GET', `${api}/reports/reductions`, { query: { program: 'no-such-program' }, expect: 404 });

  const board = await h.request('Cần Thơ 2025', 'GetScoreboard', 'GET', `${api}/reports/scoreboard`, { query: { jurisdiction: '92', year: 2025 }, expect: 200 });
  h.check('the scoreboard of 92 for 2025 has indicators', (board.json?.indicators?.length ?? 0) > 0);
  await h.request('the test jurisdiction, as CSV', 'GetScoreboard', 'GET', `${api}/reports/scoreboard`, { query: { jurisdiction: j, year: 2025 }, accept: 'text/csv', expect: 200 });
  await h.request('year not a number', 'GetScoreboard', 'GET', `${api}/reports/scoreboard`, { query: { year: 'next' }, expect: 400 });
  await h.request('unknown jurisdiction', 'GetScoreboard', 'GET', `${api}/reports/scoreboard`, { query: { jurisdiction: state.jUnknown, year: 2025 }, expect: 404 });

  await h.request('time, 2025', 'GetLaggards', 'GET', `${api}/reports/laggards`, { query: { year: 2025, measure: 'time', pageSize: 5 }, expect: 200 });
  await h.request('cost, the test jurisdiction, as CSV', 'GetLaggards', 'GET', `${api}/reports/laggards`, { query: { year: 2025, measure: 'cost', jurisdiction: j }, accept: 'text/csv', expect: 200 });
  await h.request('pageSize 0', 'GetLaggards', 'GET', `${api}/reports/laggards`, { query: { year: 2025, pageSize: 0 }, expect: 400 });
  await h.request('no targets that year', 'GetLaggards', 'GET', `${api}/reports/laggards`, { query: { year: need(state.emptyYear, 'a year without targets') }, expect: 404 });
});

await section('Delete', async () => {
  const id = need(state.procedure, 'the test procedure');
  const etag = await procedureETag(id);
  await h.request('a procedure with history', 'DeleteProcedure', 'DELETE', `${api}/procedures/${id}`, { ifMatch: etag, expect: 409 });
  const second = need(state.procedure2, 'the second procedure');
  const etag2 = await procedureETag(second);
  await h.request('stale If-Match', 'DeleteProcedure', 'DELETE', `${api}/procedures/${second}`, { ifMatch: older(etag2), expect: 412 });
  await h.request('a procedure entered by mistake', 'DeleteProcedure', 'DELETE', `${api}/procedures/${second}`, { ifMatch: etag2, expect: 204 });
  await h.request('deleted already', 'DeleteProcedure', 'DELETE', `${api}/procedures/${second}`, { ifMatch: etag2, expect: 404 });
});

h.checkCoverage();
h.printViolations();
console.log(`e2e: ${h.passed} passed, ${h.failed} failed`);
process.exit(h.failed === 0 ? 0 : 1);
