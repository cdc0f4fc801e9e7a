// An expandable "About" for HTML a business wrote (a location's description, a team member's
// information). Its text is shown only after the sanitiser has cleaned it, and the sanitiser
// loads when a visitor first opens one, so it costs the first step nothing. Until then the
// body is empty: never the raw HTML.
import { useState } from 'preact/hooks';

let loading: Promise<typeof import('./sanitise')> | undefined;

export function About({ label, html }: { label: string; html: string }) {
  const [clean, setClean] = useState('');
  // Opening (and closing) cleans the current text again: cheap, and never stale for long.
  const show = () => (loading ??= import('./sanitise')).then((m) => setClean(m.sanitiseHtml(html)), () => (loading = undefined)); // offline: the next opening tries again
  return html.trim() ? (
    <details class="bw-about" onToggle={show}>
      <summary>{label}</summary>
      {/* The only inner HTML in the widget, and always the sanitiser's output. */}
      <div class="bw-about__body" dangerouslySetInnerHTML={{ __html: clean }} />
    </details>
  ) : null;
}
