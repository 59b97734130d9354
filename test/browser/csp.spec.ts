// The built app's Content-Security-Policy: strict as written, and enforced — an inline script, an outside load or an
// inline style is blocked and reported (every other browser test fails on any violation its screens cause).

import { expect, test } from './fixtures';

const policyOf = (content: string) =>
  new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name ?? '', values]),
  );

test('the built index.html carries a strict policy: own files only, no inline script, no eval', async ({ page }) => {
  await page.goto('/#/');
  const content = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(content, 'the CSP meta tag').toBeTruthy();
  const policy = policyOf(content ?? '');
  expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  for (const [name, values] of policy) {
    expect(values, `${name} allows inline code or eval`).not.toContain("'unsafe-inline'");
    expect(values, `${name} allows eval`).not.toContain("'unsafe-eval'");
    expect(values, `${name} allows any host`).not.toContain('*');
  }
});

// eval cannot be tried from here: Playwright's own evaluation is exempt from the page's policy (the meta test checks
// that no 'unsafe-eval' is allowed).
test('the policy is enforced: inline script, inline style and an outside request are blocked and reported', async ({
  browser,
  baseURL,
}) => {
  // Its own context: the violations below are deliberate, and the guard of this test's own context must not count them.
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/#/');
  await expect(page.locator('.home-page h1')).toBeVisible();
  const result = await page.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    const w = window as unknown as { __inline?: number };
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.append(script);
    const div = document.createElement('div');
    div.innerHTML = '<span style="color: red">x</span>';
    document.body.append(div);
    const styled = getComputedStyle(div.firstElementChild as Element).color === 'rgb(255, 0, 0)';
    let fetched = true;
    try {
      await fetch('https://example.com/');
    } catch {
      fetched = false;
    }
    await new Promise((r) => setTimeout(r, 100));
    return { inlineRan: w.__inline === 1, styled, fetched, seen };
  });
  await context.close();
  expect(result.inlineRan, 'an inline script ran').toBe(false);
  expect(result.styled, 'an inline style attribute applied').toBe(false);
  expect(result.fetched, 'a request to another host went out').toBe(false);
  expect(new Set(result.seen.map((d) => d.replace(/-(elem|attr)$/, '')))).toEqual(new Set(['script-src', 'style-src', 'connect-src']));
});
