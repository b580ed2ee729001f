// A client we did not write: types generated from the committed OpenAPI document by openapi-typescript
// (schema.d.ts, made by `npm run client:generate`), requests made by openapi-fetch. It lists, searches, creates,
// reads and changes procedures (with the API key and If-Match), syncs one by its natural key twice, records a dated change
// of an attribute and reads the procedure on both sides of it, keeps a business
// reporting regime with its electronic history, reads reports (JSON and CSV), a procedure's channels and the local
// against national report, the trend (and its chart) and the monthly report (and its Word document), and follows the
// change feed with its cursor, then makes a plan of 92 with a task, records its progress, imports an annex and reads
// the task reports, against the running service.
//
//   API_URL=http://127.0.0.1:5190 PC_API_KEY=pck_… node ../.build/client/main.js      (after `tsc -p client`)
//
// Env: API_URL (the service), PC_API_KEY (an editor key of 92 or an admin key, sent as X-Api-Key on every write).
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

type ProcedureCreate = components['schemas']['ProcedureCreate'];
type ProcedureUpsert = components['schemas']['ProcedureUpsert'];
type Change = components['schemas']['Change'];
type ReportingRegimeCreate = components['schemas']['ReportingRegimeCreate'];
type PlanCreate = components['schemas']['PlanCreate'];
type PlanTaskInput = components['schemas']['PlanTaskInput'];

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

/** Reports answer JSON or, with Accept: text/csv, CSV: the generated type is the union; this client asked for JSON. */
function json<T extends object>(data: T | string | undefined): T | undefined {
  return typeof data === 'object' ? data : undefined;
}

/** The change feed from a cursor to its end, following nextCursor page by page. */
async function feed(after: string | undefined, jurisdiction: string): Promise<{ items: Change[]; cursor: string | undefined }> {
  const items: Change[] = [];
  let cursor = after;
  for (let page = 0; page < 100; page++) {
    // The document types limit as a string (the service reads it itself to answer its own 400).
    const answer = await client.GET('/api/v1/changes', { params: { query: { limit: '1000', jurisdiction, ...(cursor === undefined ? {} : { after: cursor }) } } });
    if (!answer.data) throw new Error(`ListChanges answered ${answer.response.status}`);
    items.push(...answer.data.items);
    cursor = answer.data.nextCursor;
    if (!answer.data.hasMore) break;
  }
  return { items, cursor };
}

