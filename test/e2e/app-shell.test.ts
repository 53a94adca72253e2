import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type BrowserSession } from './browser';

describe('built app', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => {
    await session.close();
  });

  it('loads from the static build without errors', async () => {
    await session.page.goto(inject('baseUrl'));
    await expect(session.page.title()).resolves.toMatch(/Batchscope/);
    await session.page.getByRole('heading', { name: 'Batchscope' }).waitFor();
    expect(session.errors).toEqual([]);
  });
});
