// Where this build of the site is served (set at build time from BASE_PATH and SITE_URL; see
// scripts/site-config.mjs). Next's <Link> adds the base path itself; everything else that names a
// URL of the site (fetches, plain links, share links) goes through sitePath().

/** '' at the root of a domain, or e.g. '/gpt2-pamphlet'. */
export const BASE_PATH: string = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

/** The public address of the site (no trailing slash), or undefined when the build was not told it. */
export const SITE_URL: string | undefined = process.env.NEXT_PUBLIC_SITE_URL || undefined;

/**
 * The Hugging Face hub this build may fetch a model's original weights from (HUB_URL, by default
 * https://huggingface.co; the page's CSP allows it), or undefined outside a build (then never).
 */
export const HUB_URL: string | undefined = process.env.NEXT_PUBLIC_HUB_URL || undefined;

/** A site path ('/models/index.json') as the browser must request it. */
export function sitePath(path: string): string {
  return `${BASE_PATH}${path}`;
}
