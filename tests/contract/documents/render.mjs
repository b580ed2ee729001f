#!/usr/bin/env node
// The Word documents of the periodic reports, rendered by software we did not write: each is converted to PDF by
// LibreOffice (soffice --headless --convert-to pdf), the PDF to PNG pages by poppler (pdftoppm), and its text taken
// out by poppler (pdftotext). A document renders when the PDF has pages, every page is a PNG image, and the text has
// the report's Vietnamese words with their diacritics intact (composed as the service wrote them, NFC).
//
//   SERVICE_URL=http://127.0.0.1:5190 node documents/render.mjs
//
// Env: SERVICE_URL (the service, with the sample catalogue), SOFFICE (default soffice), OUT (a folder to keep the PDF
//      and PNG pages in; default a temporary one, removed at the end).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const serviceUrl = (process.env.SERVICE_URL ?? 'http://127.0.0.1:5190').replace(/\/$/, '');
const soffice = process.env.SOFFICE ?? 'soffice';
const keep = process.env.OUT;
const work = keep ?? mkdtempSync(path.join(tmpdir(), 'documents-'));
mkdirSync(work, { recursive: true });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let passed = 0;
let failed = 0;
function check(label, condition, detail) {
  if (condition) {
    passed++;
    console.log(`  ok   ${label}`);
  } else {
    failed++;
    console.log(`  FAIL ${label}${detail === undefined ? '' : `: ${String(detail).slice(0, 300)}`}`);
  }
}

/** Words every report has, with the marks a font without Vietnamese glyphs or a broken encoding would lose. */
const WORDS = ['BÁO CÁO', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Thành phố Cần Thơ', 'thủ tục hành chính',
  'Cắt giảm thời gian giải quyết', 'chi phí tuân thủ', 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ', 'XU HƯỚNG CẮT GIẢM', '(Ký, ghi rõ họ tên, đóng dấu)'];

const reports = [
  ['monthly', {}],
  ['quarterly', {}],
  ['yearly', {}],
];

try {
  for (const [kind, query] of reports) {
    console.log(`\n${kind} report of Cần Thơ (92), its latest period`);
    const url = new URL(`${serviceUrl}/api/v1/reports/${kind}`);
    for (const [name, value] of Object.entries({ jurisdiction: '92', ...query })) url.searchParams.set(name, value);
    const answer = await fetch(url, { headers: { Accept: DOCX } });
    const bytes = new Uint8Array(await answer.arrayBuffer());
    check(`the service answers a Word document (${answer.status}, ${answer.headers.get('content-type')}, ${bytes.length} bytes)`,
      answer.status === 200 && answer.headers.get('content-type') === DOCX && bytes[0] === 0x50 && bytes[1] === 0x4b);
    if (answer.status !== 200) continue;

    const docx = path.join(work, `${kind}.docx`);
    writeFileSync(docx, bytes);
    // A profile of its own, so that a LibreOffice already running (or a first start's dialogs) cannot get in the way.
    const profile = `file://${path.join(work, `profile-${kind}`)}`;
    try {
      execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, docx],
        { stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
    } catch (error) {
      check('LibreOffice converts it to PDF', false, error.stderr?.toString() || error.message);
      continue;
    }
    const pdf = path.join(work, `${kind}.pdf`);
    const header = readFileSync(pdf).subarray(0, 5).toString('latin1');
    check(`LibreOffice converts it to PDF (${readFileSync(pdf).length} bytes)`, header === '%PDF-');

    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1] ?? 0);
    execFileSync('pdftoppm', ['-r', '50', '-png', pdf, path.join(work, `${kind}-page`)], { timeout: 120_000 });
    const images = readdirSync(work).filter((name) => name.startsWith(`${kind}-page`) && name.endsWith('.png'));
    const pngs = images.filter((name) => {
      const image = readFileSync(path.join(work, name));
      return image.length > 1000 && image[0] === 0x89 && image.subarray(1, 4).toString('latin1') === 'PNG';
    });
    check(`the PDF has pages (${pages}) and pdftoppm renders each as a PNG (${pngs.length})`, pages >= 2 && pngs.length === pages);

    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8').normalize('NFC');
    const flat = text.replace(/\s+/g, ' ');
    const missing = WORDS.filter((word) => !flat.includes(word));
    check(`pdftotext finds the Vietnamese words with their diacritics (${WORDS.length - missing.length}/${WORDS.length})`, missing.length === 0, `missing: ${missing.join(' | ')}`);
    check('the figures are written the Vietnamese way (33,33 %, dates dd/mm/yyyy)', /\d+,\d\d\s?%/.test(flat) && /\d\d\/\d\d\/20\d\d/.test(flat), flat.slice(0, 200));
    check('no character was lost to a missing glyph (no U+FFFD, no "?" inside a word)', !text.includes('\uFFFD') && !/\p{L}\?\p{L}/u.test(text));
  }
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}

console.log(`documents: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
