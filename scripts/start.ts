/**
 * `npm start`: the demo sites and Chromium with the built extension.
 * With a display: one tab per scenario in a real window, until Ctrl-C.
 * Without one: visits each scenario headless, prints the verdicts, saves a popup
 * screenshot per scenario, and exits 1 if any verdict is not the expected one.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchExtensionBrowser, type ExtensionBrowser } from '../demo/browser';
import { SCENARIOS, sameFindings, type Scenario } from '../demo/scenarios';
import { startDemoServers, type DemoServers } from '../demo/server';
import { visit } from '../demo/visit';

const SCREENSHOTS = fileURLToPath(new URL('../.demo/screenshots/', import.meta.url));
/** How long a scenario may take to reach its expected verdict (the late one needs 2 s). */
const SETTLE_MS = 6_000;

interface Row {
  scenario: Scenario;
  url: string;
  level: string;
  findings: string[];
}

function hasDisplay(): boolean {
  return Boolean(process.env.DISPLAY) || Boolean(process.env.WAYLAND_DISPLAY);
}

function printTable(rows: readonly Row[]): void {
  const cells = [['scenario', 'URL', 'level', 'findings'], ...rows.map((r) => [r.scenario.name, r.url, r.level, r.findings.join(', ') || '—'])];
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  const line = (row: string[]): string => row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ').trimEnd();
  console.log(line(cells[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of cells.slice(1)) console.log(line(row));
}

/** Headless: judge every scenario, show the table, keep a popup screenshot of each. */
async function runHeadless(servers: DemoServers, browser: ExtensionBrowser): Promise<number> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const rows: Row[] = [];
  for (const scenario of SCENARIOS) {
    const url = scenario.url(servers);
    const giveUpAt = Date.now() + SETTLE_MS;
    // Wait for the page's own report, then (for pages that change later) for the expected
    // level, or give up and show what the extension says by then.
    const { tabId } = await visit(browser, url, { until: (s) => s.level === scenario.expected.level || Date.now() > giveUpAt, timeoutMs: SETTLE_MS + 4_000 });
    const state = await browser.tabState(tabId, { screenshotPath: `${SCREENSHOTS}${scenario.name}.png` });
    rows.push({ scenario, url, level: state.level, findings: state.findings });
  }
  printTable(rows);
  console.log(`\nPopup screenshots (one per scenario): ${SCREENSHOTS}`);
  const wrong = rows.filter((r) => r.level !== r.scenario.expected.level || !sameFindings(r.findings, r.scenario.expected.findings));
  for (const r of wrong) {
    console.error(`UNEXPECTED ${r.scenario.name}: expected ${r.scenario.expected.level} [${r.scenario.expected.findings.join(', ')}]`);
  }
  return wrong.length === 0 ? 0 : 1;
}

/** With a display: a tab per scenario to click through, until Ctrl-C or the window closes. */
async function runHeadful(servers: DemoServers, browser: ExtensionBrowser): Promise<number> {
  const [first] = browser.context.pages();
  for (const [index, scenario] of SCENARIOS.entries()) {
    const page = index === 0 && first ? first : await browser.context.newPage();
    await page.goto(scenario.url(servers));
    console.log(`${scenario.name.padEnd(24)} ${scenario.url(servers)}  (${scenario.description})`);
  }
  console.log(`\nExtension ${browser.extensionId} loaded. Press Ctrl-C to stop.`);
  await new Promise<void>((resolve) => {
    // `on`, not `once`: Ctrl-C reaches this process twice (from the terminal and relayed by
    // tsx), and a second SIGINT with no listener would kill it before the cleanup.
    process.on('SIGINT', () => { resolve(); });
    process.on('SIGTERM', () => { resolve(); });
    browser.context.once('close', () => { resolve(); });
  });
  return 0;
}

async function main(): Promise<number> {
  const servers = await startDemoServers();
  try {
    const headless = !hasDisplay();
    const browser = await launchExtensionBrowser({ headless });
    try {
      return await (headless ? runHeadless(servers, browser) : runHeadful(servers, browser));
    } finally {
      await browser.close();
    }
  } finally {
    await servers.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
