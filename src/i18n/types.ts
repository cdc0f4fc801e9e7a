/** A locale resource as the API sends it: nested objects with string leaves. */
export interface Dictionary {
  [key: string]: string | Dictionary;
}
