import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CARRIER_URL, CHROMIUM_PATH, HEADLESS, RESULTS_DIR } from './env';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails fast, with a sentence, when nothing answers at CARRIER_URL (instead of hanging). */
export async function assertStackUp(): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`${CARRIER_URL}/api/users/me`, { signal: AbortSignal.timeout(5000) });
  } catch (e) {
    throw new Error(`No Carrier server answers at ${CARRIER_URL} (${(e as Error).message}). Start the stack or set CARRIER_URL.`, { cause: e });
  }
  if (res.status !== 401) {
    throw new Error(`${CARRIER_URL}/api/users/me without a token answered ${res.status}, expected 401: is this the Carrier gateway?`);
  }
  const page = await fetch(`${CARRIER_URL}/`, { signal: AbortSignal.timeout(5000) });
  const html = await page.text();
  if (!html.includes('id="root"')) {
    throw new Error(`${CARRIER_URL}/ does not serve the web client (got ${page.status}); build frontend/dist and serve it from the gateway.`);
  }
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: HEADLESS, args: CHROMIUM_ARGS, timeout: 30_000 });
}

export async function newUserPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, baseURL: CARRIER_URL });
  const page = await context.newPage();
  traceNetwork(page);
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(20_000);
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: `${RESULTS_DIR}${name}.png` });
}

const traces = new WeakMap<Page, string[]>();

/**
 * Keeps the last API answers and WebSocket events of a page, so a failed test says which call the
 * server refused instead of only showing where the screen ended up.
 */
function traceNetwork(page: Page): void {
  const lines: string[] = [];
  traces.set(page, lines);
  const note = (line: string) => {
    lines.push(`${new Date().toISOString()} ${line}`);
    if (lines.length > 300) lines.shift();
  };
  page.on('response', (res) => {
    if (!res.url().includes('/api/')) return;
    // A message's clientMessageId tells a POST that took over a socket send from a second message.
    const id = res.request().method() === 'POST' ? /"clientMessageId":"([^"]+)"/.exec(res.request().postData() ?? '')?.[1] : undefined;
    note(`${res.status()} ${res.request().method()} ${res.url()}${id ? ` clientMessageId=${id}` : ''}`);
  });
  page.on('requestfailed', (req) => note(`FAILED ${req.method()} ${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('websocket', (ws) => {
    note(`WS open ${ws.url()}`);
    ws.on('framereceived', (f) => {
      const text = String(f.payload);
      if (!text.includes('"message.created"')) note(`WS <- ${text.slice(0, 160)}`);
    });
    ws.on('framesent', (f) => note(`WS -> ${String(f.payload).slice(0, 160)}`));
    ws.on('close', () => note('WS closed'));
  });
  page.on('pageerror', (e) => note(`PAGE ERROR ${e.message}`));
}

/** Writes a page's network trace next to its failure screenshot. */
export function saveTrace(page: Page, name: string): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(`${RESULTS_DIR}${name}.log`, (traces.get(page) ?? []).join('\n') + '\n');
}

export interface TestUser {
  username: string;
  email: string;
  password: string;
}

/** Unique per run, within the 3–32 username limit. */
export function makeUser(prefix: string): TestUser {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const username = `${prefix}_${id}`.slice(0, 32);
  return { username, email: `${username}@example.test`, password: `pw-${id}-secret` };
}

export async function signUp(page: Page, user: TestUser): Promise<void> {
  await page.goto('/');
  await page.getByTestId('landing').waitFor();
  await page.getByRole('tab', { name: 'Sign up' }).click();
  const form = page.getByTestId('signup-form');
  await form.getByLabel('Username').fill(user.username);
  await form.getByLabel('Email').fill(user.email);
  await form.getByLabel('Password').fill(user.password);
  await form.getByRole('button', { name: 'Create account' }).click();
  await waitForMessengerOrError(page);
}

export async function logIn(page: Page, user: TestUser): Promise<void> {
  await page.goto('/');
  const form = page.getByTestId('login-form');
  await form.getByLabel('Username or email').fill(user.username);
  await form.getByLabel('Password').fill(user.password);
  await form.getByRole('button', { name: 'Log in' }).click();
  await waitForMessengerOrError(page);
}

/** Waits for the messenger; if the landing page shows a server error instead, fails with it. */
async function waitForMessengerOrError(page: Page): Promise<void> {
  const messenger = page.getByTestId('messenger');
  const error = page.getByTestId('auth-error');
  await messenger.or(error).first().waitFor();
  if (await error.isVisible()) throw new Error(`Auth failed in the UI: ${await error.textContent()}`);
}

export async function startChat(page: Page, members: string[], groupName?: string): Promise<void> {
  await page.getByTestId('new-chat-button').click();
  const dialog = page.getByTestId('new-chat-dialog');
  await dialog.getByTestId('new-chat-members').fill(members.join(', '));
  if (groupName) await dialog.getByTestId('new-chat-name').fill(groupName);
  await dialog.getByTestId('new-chat-submit').click();
  await dialog.waitFor({ state: 'detached' }).catch(async () => {
    throw new Error(`New chat failed: ${await dialog.getByRole('alert').textContent().catch(() => '?')}`);
  });
  await page.getByTestId('chat-view').waitFor();
}

export async function sendMessage(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('composer-input');
  await input.fill(text);
  await input.press('Enter');
}

export function chatItem(page: Page, title: string): Locator {
  return page.getByTestId('chat-item').filter({ has: page.getByTestId('chat-item-name').getByText(title, { exact: true }) });
}

export async function openChat(page: Page, title: string): Promise<void> {
  await chatItem(page, title).click();
  await page.getByTestId('chat-title').getByText(title, { exact: true }).waitFor();
}

export function messageWithText(page: Page, text: string): Locator {
  return page.getByTestId('message').filter({ has: page.getByTestId('message-text').getByText(text, { exact: true }) });
}

/**
 * Sends a message through the API with the page's session (faster than typing many of them).
 * The gateway rate-limits per user: a 429 is waited out and retried with the same
 * clientMessageId, so nothing is sent twice.
 */
export async function sendViaApi(page: Page, chatId: string, text: string): Promise<void> {
  const token = await page.evaluate(() => localStorage.getItem('carrier.token'));
  const body = JSON.stringify({ text, clientMessageId: crypto.randomUUID() });
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${CARRIER_URL}/api/chats/${chatId}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body,
    });
    if (res.status === 201) return;
    if (res.status !== 429 || attempt >= 20) throw new Error(`Sending "${text}" answered ${res.status}: ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 1000 * (Number(res.headers.get('Retry-After')) || 1)));
  }
}

