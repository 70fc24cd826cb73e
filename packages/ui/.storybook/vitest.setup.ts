// The forced-colors and reduced-motion runs of every story (issue 19). After a story has
// rendered, played and passed axe in the default media, this hook emulates, through Chromium's
// DevTools protocol, `forced-colors: active` and runs axe again with the same WCAG tags, then
// `prefers-reduced-motion: reduce` and checks that nothing still transitions or animates unless it
// is marked `data-cob-motion="essential"` (a loading spinner). Results go into the test's meta for
// the compliance report; a violation fails the story. Re-checking the mounted story costs one axe
// run per story instead of mounting and playing every story twice more.
import axe from 'axe-core';
import { afterEach } from 'vitest';
import { cdp } from 'vitest/browser';
import wcagTags from './wcag-tags.json';

type Media = { name: string; value: string }[];

async function emulate(features: Media): Promise<void> {
  await cdp().send('Emulation.setEmulatedMedia', { features });
}

const seconds = (list: string) =>
  list
    .split(',')
    .map((v) => (v.trim().endsWith('ms') ? Number.parseFloat(v) / 1000 : Number.parseFloat(v)));

/** Elements that still move under reduced motion: a non-zero transition or a running animation. */
export function movingElements(root: ParentNode): string[] {
  const moving: string[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el.closest(`[data-cob-motion="essential"], ${STORYBOOK_CHROME.join(', ')}`)) continue;
    const style = getComputedStyle(el);
    const transition =
      style.transitionProperty !== 'none' &&
      seconds(style.transitionDuration).some((s) => s > 0.01);
    const animation =
      style.animationName !== 'none' && seconds(style.animationDuration).some((s) => s > 0.01);
    if (transition || animation) {
      moving.push(
        `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`,
      );
    }
  }
  return moving;
}

/** Storybook's own loaders, docs and filters, which live beside the story in the test page. */
const STORYBOOK_CHROME = ['.sb-wrapper', '#storybook-a11y-vision-filters'];

afterEach(async (context) => {
  const meta = context.task.meta as Record<string, unknown>;
  if (!meta.storyId || context.task.result?.state === 'fail') return;
  try {
    await emulate([{ name: 'forced-colors', value: 'active' }]);
    const forced = await axe.run(
      { include: [['body']], exclude: STORYBOOK_CHROME.map((selector) => [selector]) },
      {
        runOnly: { type: 'tag', values: wcagTags },
        resultTypes: ['violations'],
      },
    );
    const forcedViolations = forced.violations.map((v) => v.id);
    meta.forcedColors = { violations: forcedViolations };

    await emulate([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    const moving = movingElements(document.body);
    meta.reducedMotion = { moving };

    if (forcedViolations.length > 0) {
      throw new Error(
        `forced-colors: axe violations: ${forced.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`).join('; ')}`,
      );
    }
    if (moving.length > 0) {
      throw new Error(`reduced-motion: still moving: ${moving.join(', ')}`);
    }
  } finally {
    await emulate([]);
  }
});