async function main(): Promise<void> {
  if (!apiKey) throw new Error('PC_API_KEY is not set: every write needs an API key');

  // List (query parameters such as pageSize are strings in the document).
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

  // Where the feed of 92 ends now: the changes below come after this cursor.
  const { cursor: start } = await feed(undefined, '92');

  // Create, with a field and an agency of the jurisdiction (ids are numbers).
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
    fieldId: field.id,
    agencyId: agency.id,
    lastReviewedOn: '2025-06-15',
    legalBasis: [{ number: '168/2025/NĐ-CP', title: 'Nghị định về đăng ký doanh nghiệp', issuedOn: '2025-06-30', issuer: 'Chính phủ' }],
    documents: [{ name: 'Thông báo thay đổi nội dung đăng ký hộ kinh doanh', templateName: null, originals: 1, copies: 0, caseNote: null, providedOnce: true, dataSource: null }],
  };
  const created = await client.POST('/api/v1/procedures', { body: input });
  check('CreateProcedure answers 201 with the procedure', created.response.status === 201 && created.data?.code === code, created.error);
  const etag = created.response.headers.get('etag');
  check('CreateProcedure answers an ETag', Boolean(etag));
  if (!created.data || !etag) throw new Error('no procedure created');
  const id = created.data.id;

  // Read it back, by id and by its natural key; 304 while it is unchanged.
  const read = await client.GET('/api/v1/procedures/{id}', { params: { path: { id } } });
  check('GetProcedure reads it back with its document', read.data?.name === input.name && read.data.documents.length === 1, read.error);
  const cached = await client.GET('/api/v1/procedures/{id}', { params: { path: { id }, header: { 'If-None-Match': etag } } });
  check('GetProcedure with If-None-Match answers 304', cached.response.status === 304, cached.response.status);
  const byCode = await client.GET('/api/v1/jurisdictions/{jurisdiction}/procedures/{code}', { params: { path: { jurisdiction: '92', code } } });
  check('GetProcedureByCode finds the same id', byCode.data !== undefined && byCode.data.id === id, byCode.error);
  const missing = await client.GET('/api/v1/procedures/{id}', { params: { path: { id: 987654321 } } });
  check('an unknown id is a 404 problem', missing.response.status === 404 && missing.error?.status === 404, missing.error);
  const duplicate = await client.POST('/api/v1/procedures', { body: input });
  check('creating it again is a 409 problem', duplicate.response.status === 409, duplicate.error);

  // Change it: without If-Match 428, with the ETag it read 200.
  const { jurisdiction: _j, documents: _d, ...updateFields } = input;
  const renamed = { ...updateFields, name: `${input.name} (sửa)` };
  const blind = await client.PUT('/api/v1/procedures/{id}', { params: { path: { id } }, body: renamed });
  check('UpdateProcedure without If-Match is a 428 problem', blind.response.status === 428 && blind.error?.status === 428, blind.error);
  const updated = await client.PUT('/api/v1/procedures/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body: renamed });
  check('UpdateProcedure with If-Match answers 200 and a new ETag', updated.response.status === 200 && updated.response.headers.get('etag') !== etag, updated.error);

  // Sync by natural key, twice: the second PUT is a no-op.
  const syncCode = `${code}.NK`;
  const { jurisdiction: _sj, code: _sc, ...upsertFields } = input;
  const upsert: ProcedureUpsert = { ...upsertFields, name: 'Đồng bộ theo mã (thử từ client TypeScript)' };
  const target = { params: { path: { jurisdiction: '92', code: syncCode } }, body: upsert };
  const put1 = await client.PUT('/api/v1/jurisdictions/{jurisdiction}/procedures/{code}', target);
  check('PutProcedureByCode creates it (201)', put1.response.status === 201 && put1.data?.code === syncCode, put1.error);
  const put2 = await client.PUT('/api/v1/jurisdictions/{jurisdiction}/procedures/{code}', target);
  check('the same PUT again answers 200 with the same ETag', put2.response.status === 200
    && put2.response.headers.get('etag') === put1.response.headers.get('etag'), put2.error);

  // The change feed since the cursor: the creation, the update and the one PUT that changed something, once each.
  const since = await feed(start, '92');
  const mine = since.items.filter((change) => change.procedureCode === code || change.procedureCode === syncCode);
  check('the feed after the cursor has exactly the 3 changes made here, in order',
    mine.map((change) => `${change.procedureCode === code ? 'A' : 'B'}:${change.action}`).join(' ') === 'A:created A:updated B:created', mine);
  check('every change after the cursor is newer than the last one before it, and names its key',
    since.items.every((change, i, all) => (i === 0 || all[i - 1]!.position < change.position) && change.changedBy !== 'service'), since.items.slice(0, 3));
  const idle = await feed(since.cursor, '92');
  check('polling again from the new cursor gives nothing new', idle.items.length === 0, idle.items);

  // Dated attributes: a change from a date (one entry per attribute it names), the procedure read on both sides of it,
  // the list filtered on that date, and the review its lastReviewedOn recorded.
  const changedOn = await client.POST('/api/v1/procedures/{procedureId}/attribute-history', {
    params: { path: { procedureId: id } }, body: { effectiveFrom: '2025-09-01', decisionRef: '2150/QĐ-UBND', boundaryFree: false },
  });
  check('AppendAttributeEntries answers 201 with one boundary-free entry', changedOn.response.status === 201 && changedOn.data?.length === 1
    && changedOn.data[0]?.attribute === 'boundary-free' && changedOn.data[0]?.boundaryFree === false, changedOn.error);
  const dayBefore = await client.GET('/api/v1/procedures/{id}', { params: { path: { id }, query: { asOf: '2025-08-31' } } });
  const dayOf = await client.GET('/api/v1/procedures/{id}', { params: { path: { id }, query: { asOf: '2025-09-01' } } });
  check('GetProcedure on a date shows the attributes in force then', dayBefore.data?.boundaryFree === true && dayOf.data?.boundaryFree === false,
    [dayBefore.data?.boundaryFree, dayOf.data?.boundaryFree]);
  const onDate = await client.GET('/api/v1/procedures', { params: { query: { jurisdiction: '92', boundaryFree: 'false', asOf: '2025-09-01', pageSize: '100' } } });
  check('ListProcedures filters boundaryFree on asOf', (onDate.data?.items ?? []).some((p) => p.id === id), onDate.error);
  const reviews = await client.GET('/api/v1/procedures/{procedureId}/reviews', { params: { path: { procedureId: id } } });
  check('ListReviews has the review its lastReviewedOn recorded', (reviews.data ?? []).some((r) => r.reviewedOn === '2025-06-15'), reviews.error);

  // Business reporting regimes of 92: list on a date, create one with its first electronic entry, append a second, read
  // it on two dates (the value in force follows the history), export the regimes as CSV, then remove what was made.
  const regimes = await client.GET('/api/v1/reporting-regimes', { params: { query: { jurisdiction: '92', asOf: '2025-12-31', pageSize: '100' } } });
  check(`ListReportingRegimes (92) answers the sample's regimes (${regimes.data?.totalCount ?? 0})`, regimes.response.status === 200
    && (regimes.data?.items.length ?? 0) > 0 && regimes.data!.items.every((r) => r.jurisdiction === '92' && r.asOf === '2025-12-31'), regimes.error);
  const regimeInput: ReportingRegimeCreate = {
    jurisdiction: '92',
    name: `Báo cáo thử từ client TypeScript ${code}`,
    legalBasis: 'Nghị định 145/2020/NĐ-CP, Điều 4',
    agencyId: agency.id,
    frequency: 'half-yearly',
    status: 'active',
    abolishedOn: null,
    electronic: { electronic: false, effectiveFrom: '2021-02-01', decisionRef: '145/2020/NĐ-CP' },
  };
  const regime = await client.POST('/api/v1/reporting-regimes', { body: regimeInput });
  check('CreateReportingRegime answers 201 with the regime, not electronic yet', regime.response.status === 201 && regime.data?.electronic === false, regime.error);
  if (!regime.data) throw new Error('no reporting regime created');
  const regimeId = regime.data.id;
  const appended = await client.POST('/api/v1/reporting-regimes/{id}/electronic-history', {
    params: { path: { id: regimeId } }, body: { electronic: true, effectiveFrom: '2025-07-01', decisionRef: '1520/QĐ-UBND' },
  });
  check('AppendElectronicEntry answers 201 with the entry and the key that recorded it', appended.response.status === 201 && appended.data?.recordedBy !== 'service', appended.error);
  const before = await client.GET('/api/v1/reporting-regimes/{id}', { params: { path: { id: regimeId }, query: { asOf: '2025-06-30' } } });
  const after = await client.GET('/api/v1/reporting-regimes/{id}', { params: { path: { id: regimeId }, query: { asOf: '2025-07-01' } } });
  check('GetReportingRegime gives the value in force on each date (paper, then electronic)', before.data?.electronic === false && after.data?.electronic === true,
    [before.data?.electronicInForce, after.data?.electronicInForce]);
  const regimesCsv = await client.GET('/api/v1/jurisdictions/{jurisdiction}/reporting-regimes/export', {
    params: { path: { jurisdiction: '92' }, query: { format: 'csv' } }, headers: { Accept: 'text/csv' }, parseAs: 'text',
  });
  check('ExportReportingRegimes as CSV has the new regime', regimesCsv.response.status === 200 && typeof regimesCsv.data === 'string'
    && regimesCsv.data.includes(regimeInput.name), regimesCsv.error);
  const history = await client.GET('/api/v1/reporting-regimes/{id}/electronic-history', { params: { path: { id: regimeId } } });
  for (const entry of history.data ?? []) {
    await client.DELETE('/api/v1/reporting-regimes/{id}/electronic-history/{entryId}', { params: { path: { id: regimeId, entryId: entry.id }, header: { 'If-Match': '*' } } });
  }
  const removed = await client.DELETE('/api/v1/reporting-regimes/{id}', { params: { path: { id: regimeId }, header: { 'If-Match': '*' } } });
  check('DeleteReportingRegime removes it once its mistaken entries are gone (204)', removed.response.status === 204, removed.error);

  // Reports.
  const board = await client.GET('/api/v1/reports/scoreboard', { params: { query: { jurisdiction: '92', year: 2025 } } });
  const scoreboard = json(board.data);
  check('GetScoreboard (92, 2025) answers indicators', board.response.status === 200 && (scoreboard?.indicators.length ?? 0) > 0, board.error);
  for (const indicator of scoreboard?.indicators ?? []) {
    console.log(`       ${indicator.indicator.padEnd(26)} target ${indicator.targetPct}%  value ${indicator.valuePct ?? '–'}%  met ${indicator.met ?? '–'}`);
  }
  const a = await client.GET('/api/v1/jurisdictions/{jurisdiction}/procedures/{code}', { params: { path: { jurisdiction: '92', code: '1.009645' } } });
  if (!a.data) throw new Error('procedure A (92/1.009645) of the worked example is missing');
  const reduction = await client.GET('/api/v1/procedures/{id}/reduction', {
    params: { path: { id: a.data.id }, query: { asOf: '2025-12-31' } },
  });
  const ofA = json(reduction.data);
  check('GetProcedureReduction (procedure A, 2025-12-31) answers time and cost', reduction.response.status === 200 && ofA?.time != null && ofA.cost != null, reduction.error);
  console.log(`       procedure A: time ${JSON.stringify(ofA?.time)}`);
  // Channels and what is published: procedure A is offered online with a fee of its own, and implements a national procedure.
  const online = a.data.channels.find((channel) => channel.channel === 'online');
  check('procedure A is offered online, with its own fee in force', online !== undefined && online.feeInForce != null, a.data.channels);
  const fees = await client.GET('/api/v1/procedures/{procedureId}/channels/{channel}/fee-history', {
    params: { path: { procedureId: a.data.id, channel: 'online' } },
  });
  check('ListChannelFeeHistory (A, online) answers its entries in order', fees.response.status === 200 && (fees.data?.length ?? 0) > 0
    && fees.data!.every((entry, i, all) => i === 0 || all[i - 1]!.effectiveFrom <= entry.effectiveFrom), fees.error);
  check('procedure A implements the national VN/1.009645', a.data.published.implements?.key === 'VN/1.009645', a.data.published);
  const versus = await client.GET('/api/v1/reports/local-vs-national', { params: { query: { jurisdiction: '92', asOf: '2025-12-31' } } });
  const ofCity = json(versus.data);
  check('GetLocalVsNational (92, 2025-12-31) lists A above the national fee', versus.response.status === 200
    && (ofCity?.rows.some((row) => row.finding === 'exceeds' && row.local?.code === '1.009645' && row.fee?.exceeds === true) ?? false), versus.error);
  const onlineCut = await client.GET('/api/v1/procedures/{id}/reduction', {
    params: { path: { id: a.data.id }, query: { asOf: '2025-12-31', channel: 'online' } },
  });
  check('GetProcedureReduction of A online measures its own channel', json(onlineCut.data)?.basis.channel === 'online', onlineCut.error);
  const own = await client.GET('/api/v1/procedures/{id}/reduction', { params: { path: { id } } });
  check('GetProcedureReduction of the new procedure (no history) answers 200', own.response.status === 200, own.error);
  const csv = await client.GET('/api/v1/reports/scoreboard', {
    params: { query: { jurisdiction: '92', year: 2025 } }, headers: { Accept: 'text/csv' }, parseAs: 'text',
  });
  const rows = typeof csv.data === 'string' ? csv.data.replace(/^\uFEFF/, '').trim().split(/\r?\n/) : [];
  check(`GetScoreboard as CSV (Accept: text/csv) answers a header and a row per indicator (${rows.length - 1})`,
    csv.response.status === 200 && (csv.response.headers.get('content-type') ?? '').startsWith('text/csv') && rows.length === (scoreboard?.indicators.length ?? -1) + 1, rows.slice(0, 2));

  await plans(code, agency.id);
  await periodReports();
}

