// The demo's web pages in a real headless Chromium (Debian's, never a downloaded one), driven by playwright-core.
// Run by WebPageIT against a running `./encore demo` it has fed; usable by hand too:
//   node web-page.mjs --config run.json
// run.json: { baseUrl, screenshotDir, userDataDir, chromium?, guests: [{ id, firstName, kind, kindConcertIds }] × 2,
//             rowTimeoutMs?, actionTimeoutMs? }
// Each step prints "▶ step"; a failure prints "✘ <step>: <what was expected> — seen: <what was seen>" and exits 1.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

// The flags this machine needs: no sandbox as root, and nothing that calls out to Google's services, which a
// closed network refuses (many connections at each start otherwise).
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// Every chart container of the operator view (docs/web.md, "Hooks for browser tests").
const OPERATOR_CHARTS = ['throughput', 'lag', 'latency', 'changes', 'bandit-shares', 'bandit-posteriors', 'uplift',
  'uplift-history', 'value-groups', 'segments', 'transitions-segments', 'transitions-values', 'cluster-map', 'audiences'];
// Charts that must hold data once the test has fed the demo: records were written, lists were made, guests exist.
const CHARTS_WITH_DATA = ['throughput', 'bandit-shares', 'segments'];
const POLL_MS = 250;

class StepFailure extends Error {}

const config = readConfig(process.argv.slice(2));
const rowTimeoutMs = config.rowTimeoutMs ?? 30000;
const actionTimeoutMs = config.actionTimeoutMs ?? 20000;
const problems = []; // console errors and uncaught exceptions, on any page
const screenshots = [];
let currentStep = 'start';
let context;
let page;

function readConfig(args) {
  const at = args.indexOf('--config');
  if (at < 0 || !args[at + 1]) {
    console.error('usage: node web-page.mjs --config <run.json>');
    process.exit(2);
  }
  return JSON.parse(readFileSync(args[at + 1], 'utf8'));
}

function step(name) {
  currentStep = name;
  console.log(`▶ ${name}`);
}

function fail(expected, seen) {
  throw new StepFailure(`${expected} — seen: ${seen}`);
}

function note(text) {
  console.log(`  ${text}`);
}

