// Opens an HTML file in headless Chromium and checks it the way a reader
// would see it, over the DevTools protocol on a pipe (no network, no npm
// package): no console message of level error or warning, no exception, no
// dialog (an alert() that ran), no <script> element; the rendered text
// contains every --expect string. --screenshot writes the first screen.
//
// Usage: node chromium-page.mjs CHROMIUM FILE.html [--expect TEXT]...
//                               [--screenshot OUT.png] [--width N] [--height N]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [chromiumPath, htmlFile, ...rest] = process.argv.slice(2);
const expected = [];
let screenshot = null;
let width = 1280;
let height = 1600;
for (let i = 0; i < rest.length; i += 2) {
  const [flag, value] = [rest[i], rest[i + 1]];
  if (flag === '--expect') expected.push(value);
  else if (flag === '--screenshot') screenshot = value;
  else if (flag === '--width') width = Number(value);
  else if (flag === '--height') height = Number(value);
  else throw new Error(`unknown option ${flag}`);
}

const profile = mkdtempSync(join(tmpdir(), 'pdflow-chromium-'));
const browser = spawn(chromiumPath, [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions', '--mute-audio',
  `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });

let stderr = '';
browser.stderr.on('data', (d) => { stderr += d; });

// The pipe protocol: JSON messages separated by NUL bytes.
const toBrowser = browser.stdio[3];
const fromBrowser = browser.stdio[4];
let nextId = 1;
const pending = new Map();
const listeners = [];
let buffer = '';
fromBrowser.on('data', (chunk) => {
  buffer += chunk.toString('utf8');
  let end;
  while ((end = buffer.indexOf('\0')) >= 0) {
    const message = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    if (message.id && pending.has(message.id)) {
      const { resolveCall, rejectCall } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) rejectCall(new Error(JSON.stringify(message.error)));
      else resolveCall(message.result);
    } else if (message.method) {
      for (const listener of listeners) listener(message);
    }
  }
});

function send(method, params = {}, sessionId = undefined) {
  const id = nextId++;
  toBrowser.write(JSON.stringify({ id, method, params, sessionId }) + '\0');
  return new Promise((resolveCall, rejectCall) => pending.set(id, { resolveCall, rejectCall }));
}

function waitFor(method, timeoutMs) {
  return new Promise((resolveWait, rejectWait) => {
    const timer = setTimeout(() => rejectWait(new Error(`timed out waiting for ${method}`)),
                             timeoutMs);
    listeners.push((m) => {
      if (m.method === method) { clearTimeout(timer); resolveWait(m); }
    });
  });
}

const problems = [];
listeners.push((m) => {
  if (m.method === 'Runtime.consoleAPICalled' && ['error', 'warning', 'assert'].includes(m.params.type))
    problems.push(`console ${m.params.type}: ${m.params.args.map((a) => a.value ?? a.description).join(' ')}`);
  if (m.method === 'Runtime.exceptionThrown')
    problems.push(`exception: ${m.params.exceptionDetails.text}`);
  if (m.method === 'Log.entryAdded' && ['error', 'warning'].includes(m.params.entry.level))
    problems.push(`${m.params.entry.level}: ${m.params.entry.text}`);
  if (m.method === 'Page.javascriptDialogOpening')
    problems.push(`a script ran: dialog "${m.params.message}"`);
});

async function main() {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const call = (method, params) => send(method, params, sessionId);
  // A dialog would hold the page; note it (above) and dismiss it.
  listeners.push((m) => {
    if (m.method === 'Page.javascriptDialogOpening')
      call('Page.handleJavaScriptDialog', { accept: true }).catch(() => {});
  });
  await call('Runtime.enable');
  await call('Log.enable');
  await call('Page.enable');
  await call('Emulation.setDeviceMetricsOverride',
             { width, height, deviceScaleFactor: 1, mobile: false });
  const loaded = waitFor('Page.loadEventFired', 30000);
  await call('Page.navigate', { url: pathToFileURL(resolve(htmlFile)).href });
  await loaded;
  const evaluate = async (expression) =>
    (await call('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  const text = await evaluate('document.body.innerText');
  const scripts = await evaluate('document.querySelectorAll("script").length');
  if (scripts !== 0) problems.push(`${scripts} <script> element(s) in the page`);
  for (const want of expected)
    if (!text.includes(want)) problems.push(`not in the rendered text: ${JSON.stringify(want)}`);
  if (screenshot) {
    const { data } = await call('Page.captureScreenshot', { format: 'png' });
    writeFileSync(screenshot, Buffer.from(data, 'base64'));
  }
}

/// Closes the browser and waits for it to be gone, so that its profile can
/// be removed.
async function close() {
  const exited = new Promise((done) => browser.once('exit', done));
  await Promise.race([send('Browser.close').catch(() => {}),
                      new Promise((done) => setTimeout(done, 5000))]);
  const timer = setTimeout(() => browser.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

let failed = false;
try {
  await main();
} catch (e) {
  problems.push(`${e.message}${stderr ? `\nchromium said:\n${stderr}` : ''}`);
}
await close();
rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
for (const p of problems) { console.log(`FAIL ${htmlFile}: ${p}`); failed = true; }
if (!failed) console.log(`ok   ${htmlFile}: ${expected.length} text(s) rendered, no error, no script`);
process.exit(failed ? 1 : 0);
