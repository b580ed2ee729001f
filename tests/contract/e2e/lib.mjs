// A small end-to-end harness: plain fetch through two Prism validating proxies, one line per request.
//
// * strict proxy (`prism proxy --errors`): every well-formed request. Any violation, of the request or of the
//   service's answer (sl-violations header, or Prism's own error in place of the answer), is a failure.
// * lenient proxy (`prism proxy`, no --errors): requests that break the contract on purpose (no API key, a number
//   sent as a string, an undocumented Content-Type, a body over the size limit), so that they reach the service and
//   its answer is still validated. Prism must report the request as invalid (else the request belongs on the strict
//   proxy) and must find nothing wrong with the answer.
//
// The operations of the OpenAPI document are matched from method and path, so coverage is measured, not declared:
// every operation, and every status each operation documents, must be seen (see checkCoverage).
import { readFileSync } from 'node:fs';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const PRISM_ERRORS = 'https://stoplight.io/prism/errors';
// A body over the service's limit: the service answers 413 from the Content-Length, without reading the body, and
// closes the connection at once (without saying Connection: close; run.mjs checks that separately). Prism (node-fetch)
// may still be sending the body, or may send the next request on that connection from its keep-alive pool, and then
// answers its own 500 "FetchError … socket hang up" in place of the service. A client that reads while it writes
// (Node's fetch) gets the 413 every time, so such a request is sent again, a few times at most; the retries are counted
// in the line. run.mjs sends these requests last, so that no other request can meet such a connection.
const UPSTREAM_RESET = /^\{"type":"FetchError"/;
const UPSTREAM_RESET_ATTEMPTS = 8;

export class Harness {
  /**
   * @param {{ documentPath: string, baseUrl: string, lenientUrl?: string,
   *           keys?: { admin?: string, editor?: string } }} options
   */
  constructor({ documentPath, baseUrl, lenientUrl, keys = {} }) {
    this.document = JSON.parse(readFileSync(documentPath, 'utf8'));
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.lenientUrl = lenientUrl ? lenientUrl.replace(/\/$/, '') : undefined;
    this.keys = { admin: keys.admin || undefined, editor: keys.editor || undefined, wrong: 'pck_0000000000_not-a-key-of-this-service' };
    this.operations = [];
    for (const [template, item] of Object.entries(this.document.paths ?? {})) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const segments = template.split('/');
        const pattern = segments
          .map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
          .join('/');
        this.operations.push({
          method: method.toUpperCase(),
          template,
          operationId: operation.operationId ?? `${method.toUpperCase()} ${template}`,
          regex: new RegExp(`^${pattern}$`),
          literals: segments.filter((segment) => !segment.startsWith('{')).length,
          statuses: Object.keys(operation.responses ?? {}),
          secured: (operation.security ?? this.document.security ?? []).some((requirement) => Object.keys(requirement).length > 0),
        });
      }
    }
    /** @type {Map<string, Set<string>>} operationId -> statuses seen */
    this.exercised = new Map();
    this.passed = 0;
    this.failed = 0;
    this.violations = 0;
    this.requests = { strict: 0, lenient: 0 };
    this.upstreamResets = 0;
    this.failures = [];
    /** @type {Map<string, Set<string>>} violation message -> operations that met it */
    this.violationsByMessage = new Map();
  }

  /** The document's operation for a method and a concrete path; literal segments beat parameters. */
  operationFor(method, path) {
    const candidates = this.operations.filter((op) => op.method === method && op.regex.test(path));
    candidates.sort((a, b) => b.literals - a.literals);
    return candidates[0];
  }

  /**
   * Sends one request through a proxy and checks it.
   * @param {string} label what this request shows
   * @param {string} operationId the operation it is meant to exercise (checked against the document)
   * @param {string} method
   * @param {string} path concrete path, e.g. /api/v1/procedures/3
   * @param {{ query?: Record<string, string | number | boolean | undefined>, body?: unknown,
   *           raw?: string | Uint8Array, contentType?: string, ifMatch?: string, ifNoneMatch?: string,
   *           accept?: string, key?: 'admin' | 'editor' | 'wrong' | 'none', lenient?: boolean, oversized?: boolean,
   *           expect: number | number[] }} options
   *   body is sent as JSON; raw as is, with contentType. key: which API key goes in X-Api-Key (default: admin for
   *   writes, none for reads). lenient: the request breaks the contract on purpose and goes through the lenient proxy.
   *   oversized: a body over the service's limit (see UPSTREAM_RESET).
   */
  async request(label, operationId, method, path, options) {
    const { query, body, raw, contentType, ifMatch, ifNoneMatch, accept, lenient = false, oversized = false, expect } = options;
    const via = lenient ? 'lenient' : 'strict';
    const base = lenient ? this.lenientUrl : this.baseUrl;
    const problems = [];
    if (!base) problems.push('no lenient proxy (LENIENT_PRISM_URL) to send a request that breaks the contract on purpose');
    const url = new URL((base ?? this.baseUrl) + path);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }

    const headers = { Accept: accept ?? 'application/json, application/problem+json' };
    let payload;
    if (body !== undefined) {
      headers['Content-Type'] = contentType ?? 'application/json';
      payload = JSON.stringify(body);
    } else if (raw !== undefined) {
      headers['Content-Type'] = need(contentType, 'contentType for a raw body');
      payload = raw;
    }
    const key = options.key ?? (method === 'GET' ? 'none' : 'admin');
    if (key !== 'none') {
      const secret = this.keys[key];
      if (secret) headers['X-Api-Key'] = secret;
      else problems.push(`no ${key} API key to send (set PC_API_KEY${key === 'editor' ? ' and PC_EDITOR_KEY' : ''})`);
    }
    if (ifMatch !== undefined) headers['If-Match'] = ifMatch;
    if (ifNoneMatch !== undefined) headers['If-None-Match'] = ifNoneMatch;

    const operation = this.operationFor(method, path);
    if (!operation) {
      problems.push(`no operation of the document matches ${method} ${path}`);
    } else if (operation.operationId !== operationId) {
      problems.push(`meant to exercise ${operationId} but the document says ${method} ${path} is ${operation.operationId}`);
    }

    let response;
    let bytes = new Uint8Array();
    let resets = 0;
    for (let attempt = 1; base && attempt <= (oversized ? UPSTREAM_RESET_ATTEMPTS : 1); attempt++) {
      this.requests[via]++;
      try {
        response = await fetch(url, { method, headers, body: payload });
        bytes = new Uint8Array(await response.arrayBuffer());
      } catch (error) {
        problems.push(`request failed: ${error.cause?.message ?? error.message}`);
        break;
      }
      if (!(oversized && response.status === 500 && UPSTREAM_RESET.test(new TextDecoder().decode(bytes.subarray(0, 300))))) break;
      resets++;
    }
    if (resets > 0) this.upstreamResets += resets;
    const text = new TextDecoder().decode(bytes);

    let json;
    const responseType = response?.headers.get('content-type') ?? '';
    if (text && /json/.test(responseType) && !/ndjson/.test(responseType)) {
      try {
        json = JSON.parse(text);
      } catch {
        problems.push(`body is not JSON although content-type is ${responseType}`);
      }
    }

    // Prism reports what departs from the document in the sl-violations header (location request.… or response.…);
    // with --errors it also replaces the answer by its own problem (type .../prism/errors#...) carrying the list.
    const violations = [];
    const header = response?.headers.get('sl-violations');
    if (header) {
      try {
        violations.push(...JSON.parse(header));
      } catch {
        violations.push({ message: header });
      }
    }
    const replaced = Boolean(json && typeof json.type === 'string' && json.type.startsWith(PRISM_ERRORS));
    if (replaced) {
      for (const v of json.validation ?? []) {
        if (!violations.some((seen) => seen.message === v.message)) violations.push(v);
      }
      if (violations.length === 0) violations.push({ message: `Prism answered ${json.type}: ${json.detail ?? json.title}` });
    }
    const isRequestSide = (v) => (v.location ?? [])[0] === 'request';
    const counted = lenient ? violations.filter((v) => !isRequestSide(v)) : violations;
    if (lenient && response && !violations.some(isRequestSide)) {
      problems.push('sent through the lenient proxy as breaking the contract, but Prism found nothing wrong with the request: send it through the strict proxy');
    }
    for (const v of counted) {
      const where = (v.location ?? []).join('.');
      const message = `${v.severity ?? ''} ${where}: ${v.message}`.trim();
      if (!this.violationsByMessage.has(message)) this.violationsByMessage.set(message, new Set());
      this.violationsByMessage.get(message).add(operation?.operationId ?? `${method} ${path}`);
      problems.push(`prism: ${v.severity ?? ''} ${where} ${v.code ?? ''} ${v.message}`.replace(/\s+/g, ' ').trim());
    }
    this.violations += counted.length;

    const expected = Array.isArray(expect) ? expect : [expect];
    if (replaced) {
      problems.push(`Prism answered ${response.status} in place of the service (${json.title}); expected ${expected.join(' or ')} from the service`);
    } else if (response && !expected.includes(response.status)) {
      problems.push(`status ${response.status}, expected ${expected.join(' or ')}` + (json?.detail ? ` (${json.detail})` : ''));
    }

    if (operation && response && !replaced) {
      if (!this.exercised.has(operation.operationId)) this.exercised.set(operation.operationId, new Set());
      this.exercised.get(operation.operationId).add(String(response.status));
    }

    const marks = [key !== 'none' && key !== 'admin' ? `key:${key}` : '', lenient ? 'lenient' : '', resets ? `${resets} upstream reset(s) retried` : '']
      .filter(Boolean).join(', ');
    const line = `${String(response?.status ?? '---')} ${method.padEnd(6)} ${url.pathname}${url.search} [${operationId}]${marks ? ` (${marks})` : ''} ${label}`;
    this.report(line, problems);

    return {
      status: response?.status,
      etag: response?.headers.get('etag') ?? undefined,
      location: response?.headers.get('location') ?? undefined,
      contentType: responseType,
      json,
      text,
      bytes,
      ok: problems.length === 0,
    };
  }

  report(line, problems) {
    if (problems.length === 0) {
      this.passed++;
      console.log(`  ok   ${line}`);
    } else {
      this.failed++;
      this.failures.push(line);
      console.log(`  FAIL ${line}`);
      for (const problem of problems) console.log(`         - ${problem}`);
    }
  }

  /** A check of the script's own (not a request), e.g. that search found something. */
  check(label, condition, detail = '') {
    if (condition) {
      this.passed++;
      console.log(`  ok   check: ${label}`);
    } else {
      this.failed++;
      this.failures.push(`check: ${label}`);
      console.log(`  FAIL check: ${label}${detail ? ` (${detail})` : ''}`);
    }
    return condition;
  }

  /** What Prism found, one line per distinct violation, with the operations that met it. */
  printViolations() {
    console.log(`\nprism violations: ${this.violations} in ${this.violationsByMessage.size} kind(s)` +
      ` (requests: ${this.requests.strict} strict, ${this.requests.lenient} lenient; request-side violations of the lenient ones are intended and not counted;`
      + ` ${this.upstreamResets} upstream reset(s) of oversized bodies retried)`);
    for (const [message, operations] of [...this.violationsByMessage].sort((a, b) => b[1].size - a[1].size)) {
      console.log(`  ${message}\n    in ${operations.size} operation(s): ${[...operations].sort().join(', ')}`);
    }
  }

  /**
   * Every operation of the document was exercised, and every status it documents was seen, except those
   * that cannot be provoked from outside (each with its reason): a new operation or a new documented status
   * fails until a request shows it.
   * @param {Record<string, Record<string, string>>} unprovoked operationId (or '*') -> status -> why it is not provoked
   */
  checkCoverage(unprovoked = {}) {
    const missing = this.operations.filter((op) => !this.exercised.has(op.operationId));
    console.log(`\ncoverage: ${this.operations.length - missing.length} of ${this.operations.length} operations exercised`);
    for (const op of missing) console.log(`  not exercised: ${op.operationId} (${op.method} ${op.template})`);
    this.check(`every operation of the document exercised (${this.operations.length})`, missing.length === 0,
      `${missing.length} missing: ${missing.map((op) => op.operationId).join(', ')}`);

    let documented = 0;
    let seen = 0;
    const unseen = [];
    const excused = new Map();
    for (const op of this.operations) {
      const statuses = this.exercised.get(op.operationId) ?? new Set();
      for (const status of op.statuses) {
        documented++;
        if (statuses.has(status)) {
          seen++;
          continue;
        }
        const reason = unprovoked[op.operationId]?.[status] ?? unprovoked['*']?.[status];
        if (reason) {
          const key = `${status}: ${reason}`;
          if (!excused.has(key)) excused.set(key, []);
          excused.get(key).push(op.operationId);
        } else {
          unseen.push(`${op.operationId} ${status}`);
        }
      }
      const undocumented = [...statuses].filter((status) => !op.statuses.includes(status));
      if (undocumented.length > 0) unseen.push(`${op.operationId} answered undocumented ${undocumented.join(', ')}`);
    }
    console.log(`documented statuses seen: ${seen} of ${documented}`);
    for (const [key, operations] of excused) {
      console.log(`  not provoked, ${key} (${operations.length === this.operations.length ? 'every operation' : operations.join(', ')})`);
    }
    for (const item of unseen) console.log(`  not seen: ${item}`);
    this.check('every documented status seen, apart from those that cannot be provoked', unseen.length === 0, `${unseen.length} not seen`);
  }
}

/** A value a later request needs; without it the rest of the section cannot run. */
export class Blocked extends Error {}
export function need(value, what) {
  if (value === undefined || value === null) throw new Blocked(`needs ${what}, which an earlier request did not give`);
  return value;
}
