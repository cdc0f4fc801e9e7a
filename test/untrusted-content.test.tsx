// @vitest-environment jsdom
// Business-written HTML is shown only after the sanitiser (loaded when first opened), photos only
// from web addresses, and a step that throws shows a message with Try again, not a blank widget.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOSTILE_AVATAR, XSS, hostileHtml } from '../src/server/demo/hostile';
import { StepBoundary } from '../src/steps/StepBoundary';
import { Avatar, safeImageUrl } from '../src/ui/Avatar';
import { About } from '../src/ui/BusinessHtml';
import { sanitiseHtml } from '../src/ui/sanitise';

declare global {
  interface Window {
    __xss?: number;
  }
}

afterEach(() => {
  cleanup();
  delete window.__xss;
});

/** The sanitiser's output as nodes, in a template: inert, so nothing in it runs or loads. */
function parse(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

describe('the sanitiser', () => {
  it.each(Object.entries(XSS))('leaves nothing that runs of %s', (_name, payload) => {
    const box = parse(sanitiseHtml(`<p>Hello</p>${payload}`));
    expect(box.querySelectorAll('script, style, img, svg, math, iframe, object, embed, form, details, meta')).toHaveLength(0);
    for (const el of box.querySelectorAll('*')) {
      for (const attr of el.attributes) expect(attr.name).toMatch(/^(href|target|rel)$/);
    }
    for (const a of box.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(https?|mailto|tel):/);
    expect(box.textContent).toContain('Hello');
  });

  it('keeps text formatting, lists and safe links, which open apart from the booking', () => {
    const box = parse(sanitiseHtml('<p><strong>12 years</strong> <em>behind</em> the chair</p><ul><li>Cuts</li></ul><a href="https://example.com/">site</a><a href="tel:+12125550123">call</a>'));
    expect(box.querySelector('strong')?.textContent).toBe('12 years');
    expect(box.querySelector('ul li')?.textContent).toBe('Cuts');
    const link = box.querySelector('a[href="https://example.com/"]');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(box.querySelector('a[href^="tel:"]')).not.toBeNull();
  });

  it('drops styles, classes and ids the business wrote', () => {
    expect(sanitiseHtml('<p style="position:fixed" class="x" id="y" data-a="1" aria-hidden="true">Hi</p>')).toBe('<p>Hi</p>');
  });

  it('keeps an entity trick as text', () => {
    expect(parse(sanitiseHtml(XSS.entity)).textContent).toBe('<img src=x onerror=window.__xss=6>');
  });
});

describe('About (business-written HTML)', () => {
  it('shows nothing for an empty text', () => {
    const { container } = render(<About label="More about the location" html="  " />);
    expect(container.innerHTML).toBe('');
  });

  it('shows the cleaned text once opened, and runs no payload', async () => {
    const { container } = render(<About label="About Team Member" html={hostileHtml('<p>Precision cuts</p>')} />);
    const details = container.querySelector('details')!;
    expect(screen.getByText('About Team Member').tagName).toBe('SUMMARY');
    // Closed and not yet cleaned: never the raw HTML.
    expect(container.querySelector('.bw-about__body')?.innerHTML).toBe('');
    details.open = true;
    fireEvent(details, new Event('toggle'));
    await waitFor(() => expect(screen.getByText('Precision cuts')).toBeTruthy());
    expect(screen.getByRole('link', { name: 'our site' }).getAttribute('rel')).toBe('noopener noreferrer');
    expect(container.querySelectorAll('script, img, svg, iframe, object, form, details details')).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(window.__xss).toBeUndefined();
  });
});

describe('photos from the API', () => {
  it('are used only from web or relative addresses', () => {
    expect(safeImageUrl('https://cdn.example.com/a.jpg')).toBe('https://cdn.example.com/a.jpg');
    expect(safeImageUrl('/demo/avatars/olivia.svg')).toBe('/demo/avatars/olivia.svg');
    for (const bad of [HOSTILE_AVATAR, ' javascript:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>', 'vbscript:x', '']) {
      expect(safeImageUrl(bad), bad).toBeUndefined();
    }
  });

  it('falls back to initials for a javascript: photo', () => {
    const { container } = render(<Avatar name="Olivia Bennett" src={HOSTILE_AVATAR} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('OB');
  });
});

describe('a step that fails to render', () => {
  it('says so with Try again, which renders the step afresh', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let broken = true;
    function Step() {
      if (broken) throw new TypeError("Cannot read properties of null (reading 'title')");
      return <p>Choose a service</p>;
    }
    render(
      <StepBoundary>
        <Step />
      </StepBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong');
    expect(error).toHaveBeenCalled();
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Choose a service')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    error.mockRestore();
  });
});
