import type { Page } from "playwright-core";

/**
 * Layout checks a reader would notice, run in the browser on the page as laid out:
 * pieces of visible text drawn over each other (the search page's 1-pixel filter column
 * printed "Organization" over "45 results for oil"), and a page wider than the window.
 */

export interface TextOverlap {
  a: string;
  b: string;
  /** The shared area in CSS pixels. */
  area: number;
  at: { x: number; y: number };
}

/**
 * Every pair of visible text boxes (one per line of each text node, and each SVG <text>)
 * that overlap by more than `tolerance` pixels both ways. Text clipped away by a scrolling
 * or hidden-overflow box, visually hidden text (1×1 px boxes) and text inside elements
 * that are not displayed are not visible, so they are left out.
 */
export async function textOverlaps(page: Page, tolerance = 2): Promise<TextOverlap[]> {
  // tsx keeps function names with a helper the page does not have.
  await page.evaluate("window.__name ??= (f) => f");
  return page.evaluate((tol) => {
    interface Box {
      left: number;
      top: number;
      right: number;
      bottom: number;
      label: string;
      owner: Node;
    }
    const boxes: Box[] = [];
    const clipOf = (el: Element | null): DOMRect | null => {
      let clip: DOMRect | null = null;
      for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.overflowX !== "visible" || style.overflowY !== "visible" || (style.clipPath && style.clipPath !== "none")) {
          const r = e.getBoundingClientRect();
          if (!clip) clip = r;
          else {
            const left = Math.max(clip.left, r.left);
            const top = Math.max(clip.top, r.top);
            clip = new DOMRect(left, top, Math.max(0, Math.min(clip.right, r.right) - left), Math.max(0, Math.min(clip.bottom, r.bottom) - top));
          }
        }
      }
      return clip;
    };
    const add = (rect: DOMRect, clip: DOMRect | null, label: string, owner: Node) => {
      let { left, top, right, bottom } = rect;
      if (clip) {
        left = Math.max(left, clip.left);
        top = Math.max(top, clip.top);
        right = Math.min(right, clip.right);
        bottom = Math.min(bottom, clip.bottom);
      }
      if (right - left <= 1 || bottom - top <= 1) return;
      boxes.push({ left: left + scrollX, top: top + scrollY, right: right + scrollX, bottom: bottom + scrollY, label, owner });
    };
    const visible = (el: Element) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      const parent = node.parentElement;
      if (!text.trim() || !parent || !visible(parent) || parent.closest("svg, script, style, noscript, title")) continue;
      const clip = clipOf(parent);
      const range = document.createRange();
      range.selectNodeContents(node);
      const label = text.trim().replace(/\s+/g, " ").slice(0, 60);
      for (const rect of range.getClientRects()) add(rect, clip, label, node);
    }
    for (const text of document.querySelectorAll("svg text")) {
      if (!visible(text) || !text.textContent?.trim()) continue;
      add(text.getBoundingClientRect(), clipOf(text.closest("svg")), text.textContent.trim(), text);
    }
    // Sweep down the page: only boxes whose vertical spans meet can overlap.
    boxes.sort((a, b) => a.top - b.top);
    const found: { a: string; b: string; area: number; at: { x: number; y: number } }[] = [];
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i];
      for (let j = i + 1; j < boxes.length && boxes[j].top < a.bottom - tol; j++) {
        const b = boxes[j];
        if (a.owner === b.owner) continue;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > tol && h > tol) found.push({ a: a.label, b: b.label, area: Math.round(w * h), at: { x: Math.round(Math.max(a.left, b.left)), y: Math.round(Math.max(a.top, b.top)) } });
      }
    }
    return found;
  }, tolerance);
}

/** How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/** Where the first search result's top edge is, in CSS pixels from the top of the page. */
export function firstResultTop(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const first = document.querySelector(".pf-results > li");
    return first ? first.getBoundingClientRect().top + scrollY : null;
  });
}

export function describeOverlaps(overlaps: TextOverlap[]): string {
  return overlaps
    .slice(0, 12)
    .map((o) => `  “${o.a}” and “${o.b}” share ${o.area} px² at (${o.at.x}, ${o.at.y})`)
    .join("\n") + (overlaps.length > 12 ? `\n  … and ${overlaps.length - 12} more` : "");
}