/** A plan of 92 with a task, the task's progress, an annex imported, and the task reports over it. */
async function plans(code: string, agencyId: number): Promise<void> {
  const planInput: PlanCreate = {
    jurisdiction: '92', number: `${code}/KH-UBND`, issuedOn: '2026-01-15', issuer: 'UBND thành phố Cần Thơ',
    title: 'Kế hoạch kiểm soát TTHC (thử từ client TypeScript)', program: null,
  };
  const plan = await client.POST('/api/v1/plans', { body: planInput });
  check('CreatePlan answers 201 with the plan and its ETag', plan.response.status === 201 && plan.data?.number === planInput.number
    && Boolean(plan.response.headers.get('etag')), plan.error);
  if (!plan.data) throw new Error('no plan created');
  const planId = plan.data.id;

  const taskInput: PlanTaskInput = {
    number: '1', section: 'I. Cắt giảm, đơn giản hóa TTHC', content: 'Chủ động giảm ít nhất 30% thời gian giải quyết của các TTHC',
    leadAgencies: [{ agencyId, name: null }, { agencyId: null, name: 'Các sở, ban, ngành thành phố' }], coordinatingAgencies: [],
    deadlineText: 'Trước ngày 30 tháng 8 năm 2025', milestones: [{ id: null, kind: 'date', dueOn: '2025-08-30', year: null, label: null }],
    expectedOutput: 'Quyết định thông qua phương án đơn giản hóa TTHC',
  };
  const task = await client.POST('/api/v1/plans/{planId}/tasks', { params: { path: { planId } }, body: taskInput });
  const milestone = task.data?.milestones[0];
  check('AddPlanTask answers 201 with a milestone due by 2025-08-30, not started', task.response.status === 201 && milestone?.dueBy === '2025-08-30'
    && milestone.status === 'not-started', task.error);
  if (!task.data || !milestone) throw new Error('no task added');
  const taskId = task.data.id;
  const done = await client.POST('/api/v1/plans/{planId}/tasks/{taskId}/milestones/{milestoneId}/progress', {
    params: { path: { planId, taskId, milestoneId: milestone.id } },
    body: { on: '2025-08-28', status: 'done', decisionRef: '1452/QĐ-UBND', link: null, notes: null },
  });
  check('RecordMilestoneProgress answers 201 with the entry', done.response.status === 201 && done.data?.status === 'done', done.error);
  const evidence = await client.POST('/api/v1/plans/{planId}/tasks/{taskId}/milestones/{milestoneId}/progress', {
    params: { path: { planId, taskId, milestoneId: milestone.id } }, body: { on: '2025-08-28', status: 'done', decisionRef: null, link: null, notes: null },
  });
  check('done without evidence is a 400 problem naming decisionRef', evidence.response.status === 400 && evidence.error !== undefined
    && 'errors' in evidence.error && Object.keys(evidence.error.errors ?? {}).includes('decisionRef'), evidence.error);
  const read = await client.GET('/api/v1/plans/{planId}/tasks/{taskId}', { params: { path: { planId, taskId } } });
  check('GetPlanTask reads it done on 2025-08-28, version 2', read.data?.milestones[0]?.status === 'done' && read.data.milestones[0].statusOn === '2025-08-28'
    && read.data.version === 2, read.error);

  const annex = 'STT,Nội dung thực hiện,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian thực hiện,Kết quả/Sản phẩm\n'
    + '2,"Thực hiện trực tuyến, thông suốt","Sở Tài chính, Sở Khoa học và Công nghệ",Văn phòng UBND thành phố,Hoàn thành trước ngày 31 tháng 8 năm 2025,\n'
    + '3,Rà soát quy trình,UBND cấp xã,,"Kiến nghị năm 2025 trước ngày 20 tháng 6 năm 2025 và năm 2026 trước ngày 20 tháng 6 năm 2026",\n';
  const imported = await client.POST('/api/v1/plans/{planId}/annex', {
    params: { path: { planId }, query: { dryRun: true } }, body: annex, bodySerializer: (body: string) => body, headers: { 'Content-Type': 'text/csv' },
  });
  check('ImportPlanAnnex (dry run) reads 2 tasks and 3 milestones', imported.response.status === 200 && imported.data?.tasks === 2 && imported.data.milestones === 3, imported.error);

  const overdue = await client.GET('/api/v1/reports/tasks/overdue', { params: { query: { jurisdiction: '92', asOf: '2026-11-22', groupBy: 'agency' } } });
  const report = json(overdue.data);
  check(`GetOverdueTasks (92, 2026-11-22) answers ${report?.count ?? 0} milestones in ${report?.groups.length ?? 0} groups`,
    overdue.response.status === 200 && (report?.count ?? 0) > 0 && (report?.groups.length ?? 0) > 0, overdue.error);
  const doneCsv = await client.GET('/api/v1/reports/tasks/done', {
    params: { query: { planId: String(planId), from: '2025-08-01', to: '2025-08-31' } }, headers: { Accept: 'text/csv' }, parseAs: 'text',
  });
  const lines = typeof doneCsv.data === 'string' ? doneCsv.data.replace(/^\uFEFF/, '').trim().split(/\r?\n/) : [];
  check('GetTasksDone as CSV has the task done in August 2025', doneCsv.response.status === 200 && lines.length === 2 && lines[1]!.includes('1452/QĐ-UBND'), lines);
}

