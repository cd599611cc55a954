/** A page's query string as Next hands it over: a repeated key comes as an array. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query-string key, or null when it is absent. */
export function firstValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
