/** A constructed stylesheet: no <style> element and no style attribute, so a strict CSP host accepts it. */
export function sheet(css: string): CSSStyleSheet {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}