/** The trend of Cần Thơ (a point on every 22nd, the chart as PNG) and its monthly report (JSON, and the Word document's bytes). */
async function periodReports(): Promise<void> {
  const trend = await client.GET('/api/v1/reports/trend', { params: { query: { jurisdiction: '92', from: '2025-01-01', to: '2025-12-31' } } });
  const points = json(trend.data)?.points ?? [];
  check(`GetTrend (92, 2025) answers a scoreboard on every 22nd (${points.length})`,
    trend.response.status === 200 && points.length === 12 && points.every((point) => point.basis.asOf.endsWith('-22')), trend.error);
  const time = points.at(-1)?.indicators.find((indicator) => indicator.indicator === 'time-reduction');
  console.log(`       time reduction on ${points.at(-1)?.basis.asOf}: ${time?.valuePct ?? '–'}% (target ${time?.targetPct ?? '–'}%)`);
  const chart = await client.GET('/api/v1/reports/trend', {
    params: { query: { jurisdiction: '92' } }, headers: { Accept: 'image/png' }, parseAs: 'arrayBuffer',
  });
  const image = chart.data instanceof ArrayBuffer ? new Uint8Array(chart.data) : new Uint8Array();
  check(`GetTrend as PNG (Accept: image/png) answers a PNG (${image.length} bytes)`,
    chart.response.status === 200 && chart.response.headers.get('content-type') === 'image/png' && image[0] === 0x89 && image[1] === 0x50);

  const monthly = await client.GET('/api/v1/reports/monthly', { params: { query: { jurisdiction: '92' } } });
  const report = typeof monthly.data === 'object' ? monthly.data : undefined;
  check(`GetMonthlyReport (92, latest month) is as of its report day (${report?.period.label}, ${report?.period.to})`,
    monthly.response.status === 200 && report?.period.to === report?.scoreboard.basis.asOf && report?.period.reportDay === 22, monthly.error);
  console.log(`       ${report?.period.label}: ${report?.cuts.length ?? 0} cut(s), ${report?.abolished.length ?? 0} abolished, `
    + `${report?.tasks.done.count ?? 0} task(s) done, ${report?.tasks.overdue.count ?? 0} overdue`);
  const newly = report?.newly;
  const moves = [...(newly?.online ?? []), ...(newly?.fullOnline ?? []), ...(newly?.boundaryFree ?? [])];
  check(`GetMonthlyReport lists what became online, fully online or boundary-free in the period (${moves.length}), each in force from a day of it`,
    newly !== undefined && report?.noLonger !== undefined && (newly.fullOnline ?? []).every((move) => move.after === 'full')
      && moves.every((move) => move.effectiveFrom >= report!.period.from && move.effectiveFrom <= report!.period.to), newly);
  const word = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  const docx = await client.GET('/api/v1/reports/monthly', {
    params: { query: { jurisdiction: '92', month: report?.period.label ?? '' } }, headers: { Accept: word }, parseAs: 'arrayBuffer',
  });
  const bytes = docx.data instanceof ArrayBuffer ? new Uint8Array(docx.data) : new Uint8Array();
  check(`GetMonthlyReport as DOCX answers a Word package (${bytes.length} bytes)`,
    docx.response.status === 200 && docx.response.headers.get('content-type') === word && bytes[0] === 0x50 && bytes[1] === 0x4b);
  const future = await client.GET('/api/v1/reports/monthly', { params: { query: { jurisdiction: '92', month: '2099-01' } } });
  check('GetMonthlyReport of a month after today answers 400 naming month', future.response.status === 400 && JSON.stringify(future.error).includes('month'), future.error);
}

try {
  await main();
} catch (error) {
  failed++;
  console.log(`  FAIL ${error instanceof Error ? error.message : String(error)}`);
}
console.log(`client: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
