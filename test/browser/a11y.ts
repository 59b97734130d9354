// Accessibility checks shared by the a11y and keyboard specs: axe on a screen in both languages, the language switch,
// what has keyboard focus and whether it shows, sideways scrolling, running motion, and small targets.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { pageLang, tx, type Lang } from './texts';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the conformance target of issue 12. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The two sizes every screen is checked at: a small phone and a laptop. */
export const SIZES = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

/** Presses the header's language button (found by its text) and waits until the page shows the other language. */
export async function switchLang(page: Page): Promise<Lang> {
  const from = await pageLang(page);
  const to: Lang = from === 'ja' ? 'en' : 'ja';
  await page.getByRole('button', { name: tx(from, 'lang.switchTo'), exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', to);
  await expect(page.getByRole('button', { name: tx(to, 'lang.switchTo'), exact: true })).toBeVisible();
  return to;
}

/**
 * Collects axe violations screen by screen, so one run reports every problem at once; `expectNone` fails with one line
 * per violation: the screen, language and size, the rule id and impact, what it asks, and the failing elements' selectors.
 */
export class Audit {
  readonly found: string[] = [];
  private runs = 0;

  constructor(
    private readonly page: Page,
    private readonly size: string,
  ) {}

  /**
   * Runs axe on what the page shows now, then again after switching the language (the page stays in the other one).
   * `again` brings back what the switch may have cleared (the library, backup and lock screens are mounted afresh in
   * the new language, losing a preview or an error); it must be safe to run when nothing was lost.
   */
  async check(screen: string, again?: () => Promise<void>): Promise<void> {
    await this.once(screen);
    await switchLang(this.page);
    await again?.();
    await this.once(screen);
  }

  /** Runs axe once, in the language the page shows. */
  async once(screen: string): Promise<void> {
    const lang = await pageLang(this.page);
    // Legacy mode runs axe in the page itself: the app has no frames, and the default mode's extra blank page (to merge
    // the frames' results) doubles the time of each run. Only violations are collected in full, which is all we report.
    const { violations } = await new AxeBuilder({ page: this.page })
      .withTags(WCAG_TAGS)
      .options({ resultTypes: ['violations'] })
      .setLegacyMode(true)
      .analyze();
    this.runs++;
    for (const v of violations) {
      const nodes = v.nodes.map((n) => {
        const target = n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' ');
        const why = (n.failureSummary ?? '').replace(/\s+/g, ' ').replace(/^Fix (any|all) of the following: /, '');
        return `${target} [${why.slice(0, 220)}]`;
      });
      this.found.push(`${screen} (${lang}, ${this.size}): ${v.id} (${v.impact ?? 'n/a'}) ${v.help} — ${nodes.slice(0, 6).join('; ')}`);
    }
  }

  expectNone(): void {
    expect(this.runs, 'axe ran at least once').toBeGreaterThan(0);
    expect(this.found, `${this.found.length} axe violation(s) of WCAG 2.2 A/AA:\n${this.found.join('\n')}\n`).toEqual([]);
  }
}

/** The focused element, how it shows focus, and where it is (for the keyboard test's per-step check). */
export interface FocusSeen {
  /** tag#id.class "text", for messages */
  what: string;
  tag: string;
  /** A visible indicator: an outline or box-shadow of some width, not none. */
  indicator: boolean;
  /** Fully inside the viewport. */
  inView: boolean;
  /** Where it is, against the viewport (for messages). */
  rect: string;
  /** A programmatic focus target (tabindex=-1 heading or container), not a control. */
  programmatic: boolean;
}

export function focused(page: Page): Promise<FocusSeen | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return null;
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    // A ring drawn by a shadow ("rgb(26, 26, 26) 0px 0px 0px 2px") counts when some offset, blur or spread is not 0.
    const shadow =
      cs.boxShadow !== 'none' && [...cs.boxShadow.matchAll(/(-?[\d.]+)px/g)].some((m) => Math.abs(parseFloat(m[1] ?? '0')) > 0);
    const r = el.getBoundingClientRect();
    // A pixel of slack: layout is fractional, and Chromium leaves a control whose edge is under half a pixel out unscrolled.
    const inView = r.width > 0 && r.height > 0 && r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}${el instanceof HTMLInputElement ? `[${el.type}=${el.value}]` : ''} "${label}"`;
    const rect = `x ${r.left.toFixed(1)}–${r.right.toFixed(1)}, y ${r.top.toFixed(1)}–${r.bottom.toFixed(1)} in ${innerWidth}×${innerHeight}`;
    return { what, tag: el.tagName.toLowerCase(), indicator: outline || shadow, inView, rect, programmatic: el.tabIndex < 0 };
  });
}

/** Fails unless the focused element shows a focus indicator and lies inside the viewport. */
export async function expectFocusShown(page: Page, step: string): Promise<FocusSeen> {
  const f = await focused(page);
  expect(f, `${step}: something has keyboard focus`).not.toBeNull();
  const seen = f as FocusSeen;
  expect(seen.indicator, `${step}: ${seen.what} shows a focus indicator (outline or box-shadow)`).toBe(true);
  if (!seen.inView) {
    // Scrolling a control into view as it takes focus can land a frame after the key press.
    await expect
      .poll(async () => (await focused(page))?.inView, {
        message: `${step}: ${seen.what} is inside the viewport (${seen.rect})`,
        timeout: 2000,
      })
      .toBe(true);
  }
  return seen;
}

/** Page width against the viewport, and the first elements sticking out past its right edge (for the failure message). */
export async function expectNoSideScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, width, wide } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 0.5) {
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        wide.push(`${el.tagName.toLowerCase()}${cls} (right ${Math.round(r.right)})`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
  });
  expect(
    scrollWidth,
    `${where}: scrolls sideways (scrollWidth ${scrollWidth} > ${width}); too wide: ${wide.join(', ')}`,
  ).toBeLessThanOrEqual(width);
}

/**
 * Animations still running and transitions longer than 0.01 s, on every element and its ::before / ::after; empty when
 * the page honours prefers-reduced-motion.
 */
export function runningMotion(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const seconds = (list: string) => list.split(',').map((s) => (s.trim().endsWith('ms') ? parseFloat(s) / 1000 : parseFloat(s)) || 0);
    const name = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${cls}`;
    };
    for (const a of document.getAnimations()) {
      const timing = a.effect?.getComputedTiming();
      const duration = typeof timing?.duration === 'number' ? timing.duration : 0;
      const target = a.effect instanceof KeyframeEffect && a.effect.target ? name(a.effect.target) : '?';
      if (a.playState === 'running' && duration > 10) out.push(`${target}: ${a.constructor.name} running for ${duration} ms`);
    }
    for (const el of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const cs = getComputedStyle(el, pseudo);
        const transition = Math.max(...seconds(cs.transitionDuration));
        const animation = cs.animationName !== 'none' ? Math.max(...seconds(cs.animationDuration)) : 0;
        if (transition > 0.01) out.push(`${name(el)}${pseudo ?? ''}: transition-duration ${cs.transitionDuration}`);
        if (animation > 0.01) out.push(`${name(el)}${pseudo ?? ''}: animation ${cs.animationName} ${cs.animationDuration}`);
      }
    }
    return out.slice(0, 10);
  });
}

/**
 * Interactive targets smaller than 24×24 CSS px (WCAG 2.5.8): buttons, links, form fields, summaries and the labels of
 * radios and checkboxes. Exempt as the criterion allows: a link inside a sentence (an <a> within a <p>), and what is not
 * drawn (visually hidden inputs, whose visible label is the target, and closed parts of the page).
 */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const candidates = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, label');
    for (const el of candidates) {
      if (el instanceof HTMLAnchorElement && el.closest('p')) continue;
      if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
      if (el instanceof HTMLLabelElement) {
        const control = el.control;
        if (!(control instanceof HTMLInputElement) || (control.type !== 'radio' && control.type !== 'checkbox')) continue;
      }
      const r = el.getBoundingClientRect();
      // Not drawn (display: none, a closed <details>) or visually hidden (1 px, clipped): not a target anyone sees.
      if (r.width <= 1 || r.height <= 1 || el.closest('.visually-hidden')) continue;
      if (el.classList.contains('skip-link') && r.right < 0) continue;
      if (r.width < 24 - 0.01 || r.height < 24 - 0.01) {
        const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
        out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} "${text}" ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
      }
    }
    return out;
  });
}