/** One person of a browser test: their account, and the page of their own browser context. */
export type Person = { user: TestUser; page: Page; context: BrowserContext };

/** A new user signed up in a browser context of their own; the context is kept for closing. */
export async function signedUpPerson(browser: Browser, prefix: string, contexts: BrowserContext[]): Promise<Person> {
  const { context, page } = await newUserPage(browser);
  contexts.push(context);
  let user = makeUser(prefix);
  try {
    await signUp(page, user);
  } catch (error) {
    // The gateway's 504 ("auth-service did not answer in time. Try again shortly."): auth-service
    // took longer than the gateway waits, as its first sign-ups after a cold start can on a busy
    // machine. A person tries again, so the test does, once; with a new name, as the first account
    // may exist by now. Any other refusal, a 503 included, fails the test.
    if (!String(error).includes('did not answer in time')) throw error;
    user = makeUser(prefix);
    await signUp(page, user);
  }
  return { user, page, context };
}

/** After a failed test: each person's page as a trace of its traffic and a screenshot. */
export async function keepEvidence(
  task: { name: string; result?: { state?: string } },
  people: Record<string, Person | undefined>,
): Promise<void> {
  if (task.result?.state !== 'fail') return;
  const slug = task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 60);
  for (const [who, p] of Object.entries(people)) {
    if (!p?.page || p.page.isClosed()) continue;
    saveTrace(p.page, `failed-${slug}-${who}`);
    await screenshot(p.page, `failed-${slug}-${who}`).catch(() => undefined);
  }
}

/** Closes every context and the browser, whatever already closed. */
export async function closeAll(browser: Browser | undefined, contexts: BrowserContext[]): Promise<void> {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
}
