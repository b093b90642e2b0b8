/** The guard of tests/browser.ts catches what it promises to, in every context and frame. */
import { describe, expect, inject, it } from 'vitest';
import { leavesMachine, openPage, useBrowser } from './browser';

const base = inject('baseUrl');
const session = useBrowser(base);

describe('the browser guard', () => {
  it('tells requests that leave the machine from local ones', () => {
    expect(leavesMachine(`${base}/trump-kim-summits/`)).toBe(false);
    expect(leavesMachine(`${inject('articleUrl')}/example-article.html`)).toBe(false);
    expect(leavesMachine('data:image/png;base64,AAAA')).toBe(false);
    expect(leavesMachine('blob:http://127.0.0.1:4173/0b1c')).toBe(false);
    expect(leavesMachine('http://192.168.1.20/tiles/0/0/0.pbf')).toBe(true);
    expect(leavesMachine('https://127.0.0.1.nip.io/')).toBe(true);
    expect(leavesMachine('not a url')).toBe(true);
  });

  it('reports a foreign request, a console error and a page error from any page, frame or browser', async () => {
    const { page } = await session.open('/trump-kim-summits/');
    // Answered here, so nothing actually leaves the machine.
    await page.context().route('http://192.168.1.20/**', (route) => route.fulfill({ status: 204 }));
    await page.evaluate(() => {
      const img = new Image();
      img.src = 'http://192.168.1.20/pixel.png';
      console.error('an error in the page');
      setTimeout(() => {
        throw new Error('thrown in the page');
      });
      const frame = document.createElement('iframe');
      frame.srcdoc = '<script>console.error("an error in a frame")</script>';
      document.body.append(frame);
    });
    const noGl = await openPage(await session.noWebgl(), 'about:blank');
    await noGl.page.evaluate(() => console.error('an error without WebGL'));
    const found: string[] = [];
    await expect.poll(() => found.push(...session.takeProblems()), { timeout: 5000 }).toBeGreaterThanOrEqual(5);
    expect(found.sort()).toEqual([
      expect.stringMatching(/^console error: an error in a frame/),
      expect.stringMatching(/^console error: an error in the page/),
      expect.stringMatching(/^console error: an error without WebGL/),
      'page error: thrown in the page',
      'request to another host: http://192.168.1.20/pixel.png',
    ]);
  });

  it('lets a test name the errors it causes on purpose', async () => {
    session.allow(/^expected: /);
    const { page } = await session.open('/trump-kim-summits/');
    await page.evaluate(() => {
      console.error('expected: the test asked for this');
      console.error('not expected');
    });
    await expect.poll(() => session.takeProblems()).toEqual([expect.stringMatching(/^console error: not expected/)]);
  });
});
