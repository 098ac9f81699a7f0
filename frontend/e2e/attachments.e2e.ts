import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatSize } from '../src/features/attachments/utils/formatSize';
import { assertStackUp, chatItem, closeAll, keepEvidence, launch, messageWithText, openChat, screenshot, sendMessage, signedUpPerson, startChat, type Person } from './support/browser';
import { makePdf, makePng } from './support/files';

const PNG = makePng(96, 64);
const PDF = makePdf('Carrier attachments test');
const PDF_NAME = `report-${Math.random().toString(36).slice(2, 8)}.pdf`;
const TEN_MIB = 10 * 1024 * 1024;

/** The composer's file picker (behind the clip button). */
const attach = (page: Page, name: string, mimeType: string, buffer: Buffer) => page.getByTestId('attach-input').setInputFiles({ name, mimeType, buffer });

/** Waits until every file in the composer is uploaded, then sends. */
async function sendUploaded(page: Page, count: number): Promise<void> {
  await page.getByTestId('upload').and(page.locator('[data-status="done"]')).nth(count - 1).waitFor();
  await page.getByTestId('send-button').click();
  await page.getByTestId('upload-tray').waitFor({ state: 'detached' });
}

/** Files dragged from the desktop onto an element and dropped there (a DataTransfer made in the page). */
async function dropFile(page: Page, target: Locator, name: string, type: string, buffer: Buffer): Promise<void> {
  const dataTransfer = await page.evaluateHandle(({ b64, name, type }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type }));
    return dt;
  }, { b64: buffer.toString('base64'), name, type });
  await target.dispatchEvent('dragenter', { dataTransfer });
  await page.getByTestId('drop-zone').waitFor();
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
  await page.getByTestId('drop-zone').waitFor({ state: 'detached' });
}

/** Whether an <img> has loaded a picture from a blob: URL (the bytes came with the bearer token). */
const loadedFromBlob = (img: Locator) => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0 && el.src.startsWith('blob:'));

async function waitLoaded(img: Locator): Promise<void> {
  await img.waitFor();
  await expect.poll(() => loadedFromBlob(img), { timeout: 15_000 }).toBe(true);
}

/**
 * Attachments (issue 20): Ann sends an image and a PDF; Bob sees the image as a thumbnail the
 * server made, opens it full size, and downloads the PDF with the same bytes. A file over the
 * limit is refused before it is sent, active content by the server, each with its reason.
 */
describe('Attachments in the browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let ann: Person;
  let bob: Person;

  beforeAll(async () => {
    await assertStackUp();
    browser = await launch();
    ann = await signedUpPerson(browser, 'ann', contexts);
    bob = await signedUpPerson(browser, 'bob', contexts);
    await startChat(ann.page, [bob.user.username]);
    await sendMessage(ann.page, 'Files coming');
    await openChat(bob.page, ann.user.username);
    await messageWithText(bob.page, 'Files coming').waitFor();
  });

  afterEach(async ({ task }) => keepEvidence(task, { ann, bob }));

  afterAll(() => closeAll(browser, contexts));

  it('sends an image that the other side sees as a thumbnail and opens full size', async () => {
    await attach(ann.page, 'gradient.png', 'image/png', PNG);
    await sendUploaded(ann.page, 1);

    const thumb = bob.page.getByTestId('attachment-thumbnail').last();
    await waitLoaded(thumb);
    await chatItem(bob.page, ann.user.username).getByTestId('chat-item-preview').getByText('Photo', { exact: true }).waitFor();
    await screenshot(bob.page, 'attachment-image');

    await bob.page.getByRole('button', { name: 'Open image gradient.png' }).last().click();
    const viewer = bob.page.getByTestId('image-viewer');
    const full = viewer.getByTestId('image-viewer-image');
    await waitLoaded(full);
    expect(await full.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight])).toEqual([96, 64]);
    await bob.page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
  });

  it('sends a PDF dropped onto the chat; the other side downloads the same bytes under its name', async () => {
    await dropFile(ann.page, ann.page.getByTestId('chat-view'), PDF_NAME, 'application/pdf', PDF);
    await ann.page.getByTestId('composer-input').fill('The report');
    await sendUploaded(ann.page, 1);

    const card = bob.page.getByTestId('attachment-file').filter({ hasText: PDF_NAME });
    await card.waitFor();
    expect(await card.getByTestId('attachment-size').textContent()).toBe(formatSize(PDF.length));
    await messageWithText(bob.page, 'The report').waitFor();
    await screenshot(bob.page, 'attachment-file');

    const [download] = await Promise.all([bob.page.waitForEvent('download'), card.click()]);
    expect(download.suggestedFilename()).toBe(PDF_NAME);
    const path = await download.path();
    expect(readFileSync(path).equals(PDF)).toBe(true);
  });

  it('previews a message of a file alone in the chat list by its name', async () => {
    const name = `notes-${Math.random().toString(36).slice(2, 8)}.pdf`;
    await attach(ann.page, name, 'application/pdf', PDF);
    await sendUploaded(ann.page, 1);
    await chatItem(bob.page, ann.user.username).getByTestId('chat-item-preview').getByText(`📎 ${name}`, { exact: true }).waitFor();
  });

  it('takes a pasted image into the message being written, and lets it be removed', async () => {
    const input = ann.page.getByTestId('composer-input');
    await input.evaluate((el, b64) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'pasted.png', { type: 'image/png' }));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, PNG.toString('base64'));
    const upload = ann.page.getByTestId('upload').filter({ hasText: 'pasted.png' });
    await upload.and(ann.page.locator('[data-status="done"]')).waitFor();
    await screenshot(ann.page, 'attachment-upload');
    await ann.page.getByRole('button', { name: 'Remove pasted.png' }).click();
    await ann.page.getByTestId('upload-tray').waitFor({ state: 'detached' });
  });

  it('refuses a file over 10 MiB before sending a byte of it', async () => {
    const uploads: string[] = [];
    const track = (req: { url: () => string }) => req.url().includes('/attachments') && uploads.push(req.url());
    ann.page.on('request', track);
    await attach(ann.page, 'huge.bin', 'application/octet-stream', Buffer.alloc(TEN_MIB + 1, 7));
    expect(await ann.page.getByTestId('upload-error').textContent()).toBe('huge.bin: too large, limit 10 MiB');
    ann.page.off('request', track);
    expect(uploads).toEqual([]);
    expect(await ann.page.getByTestId('send-button').isDisabled()).toBe(true);
    await ann.page.getByRole('button', { name: 'Remove huge.bin' }).click();
  });

  it('shows why the server refused active content', async () => {
    await attach(ann.page, 'page.html', 'text/html', Buffer.from('<!doctype html><html><script>alert(1)</script></html>'));
    const error = ann.page.getByTestId('upload-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^page\.html: .+/);
    expect(await error.textContent()).not.toContain('too large');
    await ann.page.getByRole('button', { name: 'Remove page.html' }).click();
  });
});
