import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trackers as trackersCommand } from '../../../src/cli/trackers-command';
import { runInProcess } from './run-in-process';

async function trackers(args: string[], stdin?: string) {
  const result = await runInProcess(trackersCommand, args, stdin);
  const lines = result.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { ...result, lines };
}

function harFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'thg-har-')), 'portal.har');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const entry = (pageref: string | undefined, url: string) => ({ ...(pageref ? { pageref } : {}), request: { method: 'GET', url, headers: [] }, response: { status: 200 } });

describe('trackers command line', () => {
  it('prints one line per third-party organisation of a HAR export, with its pages and request count', async () => {
    const file = harFile({
      log: {
        version: '1.2',
        pages: [
          { id: 'page_1', title: 'https://portal.clinic.example/intake?patient=42' },
          { id: 'page_2', title: 'Appointments' },
        ],
        entries: [
          entry('page_1', 'https://portal.clinic.example/intake?patient=42'),
          entry('page_1', 'https://connect.facebook.net/en_US/fbevents.js'),
          entry('page_1', 'https://www.facebook.com/tr/?id=1&ev=PageView'),
          entry('page_2', 'https://portal.clinic.example/appointments'),
          entry('page_2', 'https://www.facebook.com/tr/?id=1&ev=Schedule'),
          entry('page_2', 'https://www.facebook.com/track/unrelated'),
        ],
      },
    });
    const { code, lines, stderr } = await trackers([file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lines).toEqual([
      {
        organisation: 'Meta',
        category: 'advertising',
        services: ['Meta Pixel'],
        endpoints: ['connect.facebook.net/*/fbevents.js', 'www.facebook.com/tr'],
        hosts: ['connect.facebook.net', 'www.facebook.com'],
        requests: 3,
        pages: ['https://portal.clinic.example/intake', 'https://portal.clinic.example/appointments'],
      },
    ]);
  });

  it('leaves out the page\u2019s own domain', async () => {
    const file = harFile({ log: { pages: [{ id: 'p', title: 'https://www.facebook.com/' }], entries: [entry('p', 'https://www.facebook.com/tr/?id=1')] } });
    expect((await trackers([file])).lines).toEqual([]);
  });

  it('reads request URLs on stdin, with --page for the first-party rule', async () => {
    const stdin = 'https://www.facebook.com/tr?id=1\n\nhttps://example.org/app.js\n';
    expect((await trackers([], stdin)).lines).toMatchObject([{ organisation: 'Meta', requests: 1, pages: [] }]);
    expect((await trackers(['--page', 'https://facebook.com/x'], stdin)).lines).toEqual([]);
  });

  it('exits 2 with one line on a bad file or bad input', async () => {
    const cases: [string[], string, RegExp][] = [
      [[harFile('{not json')], '', /is not JSON/],
      [[harFile({ log: { entries: [{ request: {} }] } })], '', /not a HAR file: log\.entries\[0\]\.request\.url/],
      [[harFile({ version: 1 })], '', /not a HAR file: log/],
      [['/nonexistent/file.har'], '', /cannot read .*ENOENT/],
      [[], 'not a url\n', /1 line is no http\(s\) URL/],
      [['a.har', 'b.har'], '', /one HAR file at a time/],
    ];
    for (const [args, stdin, message] of cases) {
      const { code, stderr, stdout } = await trackers(args, stdin);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stdout).toBe('');
    }
  });
});
