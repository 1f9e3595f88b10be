/**
 * A phone in the room opening the live view: Debian's Chromium under the usual mobile profile (CPU 4× slower,
 * 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency, 390×844, touch, cold cache), timed from the start of the
 * navigation until the meeting's title and current item are on the screen. A bare HTML page with the same
 * text, served by the same server, is measured in the same run as the floor.
 */
import { cp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { log } from './log.js';
import { summarize, type LatencySummary } from './stats.js';

export const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
const BASELINE_PAGE = 'bench-phone-baseline.html';

export const MOBILE_PROFILE = {
  cpuSlowdown: 4,
  latencyMs: 150,
  downloadBitsPerSecond: 1_600_000,
  uploadBitsPerSecond: 750_000,
  viewport: { width: 390, height: 844 },
} as const;

const USER_AGENT =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36';

export interface PhoneTexts {
  meetingTitle: string;
  currentItemTitle: string;
}

interface Visit {
  visibleMs: number;
  bytes: number;
  requests: number;
  /** Main-thread time by kind until the texts were visible (Chromium's Performance.getMetrics). */
  scriptMs: number;
  layoutAndStyleMs: number;
  taskMs: number;
}

export interface PageFigures {
  visibleMs: LatencySummary;
  scriptMs: LatencySummary;
  layoutAndStyleMs: LatencySummary;
  taskMs: LatencySummary;
  /** Bytes on the wire (headers and bodies) until the texts were visible, per run. */
  bytes: LatencySummary;
  requests: LatencySummary;
}

export interface PhoneResult {
  runs: number;
  profile: typeof MOBILE_PROFILE;
  texts: PhoneTexts;
  live: PageFigures;
  /** The same page opened again in the same browser profile: what caching saves on the next visit. */
  liveWarm: PageFigures;
  baseline: PageFigures;
  /** The machine's 1-minute load average before and after: the figures are only comparable at similar load. */
  loadAverage: { before: number; after: number };
}

/** The client's build copied to `dir`, where the bare baseline page will be put beside it. */
export async function copyClient(builtClient: string, dir: string): Promise<void> {
  await cp(builtClient, dir, { recursive: true });
}

/** The bare baseline page, served by the server under test the same way as the client's files. */
export async function writeBaselinePage(dir: string, texts: PhoneTexts): Promise<void> {
  const escape = (text: string) =>
    text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
  await writeFile(
    path.join(dir, BASELINE_PAGE),
    `<!doctype html><html lang="sv"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(texts.meetingTitle)}</title></head>` +
      `<body><h1>${escape(texts.meetingTitle)}</h1><p>${escape(texts.currentItemTitle)}</p></body></html>`,
  );
}

// Runs in the page from its first script on: the time (from navigation start) of the first frame in which
// both texts are rendered (innerText leaves out what is not displayed). A string, not a function: tsx would
// add helpers to a function's source that the page does not have.
function watchForTexts(texts: PhoneTexts): string {
  return `(() => {
    const wanted = ${JSON.stringify([texts.meetingTitle, texts.currentItemTitle])};
    const check = () => {
      const text = document.body ? document.body.innerText : '';
      if (wanted.every((w) => text.includes(w))) window.__textsVisibleAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })();`;
}

async function visit(context: BrowserContext, url: string, texts: PhoneTexts): Promise<Visit> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Performance.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: MOBILE_PROFILE.latencyMs,
      downloadThroughput: MOBILE_PROFILE.downloadBitsPerSecond / 8,
      uploadThroughput: MOBILE_PROFILE.uploadBitsPerSecond / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE_PROFILE.cpuSlowdown });
    let bytes = 0;
    let requests = 0;
    let counting = true;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      if (!counting) return;
      bytes += event.encodedDataLength;
      requests++;
    });
    await page.addInitScript({ content: watchForTexts(texts) });
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    const handle = await page
      .waitForFunction(
        () => (window as unknown as { __textsVisibleAt?: number }).__textsVisibleAt,
        undefined,
        {
          timeout: 60_000,
          polling: 100,
        },
      )
      .catch(async (error: unknown) => {
        const shown = await page.evaluate(() => document.body.innerText).catch(() => '');
        throw new Error(
          `${url}: the texts never showed (${String(error)}); the page showed: ${shown.slice(0, 500)}`,
        );
      });
    const visibleMs = Math.round((await handle.jsonValue()) as number);
    counting = false;
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const ms = (name: string) => Math.round((metrics.find((m) => m.name === name)?.value ?? NaN) * 1000);
    return {
      visibleMs,
      bytes,
      requests,
      scriptMs: ms('ScriptDuration'),
      layoutAndStyleMs: ms('LayoutDuration') + ms('RecalcStyleDuration'),
      taskMs: ms('TaskDuration'),
    };
  } finally {
    await page.close();
  }
}

function figures(visits: Visit[]): PageFigures {
  return {
    visibleMs: summarize(visits.map((v) => v.visibleMs)),
    scriptMs: summarize(visits.map((v) => v.scriptMs)),
    layoutAndStyleMs: summarize(visits.map((v) => v.layoutAndStyleMs)),
    taskMs: summarize(visits.map((v) => v.taskMs)),
    bytes: summarize(visits.map((v) => v.bytes)),
    requests: summarize(visits.map((v) => v.requests)),
  };
}

export async function phoneOpensLiveView(
  httpUrl: string,
  meetingId: string,
  texts: PhoneTexts,
  runs: number,
): Promise<PhoneResult> {
  const loadBefore = os.loadavg()[0] ?? NaN;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const live: Visit[] = [];
  const liveWarm: Visit[] = [];
  const baseline: Visit[] = [];
  try {
    const newContext = () =>
      browser.newContext({
        viewport: MOBILE_PROFILE.viewport,
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
        userAgent: USER_AGENT,
        locale: 'sv-SE',
      });
    for (let run = 0; run < runs; run++) {
      // A fresh context per visit: an empty cache and new connections.
      const liveContext = await newContext();
      try {
        live.push(await visit(liveContext, `${httpUrl}/moten/${meetingId}/live`, texts));
        liveWarm.push(await visit(liveContext, `${httpUrl}/moten/${meetingId}/live`, texts));
      } finally {
        await liveContext.close();
      }
      const baselineContext = await newContext();
      try {
        baseline.push(await visit(baselineContext, `${httpUrl}/${BASELINE_PAGE}`, texts));
      } finally {
        await baselineContext.close();
      }
      log(
        `phone run ${run + 1}/${runs}: live ${live.at(-1)?.visibleMs} ms (${live.at(-1)?.bytes} B), ` +
          `again ${liveWarm.at(-1)?.visibleMs} ms, baseline ${baseline.at(-1)?.visibleMs} ms; ` +
          `live main thread: script ${live.at(-1)?.scriptMs} ms, layout/style ${live.at(-1)?.layoutAndStyleMs} ms, ` +
          `tasks ${live.at(-1)?.taskMs} ms; load average ${os.loadavg()[0]?.toFixed(1)}`,
      );
    }
  } finally {
    await browser.close();
  }
  return {
    runs,
    profile: MOBILE_PROFILE,
    texts,
    live: figures(live),
    liveWarm: figures(liveWarm),
    baseline: figures(baseline),
    loadAverage: { before: loadBefore, after: os.loadavg()[0] ?? NaN },
  };
}
