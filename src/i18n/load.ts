// The locale resource and, for languages other than English, the widget's own texts in that
// language (languages.ts, then the language's chunk, loading while the resource is requested):
// one dictionary for t(). If languages.ts cannot load, the resource alone (English for those texts).
export function withWidgetTexts(code: string, resource: Promise<Record<string, unknown>>): Promise<Record<string, unknown>> {
  if (/^en\b/i.test(code)) return resource;
  // A resource refused before the texts' chunk has loaded is handled once it has (the promise
  // returned rejects with it); until then it must not count as unhandled (a Node server exits on one).
  resource.catch(() => {});
  return import('./languages').then((m) => m.layered(code, resource), () => resource);
}
