// <booking-widget form="1" api-base="/api/v1">: the widget as a custom element, for React 19, Vue,
// Svelte, Angular and plain HTML. Attributes are the script tag's data-* options (read by the
// loader's own parser); prefill, preselect and theme are also properties taking objects; the host
// events are dispatched on the element as CustomEvents of the same names (payload in `detail`).
// Removing the element destroys the widget; putting it back mounts it again.
//
// The script-tag loader puts plain <booking-widget> elements on the page too, with a shadow root of
// its own: once this class is registered they become instances of it, so an element whose shadow
// root someone else attached is left alone.
import type { WidgetHandle } from '../app/mount';
import { readOptions } from '../loader/options';
import { WIDGET_EVENTS, type Prefill, type Preselection, type Theme, type ThemeMode } from '../protocol';
import { foreignShadow, mount } from './mount';

/** The attributes the element reads; each is the script tag's `data-` attribute of that name. */
export const ATTRIBUTES = ['form', 'api-base', 'lang', 'location', 'services', 'staff', 'theme', 'font', 'analytics', 'booking-page'] as const;
/** Changing these restarts the flow from the new preselection; any other attribute mounts the widget again. */
const PRESELECTION = ['location', 'services', 'staff'];

export interface BookingWidgetElement extends HTMLElement {
  /** The running widget's host API (open, close, prefill, preselect, theme, on, off, destroy); null while not on the page. */
  readonly widget: WidgetHandle | null;
  /** Contact fields to fill in: kept, and given to the widget whenever it mounts. */
  prefill: Prefill | undefined;
  /** Location, services and team member to start from, over the attributes'. */
  preselect: Preselection | undefined;
  /** Colours, radius, font and mode over the form's; a string sets the `theme` attribute (light, dark, auto). */
  theme: Theme | undefined;
}

const MARK = Symbol.for('altegio-booking-widget.element');

/**
 * Registers the custom element (by default as `booking-widget`) and returns its class. Calling it
 * again, from any copy of this package, returns what is registered. Browser only: call it from the
 * client (an effect, a client entry, or import `…/element`, which does it when there is a DOM).
 */
export function defineBookingWidget(name = 'booking-widget'): CustomElementConstructor {
  const existing = customElements.get(name);
  if (existing) {
    if (!(MARK in existing)) console.warn(`BookingWidget: <${name}> is already defined by something else`);
    return existing;
  }
  const element = elementClass();
  customElements.define(name, element);
  return element;
}

// The class is made when defined, not at import: HTMLElement does not exist during server rendering.
function elementClass(): CustomElementConstructor {
  return class extends HTMLElement implements BookingWidgetElement {
    static readonly [MARK] = true;
    static readonly observedAttributes = ATTRIBUTES;
    #widget: WidgetHandle | null = null;
    #prefill: Prefill | undefined;
    #preselect: Preselection | undefined;
    #theme: Theme | undefined;
    #restart = false;

    constructor() {
      super();
      // Properties a framework set before the class was registered shadow the accessors: take
      // them over.
      for (const key of ['prefill', 'preselect', 'theme'] as const) {
        if (Object.prototype.hasOwnProperty.call(this, key)) {
          const value = (this as Record<string, unknown>)[key];
          delete (this as Record<string, unknown>)[key];
          (this as Record<string, unknown>)[key] = value;
        }
      }
    }

    get widget() {
      return this.#widget;
    }

    get prefill() {
      return this.#prefill;
    }
    set prefill(contact: Prefill | undefined) {
      this.#prefill = contact;
      if (contact) this.#widget?.prefill(contact);
    }

    get preselect() {
      return this.#preselect;
    }
    set preselect(selection: Preselection | undefined) {
      this.#preselect = selection;
      this.#widget?.preselect(this.#selection());
    }

    get theme(): Theme | undefined {
      return this.#theme;
    }
    set theme(theme: Theme | ThemeMode | undefined) {
      // Frameworks set a property when the element has one, a template's theme="dark" included.
      if (typeof theme === 'string') {
        this.setAttribute('theme', theme);
        return;
      }
      this.#theme = theme;
      if (theme) this.#widget?.theme(theme);
    }

    connectedCallback() {
      if (foreignShadow(this) || this.#widget) return;
      this.#start();
    }

    disconnectedCallback() {
      // A move within the page (disconnected and connected again at once) keeps the widget.
      queueMicrotask(() => {
        if (!this.isConnected) this.#stop();
      });
    }

    attributeChangedCallback(name: string, before: string | null, after: string | null) {
      const widget = this.#widget;
      if (!widget || before === after) return;
      if (PRESELECTION.includes(name)) widget.preselect(this.#selection());
      else if (name === 'theme') widget.theme({ mode: this.#options().themeMode ?? 'light' });
      else if (!this.#restart) {
        // Several attributes set together mount the widget once.
        this.#restart = true;
        queueMicrotask(() => {
          this.#restart = false;
          if (!this.#widget) return;
          this.#stop();
          this.#start();
        });
      }
    }

    #options() {
      const dataset: Record<string, string> = {};
      for (const name of ATTRIBUTES) {
        const value = this.getAttribute(name);
        if (value !== null) dataset[name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = value;
      }
      // The same parser as the script tag's data-* attributes, so both take the same values.
      return readOptions({ dataset, src: '' } as unknown as HTMLScriptElement, document.baseURI);
    }

    #selection(): Preselection {
      return { ...this.#options().preselect, ...this.#preselect };
    }

    #start() {
      const options = this.#options();
      const widget = mount(this, {
        formId: options.formId,
        apiBase: options.apiBase,
        lang: options.lang,
        preselect: this.#selection(),
        prefill: this.#prefill,
        theme: { ...(options.themeMode && { mode: options.themeMode }), ...this.#theme },
        font: options.font,
        analytics: options.analytics,
        // The loader's parser leaves it out (the script tag's files are the deployment's own page's).
        bookingPage: this.getAttribute('booking-page') ?? undefined,
      });
      for (const event of WIDGET_EVENTS) {
        widget.on(event, (detail) => this.dispatchEvent(new CustomEvent(event, { detail })));
      }
      this.#widget = widget;
    }

    #stop() {
      this.#widget?.destroy();
      this.#widget = null;
    }
  };
}
