#!/usr/bin/env node
// Swagger UI as a person meets it: the service's /swagger in headless Debian Chromium (playwright-core, no
// browser download). The page loads without console errors, lists every tag of the document, offers the API key
// under "Authorize", and "Try it out" then "Execute" on ListProcedures shows 200 with procedures in the response panel.
//
//   API_URL=http://127.0.0.1:5190 node browser/swagger-ui.mjs [path/to/openapi.json]
//
// Env: API_URL (the service), CHROMIUM (default /usr/bin/chromium), SCREENSHOT (where to save the page).
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const documentPath = process.argv[2] ?? path.resolve(here, '../../../openapi/procedure-catalog.json');
const baseUrl = (process.env.API_URL ?? 'http://127.0.0.1:5190').replace(/\/$/, '');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const screenshot = process.env.SCREENSHOT ?? path.resolve(here, '../.build/swagger-ui.png');
const document = JSON.parse(readFileSync(documentPath, 'utf8'));

let passed = 0;
let failed = 0;
function check(label, condition, detail) {
  if (condition) {
    passed++;
    console.log(`  ok   ${label}`);
  } else {
    failed++;
    console.log(`  FAIL ${label}${detail ? `: ${detail}` : ''}`);
  }
}

// Every tag of the document: the declared ones and those its operations use.
const tags = new Set((document.tags ?? []).map((tag) => tag.name));
for (const item of Object.values(document.paths ?? {})) {
  for (const operation of Object.values(item)) for (const tag of operation?.tags ?? []) tags.add(tag);
}
const listProcedures = Object.entries(document.paths ?? {})
  .flatMap(([template, item]) => Object.entries(item).map(([method, operation]) => ({ template, method, operation })))
  .find(({ operation }) => operation?.operationId === 'ListProcedures');

const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
const consoleErrors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => consoleErrors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));

  const response = await page.goto(`${baseUrl}/swagger`, { waitUntil: 'networkidle' });
  check('/swagger loads (200)', response?.status() === 200, `status ${response?.status()}`);
  await page.waitForSelector('.opblock-tag', { timeout: 20_000 });
  page.setDefaultTimeout(15_000);
  const title = await page.locator('.info .title').first().innerText().catch(() => '');
  check(`the page shows the document's title (${document.info?.title})`, title.includes(document.info?.title ?? '\u0000'), title);

  const shown = new Set(await page.locator('.opblock-tag').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-tag'))));
  const missing = [...tags].filter((tag) => !shown.has(tag));
  check(`every tag of the document is listed (${tags.size}: ${[...tags].join(', ')})`, missing.length === 0, `missing ${missing.join(', ')}`);

  // The document's security schemes (the API key) are offered under "Authorize", so that "Try it out" can write.
  const schemes = Object.keys(document.components?.securitySchemes ?? {});
  if (schemes.length > 0) {
    await page.locator('button.authorize').first().click();
    const offered = await page.locator('.modal-ux .auth-container h4').allInnerTexts().catch(() => []);
    check(`"Authorize" offers the document's security schemes (${schemes.join(', ')})`, schemes.every((scheme) => offered.some((text) => text.includes(scheme))), offered.join(', '));
    await page.locator('.modal-ux button.close-modal').first().click();
  }

  check('the document has ListProcedures', Boolean(listProcedures));
  if (listProcedures) {
    const tag = listProcedures.operation.tags?.[0] ?? 'default';
    const block = page.locator(`#operations-${tag.replace(/\s/g, '_')}-ListProcedures`);
    await block.locator('.opblock-summary').first().click();
    // "Try it out" (the UI may be configured with tryItOutEnabled, which shows "Cancel" in its place).
    const tryOut = block.locator('button.try-out__btn', { hasText: 'Try it out' });
    if (await tryOut.count()) await tryOut.click();
    else console.log('       (Try it out is on already: the button reads "Cancel")');
    await block.locator('button.execute').click();
    const status = block.locator('.live-responses-table .response .response-col_status').first();
    await status.waitFor();
    const code = (await status.innerText()).trim();
    check('Try it out → Execute on ListProcedures answers 200', code === '200', `status ${code}`);
    const body = await block.locator('.live-responses-table .response-col_description .highlight-code pre').first().innerText();
    let items = -1;
    try {
      items = JSON.parse(body).items?.length ?? -1;
    } catch {
      // not JSON: reported below
    }
    check(`the response panel shows procedures (${items} items)`, items > 0, body.slice(0, 200));
    const requestUrl = await block.locator('.request-url pre, .request-url').first().innerText().catch(() => '');
    check('the request went to the procedure list', requestUrl.includes(listProcedures.template), requestUrl);
  }

  mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: false });
  console.log(`  (screenshot: ${screenshot})`);
} catch (error) {
  check('Swagger UI could be driven', false, error.message.split('\n')[0]);
} finally {
  await browser.close();
}

check('no console errors, page errors or failed requests', consoleErrors.length === 0, consoleErrors.join(' | '));
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
