// The locale resource and, for languages other than English, the widget's own texts in that
// language (languages.ts, then the language's chunk, loading while the resource is requested):
// one dictionary for t(). If languages.ts cannot load, the resource alone (English for those texts).
export const withWidgetTexts = (code: string, resource: Promise<Record<string, unknown>>) =>
  /^en\b/i.test(code) ? resource : import('./languages').then((m) => m.layered(code, resource), () => resource);
