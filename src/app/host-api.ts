// The host API on a running widget: prefill, preselection, theme, open/close and the events.
// Script-tag embeds get it at mount; the hosted page loads it after the first paint (for the
// form's colours) and the iframe page drives it from the parent's messages.
import { effect } from '@preact/signals';
import { createEmitter, type Handler } from '../events';
import { EMPTY_CONTACT, initialState, type Choices } from '../flow/machine';
import type { HostApi, Prefill, Theme, WidgetEventName } from '../protocol';
import { watchModel } from './model-events';
import type { Started } from './start';
import { toChoices } from './start';
import { applyTheme, formTheme } from './theme';

/** The host API of one mounted widget; `on` also returns a way to unsubscribe. */
export interface WidgetHandle extends Omit<HostApi, 'on'> {
  on<E extends WidgetEventName>(event: E, handler: Handler<E>): () => void;
}

export interface HostApiOptions {
  formId: number;
  /** Where the palette's custom properties go: they inherit from there into .bw-root. */
  themed: HTMLElement;
  theme?: Theme;
  prefill?: Prefill;
  onDestroy?: () => void;
}

export function createHostApi(started: Started, options: HostApiOptions): WidgetHandle {
  const { model, modelOptions, container } = started;
  const { themed } = options;
  const events = createEmitter();
  // Starts at once so a subscriber added later still hears the first ready and step.
  const stopEvents = watchModel(model, options.formId, events.emit);

  let hostTheme: Theme = options.theme ?? {};
  const paint = () => applyTheme(themed, hostTheme, formTheme(model.formData.peek()?.style, container));
  // Now (the host's mode), and again when the form's own colours arrive.
  const stopTheme = effect(() => {
    void model.formData.value;
    paint();
  });

  const widget: WidgetHandle = {
    open() {
      themed.hidden = false;
      events.emit('open', {});
    },
    close() {
      themed.hidden = true;
      events.emit('close', {});
    },
    destroy() {
      stopEvents();
      stopTheme();
      started.unmount();
      options.onDestroy?.();
    },
    prefill(contact) {
      const given = contactOf(contact);
      if (model.flow.peek()) model.dispatch({ type: 'setContact', contact: given });
      else modelOptions.preset = { ...modelOptions.preset, contact: { ...EMPTY_CONTACT, ...modelOptions.preset.contact, ...given } };
    },
    preselect(selection) {
      modelOptions.preset = { ...modelOptions.preset, ...toChoices(selection) };
      // Once the flow runs, a new preselection starts it over from those choices, keeping the contact.
      const flow = model.flow.peek();
      const form = model.formData.peek();
      if (flow && form) model.flow.value = initialState(form, { ...modelOptions.preset, contact: flow.choices.contact });
    },
    theme(theme) {
      hostTheme = { ...hostTheme, ...theme };
      paint();
    },
    on: events.on,
    off: events.off,
  };
  if (options.prefill) widget.prefill(options.prefill);
  return widget;
}

/** Only strings, only the four fields: whatever a host passes, nothing else reaches the model. */
function contactOf(prefill: Prefill): Partial<Choices['contact']> {
  const contact: Partial<Choices['contact']> = {};
  for (const key of ['name', 'phone', 'email', 'comment'] as const) {
    const value = prefill?.[key];
    if (typeof value === 'string' && value) contact[key] = value.slice(0, 500);
  }
  return contact;
}
