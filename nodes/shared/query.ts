// Query strings built once, byte for byte as they go on the wire. No n8n runtime imports: the
// credentials use this too.

export type QueryValue = string | number | boolean | undefined | null;
export type Query = Record<string, QueryValue>;

/**
 * RFC 3986 percent-encoding. Stricter than `encodeURIComponent` (it also encodes `!'()*`), so no URL
 * parser between us and the socket re-encodes anything: the query string we build is the one sent,
 * byte for byte. Sumsub signs exactly these bytes.
 */
export function strictEncode(value: string): string {
	return encodeURIComponent(value).replace(
		/[!'()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}

/** `a=1&b=x%20y`, skipping undefined, null and empty-string values, in insertion order. */
export function encodeQuery(query: Query = {}): string {
	const parts: string[] = [];
	for (const [key, value] of Object.entries(query)) {
		if (value === undefined || value === null || value === '') continue;
		parts.push(`${strictEncode(key)}=${strictEncode(String(value))}`);
	}
	return parts.join('&');
}

export function withQuery(url: string, query: Query = {}): string {
	const encoded = encodeQuery(query);
	return encoded ? `${url}?${encoded}` : url;
}
