import type { Page } from 'playwright-core';

/**
 * WCAG 1.4.10 Reflow, as a test can see it: no horizontal scroll, and no element reaching past
 * the viewport's right edge (clipped by an ancestor, it would not show in scrollWidth).
 */
export function overflowingElements(page: Page): Promise<{ scrollWidth: number; clientWidth: number; overflowing: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const clientWidth = root.clientWidth;
    const overflowing: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > clientWidth + 0.5) {
        const className = element.getAttribute('class');
        overflowing.push(`${element.tagName.toLowerCase()}${className ? `.${className}` : ''} right=${Math.round(box.right)}: ${element.textContent.slice(0, 60)}`);
      }
    }
    return { scrollWidth: Math.max(root.scrollWidth, document.body.scrollWidth), clientWidth, overflowing };
  });
}
