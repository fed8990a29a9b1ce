/** Used when nothing else is configured: Cloudflare's public resolver, which sends CORS headers. */
export const DEFAULT_RESOLVER = 'https://cloudflare-dns.com/dns-query';
/** A second opinion for "still propagating": Google's public resolver. */
export const DEFAULT_SECOND_RESOLVER = 'https://dns.google/dns-query';
