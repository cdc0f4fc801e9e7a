// Business-written HTML (a team member's information, a location's description) cleaned before it
// is shown: text formatting, lists and links only. Loaded on demand (see BusinessHtml.tsx): the
// sanitiser is larger than everything else on the first step.
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 's', 'small', 'sub', 'sup', 'ul', 'ol', 'li', 'a', 'blockquote', 'span'];
/** Links may go to the web, an email address or a phone; nothing else (no javascript:, no data:). */
const SAFE_LINK = /^(?:https?|mailto|tel):/i;

// An instance of our own, so the link hook never touches anyone else's DOMPurify on the page.
const purify = DOMPurify(window);
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return;
  if (!SAFE_LINK.test(node.getAttribute('href') ?? '')) node.removeAttribute('href');
  // A business's link leaves the booking open, and the page it opens gets no handle on ours.
  node.setAttribute('target', '_blank');
  node.setAttribute('rel', 'noopener noreferrer');
});

export function sanitiseHtml(html: string): string {
  // Without a DOM to parse in, DOMPurify would hand the input back unchanged.
  if (!purify.isSupported) return '';
  return purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href'],
    ALLOWED_URI_REGEXP: SAFE_LINK,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  });
}