/** Polls probe() until accept(value) holds; fails with the last value seen. */
async function waitFor(what, probe, accept, timeoutMs, describe = JSON.stringify) {
  const started = Date.now();
  let last;
  for (;;) {
    last = await probe();
    if (accept(last)) {
      return { value: last, tookMs: Date.now() - started };
    }
    if (Date.now() - started > timeoutMs) {
      fail(`${what} within ${timeoutMs / 1000} s`, describe(last));
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function watch(target, label) {
  target.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location();
      problems.push(`${label()}: console error: ${message.text()}${where && where.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
    }
  });
  target.on('pageerror', (error) => problems.push(`${label()}: uncaught ${error.name}: ${error.message}`));
}

async function screenshot(name) {
  const file = path.resolve(config.screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  screenshots.push(file);
  note(`screenshot ${file}`);
}

async function open(pathname) {
  const response = await page.goto(new URL(pathname, config.baseUrl).href, { waitUntil: 'load' });
  if (!response || response.status() !== 200) {
    fail(`${pathname} answers 200`, response ? `HTTP ${response.status()}` : 'no response');
  }
  await page.waitForFunction(() => window.encoreReady === true && document.body.dataset.ready === 'true', null,
    { timeout: 20000 }).catch(() => fail(`${pathname} sets window.encoreReady`, 'not set after 20 s'));
}

/** The concert ids of the "Selected for you" row, in rank order. */
function row() {
  return page.$$eval('[data-testid="selected-cards"] [data-testid="rec-card"]', (cards) => cards.map((card) => card.dataset.concertId));
}

async function pickGuest(guest) {
  await page.getByTestId('guest-picker-toggle').click();
  await page.getByTestId('guest-search').fill(guest.firstName);
  const option = page.locator(`[data-testid="guest-option"][data-guest-id="${guest.id}"]`);
  await option.waitFor({ timeout: 10000 }).catch(async () => fail(`the picker lists ${guest.id} when searching "${guest.firstName}"`,
    JSON.stringify(await page.$$eval('[data-testid="guest-option"]', (all) => all.map((o) => o.dataset.guestId)))));
  await option.click();
  await waitFor(`the page acts as ${guest.firstName}`, () => page.getByTestId('current-guest').textContent(),
    (text) => text.includes(guest.firstName), 10000);
  const greeting = await page.getByTestId('greeting').textContent();
  if (!greeting.includes(guest.firstName)) {
    fail(`the greeting names ${guest.firstName}`, JSON.stringify(greeting));
  }
}

/** Waits until the row's first card is a concert of the guest's kind (the list may still follow older events). */
async function rowOf(guest) {
  const { value, tookMs } = await waitFor(`${guest.firstName}'s row starts with a ${guest.kind} concert (${guest.kindConcertIds.join(', ')})`,
    row, (ids) => ids.length > 0 && guest.kindConcertIds.includes(ids[0]), rowTimeoutMs);
  const source = await page.getByTestId('selected-row').getAttribute('data-source');
  note(`${guest.firstName} (${guest.id}) sees [${value.join(', ')}] from ${source} (${tookMs} ms)`);
  return value;
}

async function buyTopCard(guest, ids) {
  const bought = ids[0];
  const card = page.locator(`[data-testid="rec-card"][data-concert-id="${bought}"]`);
  await card.getByTestId('action-buy').click();
  const dialog = page.getByTestId('buy-dialog');
  await dialog.waitFor({ state: 'visible', timeout: 5000 }).catch(() => fail('the buy dialog opens', 'it stayed closed'));
  await page.getByTestId('buy-seats').selectOption('2');
  const clicked = Date.now();
  await page.getByTestId('buy-confirm').click();
  const item = page.getByTestId('activity-item').first();
  await item.waitFor({ timeout: 10000 }).catch(() => fail('the purchase is listed under "What you did"', 'nothing listed'));
  if ((await item.getAttribute('class') || '').includes('failed')) {
    fail('the purchase is accepted (202)', await item.innerText());
  }
  note(`${guest.firstName} bought 2 seats for ${bought}: ${(await item.innerText()).replace(/\s+/g, ' ').trim()}`);
  const { value } = await waitFor(`${bought} leaves ${guest.firstName}'s row after the purchase`, row,
    (now) => now.length > 0 && !now.includes(bought), actionTimeoutMs);
  const status = (await page.getByTestId('row-status').textContent()).trim();
  note(`row changed ${Date.now() - clicked} ms after the click: [${value.join(', ')}]; the page says "${status}"`);
}

async function operatorView() {
  await open('/operator');
  const found = await page.$$eval('[data-testid^="chart-"]', (all) => all.map((chart) => chart.dataset.testid.substring(6)));
  const missing = OPERATOR_CHARTS.filter((name) => !found.includes(name));
  if (missing.length) {
    fail(`the operator view has every chart container (${OPERATOR_CHARTS.join(', ')})`, `missing ${missing.join(', ')}`);
  }
  const states = () => page.$$eval('[data-testid^="chart-"]', (all) => Object.fromEntries(all.map((chart) =>
    [chart.dataset.testid.substring(6), `${chart.dataset.rendered === 'true' ? 'rendered' : 'not rendered'}, data=${chart.dataset.hasData}`])));
  await waitFor('every chart container has data-rendered="true"', states,
    (seen) => Object.values(seen).every((state) => state.startsWith('rendered')), 20000);
  const { value } = await waitFor(`charts ${CHARTS_WITH_DATA.join(', ')} show data (data-has-data="true")`, states,
    (seen) => CHARTS_WITH_DATA.every((name) => seen[name] && seen[name].endsWith('data=true')), 20000);
  note(`charts: ${Object.entries(value).map(([name, state]) => `${name} (${state})`).join('; ')}`);
}

async function main() {
  mkdirSync(config.screenshotDir, { recursive: true });
  const [first, second] = config.guests;

  step(`launch Chromium ${config.chromium}`);
  context = await chromium.launchPersistentContext(config.userDataDir, {
    executablePath: config.chromium, headless: true, args: CHROMIUM_FLAGS,
    viewport: { width: 1366, height: 900 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen',
  });
  note(`Chromium ${context.browser() ? context.browser().version() : ''}`.trim());
  page = context.pages()[0] || await context.newPage();
  watch(page, () => page.url());

  step('open the front page');
  await open('/');

  step(`pick ${first.firstName} and read the "Selected for you" row`);
  await pickGuest(first);
  const firstRow = await rowOf(first);

  step(`pick ${second.firstName} and read the row`);
  await pickGuest(second);
  const secondRow = await rowOf(second);
  await screenshot(`front-page-${second.firstName.toLowerCase()}`);

  step('the two guests see different rows');
  if (firstRow.join() === secondRow.join()) {
    fail(`${first.firstName} and ${second.firstName} see different rows`, `both [${firstRow.join(', ')}]`);
  }
  note(`${first.firstName} first: ${firstRow[0]}; ${second.firstName} first: ${secondRow[0]}`);

  step(`as ${first.firstName}, buy the top card and wait for the row to change`);
  await pickGuest(first);
  const before = await rowOf(first);
  await screenshot(`front-page-${first.firstName.toLowerCase()}`);
  await buyTopCard(first, before);
  await screenshot(`front-page-${first.firstName.toLowerCase()}-after-purchase`);

  step('open the operator view and wait for every chart');
  await operatorView();
  await screenshot('operator');

  step('no console errors or uncaught exceptions on any page');
  if (problems.length) {
    fail('no console errors or page errors', `\n    ${problems.join('\n    ')}`);
  }
}

try {
  await main();
  console.log(`✔ all steps passed; screenshots:\n${screenshots.map((file) => `  ${file}`).join('\n')}`);
} catch (error) {
  const message = error instanceof StepFailure ? error.message : (error && error.stack) || String(error);
  if (page && !page.isClosed()) {
    await screenshot(`failure-${currentStep.replace(/[^a-z0-9]+/gi, '-').toLowerCase().substring(0, 60)}`).catch(() => {});
  }
  if (problems.length) {
    console.log(`  console errors so far:\n    ${problems.join('\n    ')}`);
  }
  console.log(`✘ ${currentStep}: ${message}`);
  process.exitCode = 1;
} finally {
  if (context) {
    await context.close().catch(() => {});
  }
}
