#!/usr/bin/env node
// Breaking-change check of the committed OpenAPI document against an earlier version of it.
// The comparison is Optic's (`optic diff --check`, its breaking-changes standard, offline, telemetry off):
// removed operations, removed or newly required parameters and request properties, changed types,
// removed response properties or status codes, removed enum values, ... and two rules of ours for what Optic's
// standard does not see (requirementsAdded): an existing operation that needed no credentials and now has a
// security requirement, and an existing operation that now answers 428 Precondition Required. Either way a request
// that worked fails. This script chooses the base, and lets breaking changes through only when info.version's
// major number was raised.
//
//   node breaking/check.mjs                 the document against its version on HEAD~1
//   BREAKING_BASE=origin/main node breaking/check.mjs     against another git revision
//   BREAKING_BASE_FILE=old.json node breaking/check.mjs   against a file
//   node breaking/check.mjs --self-test     the fixtures in breaking/fixtures must be judged as their names say
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
const repo = path.resolve(packageDir, '../..');
const documentRelative = 'openapi/procedure-catalog.json';
const optic = path.join(packageDir, 'node_modules/.bin/optic');

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** The security requirements that apply to an operation: its own, else the document's. */
function securityOf(document, operation) {
  return operation.security ?? document.security ?? [];
}

/** Open: callable without credentials (no requirement, or an empty alternative `{}`). */
function isOpen(requirements) {
  return requirements.length === 0 || requirements.some((requirement) => Object.keys(requirement).length === 0);
}

/**
 * Breaking changes Optic's standard does not report, on operations present in both documents (matched by method and
 * path, parameter names aside): a security requirement where there was none, and a newly documented 428.
 */
export function requirementsAdded(base, head) {
  const shape = (template) => template.replace(/\{[^}]+\}/g, '{}');
  const before = new Map();
  for (const [template, item] of Object.entries(base.paths ?? {})) {
    for (const method of METHODS) if (item?.[method]) before.set(`${method} ${shape(template)}`, item[method]);
  }
  const findings = [];
  for (const [template, item] of Object.entries(head.paths ?? {})) {
    for (const method of METHODS) {
      const now = item?.[method];
      const then = now && before.get(`${method} ${shape(template)}`);
      if (!then) continue;
      const name = `${method.toUpperCase()} ${template}`;
      const [was, is] = [securityOf(base, then), securityOf(head, now)];
      if (isOpen(was) && !isOpen(is)) {
        const schemes = [...new Set(is.flatMap((requirement) => Object.keys(requirement)))].join(' or ');
        findings.push(`${name}: now needs credentials (${schemes}); it needed none. This is a breaking change.`);
      }
      if (!('428' in (then.responses ?? {})) && '428' in (now.responses ?? {})) {
        findings.push(`${name}: now answers 428 Precondition Required; requests without the precondition (If-Match) that worked fail. This is a breaking change.`);
      }
    }
  }
  return findings;
}

function major(document) {
  const match = /^v?(\d+)/.exec(String(document?.info?.version ?? ''));
  return match ? Number(match[1]) : undefined;
}

/**
 * Compares two documents. Returns { ok, breaking, majorRaised, output }: breaking when Optic finds a breaking change,
 * majorRaised when the head raised info.version's major number, ok when nothing breaking is found or the major was raised.
 */
export function compare(baseFile, headFile) {
  const base = JSON.parse(readFileSync(baseFile, 'utf8'));
  const head = JSON.parse(readFileSync(headFile, 'utf8'));
  const standard = path.join(here, 'optic-standard.yml');
  // Run in a scratch folder: with CI set, optic writes ci-run-details.json into its working directory.
  const cwd = mkdtempSync(path.join(tmpdir(), 'optic-'));
  const result = spawnSync(optic, ['diff', path.resolve(baseFile), path.resolve(headFile), '--check', '--standard', standard, '--severity', 'error'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, OPTIC_TELEMETRY_LEVEL: 'off', NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 120_000,
  });
  rmSync(cwd, { recursive: true, force: true });
  let output = `${result.stdout ?? ''}${result.stderr ?? ''}`.replace(/.*Unknown user config "nodedir".*\n/g, '');
  if (result.error || result.status === null) {
    return { ok: false, breaking: false, majorRaised: false, output: `${output}\noptic did not run: ${result.error?.message ?? result.signal}` };
  }
  const opticBreaking = result.status !== 0;
  if (opticBreaking && !/This is a breaking change/.test(output)) {
    // A non-zero exit without a breaking-change finding: optic failed (e.g. an invalid document). Never a pass.
    return { ok: false, breaking: false, majorRaised: false, output: `${output}\noptic exited ${result.status} without naming a breaking change` };
  }
  const added = requirementsAdded(base, head);
  if (added.length > 0) {
    output += `\nRequirements added to existing operations (${added.length}; rules of breaking/check.mjs, not Optic's):\n`
      + added.map((finding) => `  x ${finding}`).join('\n') + '\n';
  }
  const breaking = opticBreaking || added.length > 0;
  // Optic's standard already skips its rules when the major version changes; this says so in the verdict and
  // keeps the policy if Optic's default ever changes.
  const [from, to] = [major(base), major(head)];
  const majorRaised = from !== undefined && to !== undefined && to > from;
  return { ok: !breaking || majorRaised, breaking, majorRaised, output, versions: `${base.info?.version} → ${head.info?.version}` };
}

