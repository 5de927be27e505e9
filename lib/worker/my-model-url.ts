// Where a model trained in this browser lives: a folder URL under the site, /my-models/<id>/, that no
// server serves. Its manifest and files are in Cache Storage only (my-models.ts keeps them there), so
// model-files.ts reads such a URL from MY_MODELS_CACHE and never from the network.

import { sitePath } from '@/lib/site';

export const MY_MODELS_PATH = '/my-models/';

/** An id is a content hash prefix (my-models.ts): hex only, so it is safe in a URL path as is. */
const ID = /^[0-9a-f]{8,64}$/;

/** The model's folder URL, e.g. https://host/base/my-models/3f2a…/; `siteHref` is any URL of the site. */
export function myModelBaseUrl(id: string, siteHref: string): string {
  if (!ID.test(id)) throw new TypeError(`"${id}" is not a model id`);
  return new URL(sitePath(`${MY_MODELS_PATH}${id}/`), siteHref).href;
}

/** Whether `url` (a base URL or a file in it) belongs to a model kept in this browser. */
export function isMyModelUrl(url: string): boolean {
  return myModelIdOf(url) !== null;
}

/** The id in a /my-models/<id>/… URL, or null. */
export function myModelIdOf(url: string): string | null {
  const prefix = sitePath(MY_MODELS_PATH);
  const { pathname } = new URL(url);
  if (!pathname.startsWith(prefix)) return null;
  const id = pathname.slice(prefix.length).split('/')[0];
  return ID.test(id) ? id : null;
}
