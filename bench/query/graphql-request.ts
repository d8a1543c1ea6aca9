export interface RequestOptions {
  token?: string;
}

/** POSTs one operation and returns `data`; any GraphQL error or non-2xx status throws. */
export async function graphqlData<T>(url: string, query: string, variables: Record<string, unknown>, { token }: RequestOptions = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || body.errors || !body.data) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body).slice(0, 500)}`);
  return body.data;
}
