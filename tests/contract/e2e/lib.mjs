// A small end-to-end harness: plain fetch through the Prism validating proxy, one line per request,
// every Prism violation (sl-violations header or a Prism-generated error) counted as a failure, and the
// operations of the OpenAPI document matched from method and path so that coverage is measured, not declared.
import { readFileSync } from 'node:fs';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const PRISM_ERRORS = 'https://stoplight.io/prism/errors';

export class Harness {
  /**
   * @param {{ documentPath: string, baseUrl: string, apiKey?: string }} options
   */
  constructor({ documentPath, baseUrl, apiKey }) {
    this.document = JSON.parse(readFileSync(documentPath, 'utf8'));
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.apiKey = apiKey || undefined;
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
        });
      }
    }
    /** @type {Map<string, Set<string>>} operationId -> statuses seen */
    this.exercised = new Map();
    this.passed = 0;
    this.failed = 0;
    this.violations = 0;
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
   * Sends one request through the proxy and checks it.
   * @param {string} label what this request shows
   * @param {string} operationId the operation it is meant to exercise (checked against the document)
   * @param {string} method
   * @param {string} path concrete path, e.g. /api/v1/procedures/3
   * @param {{ query?: Record<string, string | number | boolean | undefined>, body?: unknown, ifMatch?: string,
   *           accept?: string, expect: number | number[] }} options
   */
  async request(label, operationId, method, path, { query, body, ifMatch, accept, expect }) {
    const url = new URL(this.baseUrl + path);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }

    const headers = { Accept: accept ?? 'application/json, application/problem+json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.apiKey) headers['X-Api-Key'] = this.apiKey;
    if (ifMatch !== undefined) headers['If-Match'] = ifMatch;

    const problems = [];
    const operation = this.operationFor(method, path);
    if (!operation) {
      problems.push(`no operation of the document matches ${method} ${path}`);
    } else if (operation.operationId !== operationId) {
      problems.push(`meant to exercise ${operationId} but the document says ${method} ${path} is ${operation.operationId}`);
    }

    let response;
    let text = '';
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      text = await response.text();
    } catch (error) {
      problems.push(`request failed: ${error.cause?.message ?? error.message}`);
    }

    let json;
    const contentType = response?.headers.get('content-type') ?? '';
    if (text && /json/.test(contentType)) {
      try {
        json = JSON.parse(text);
      } catch {
        problems.push(`body is not JSON although content-type is ${contentType}`);
      }
    }

    // Prism reports what departs from the document in the sl-violations header; with --errors it also
    // replaces the answer by its own problem (type .../prism/errors#...) carrying the same list.
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
    for (const v of violations) {
      const key = `${v.severity ?? ''} ${(v.location ?? []).join('.')}: ${v.message}`.trim();
      if (!this.violationsByMessage.has(key)) this.violationsByMessage.set(key, new Set());
      this.violationsByMessage.get(key).add(operation?.operationId ?? `${method} ${path}`);
      problems.push(`prism: ${v.severity ?? ''} ${(v.location ?? []).join('.')} ${v.code ?? ''} ${v.message}`.replace(/\s+/g, ' ').trim());
    }
    this.violations += violations.length;

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

    const line = `${String(response?.status ?? '---')} ${method.padEnd(6)} ${url.pathname}${url.search} [${operationId}] ${label}`;
    if (problems.length === 0) {
      this.passed++;
      console.log(`  ok   ${line}`);
    } else {
      this.failed++;
      this.failures.push(line);
      console.log(`  FAIL ${line}`);
      for (const problem of problems) console.log(`         - ${problem}`);
    }

    return { status: response?.status, etag: response?.headers.get('etag') ?? undefined, json, text, ok: problems.length === 0 };
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
    console.log(`\nprism violations: ${this.violations} in ${this.violationsByMessage.size} kind(s)`);
    for (const [message, operations] of [...this.violationsByMessage].sort((a, b) => b[1].size - a[1].size)) {
      console.log(`  ${message}\n    in ${operations.size} operation(s): ${[...operations].sort().join(', ')}`);
    }
  }

  /** Every operationId of the document was exercised at least once: a new operation fails until covered. */
  checkCoverage() {
    const missing = this.operations.filter((op) => !this.exercised.has(op.operationId));
    console.log(`\ncoverage: ${this.operations.length - missing.length} of ${this.operations.length} operations exercised`);
    for (const op of missing) console.log(`  not exercised: ${op.operationId} (${op.method} ${op.template})`);
    this.check(`every operation of the document exercised (${this.operations.length})`, missing.length === 0,
      `${missing.length} missing: ${missing.map((op) => op.operationId).join(', ')}`);
  }
}