function selfTest() {
  const fixtures = path.join(here, 'fixtures');
  const base = path.join(fixtures, 'base.json');
  const cases = [
    ['removed-operation', false],
    ['added-optional-parameter', true],
    ['newly-required-parameter', false],
    ['newly-required-property', false],
    ['changed-type', false],
    ['removed-response-property', false],
    ['removed-enum-value', false],
    ['removed-operation-minor-raised', false],
    ['removed-operation-major-raised', true],
    ['security-added', false],
    ['precondition-required-added', false],
    ['added-secured-operation', true],
  ];
  let passed = 0;
  let failed = 0;
  for (const [name, shouldPass] of cases) {
    const result = compare(base, path.join(fixtures, `${name}.json`));
    const verdict = !result.ok ? (result.breaking ? 'breaking' : 'error') : result.majorRaised ? 'passes (major version raised)' : 'not breaking';
    const right = result.ok === shouldPass && (shouldPass || result.breaking);
    if (right) passed++;
    else failed++;
    console.log(`  ${right ? 'ok  ' : 'FAIL'} ${name}: ${verdict}, expected ${shouldPass ? 'to pass' : 'to be flagged'}`);
    if (!right) console.log(result.output.replace(/^/gm, '       '));
  }
  return { passed, failed };
}

function check() {
  const headFile = path.join(repo, documentRelative);
  const scratch = mkdtempSync(path.join(tmpdir(), 'breaking-'));
  try {
    let baseFile = process.env.BREAKING_BASE_FILE;
    let baseName = baseFile;
    if (!baseFile) {
      const revision = process.env.BREAKING_BASE || 'HEAD~1';
      baseName = `${revision}:${documentRelative}`;
      const shown = spawnSync('git', ['show', baseName], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (shown.status !== 0) {
        // No base to compare with (first commit, a shallow clone, or the file is new there): say so, loudly.
        console.log(`  SKIP no base document: git show ${baseName} failed (${shown.stderr.trim().split('\n')[0]}); nothing to compare`);
        return { passed: 1, failed: 0 };
      }
      baseFile = path.join(scratch, 'base.json');
      writeFileSync(baseFile, shown.stdout);
    } else if (!existsSync(baseFile)) {
      console.log(`  FAIL BREAKING_BASE_FILE ${baseFile} does not exist`);
      return { passed: 0, failed: 1 };
    }
    const result = compare(baseFile, headFile);
    // Optic's full report when something is wrong (or BREAKING_VERBOSE is set), its headline otherwise.
    const lines = result.output.split('\n').filter((line) => line.trim() !== '' && !/--web flag|useoptic\.com/.test(line));
    const shown = result.ok && !process.env.BREAKING_VERBOSE ? lines.slice(0, 3) : lines;
    console.log(shown.map((line) => `       ${line}`).join('\n'));
    if (result.ok && result.majorRaised) console.log(`  ok   ${documentRelative} against ${baseName}: the major version was raised, breaking changes allowed (${result.versions})`);
    else if (result.ok) console.log(`  ok   ${documentRelative} against ${baseName}: no breaking change (${result.versions})`);
    else if (result.breaking) console.log(`  FAIL ${documentRelative} against ${baseName}: breaking change without raising the major version (${result.versions}); raise info.version's major or keep the old contract`);
    else console.log(`  FAIL ${documentRelative} against ${baseName}: the comparison failed`);
    return result.ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { passed, failed } = process.argv.includes('--self-test') ? selfTest() : check();
  console.log(`breaking: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
