// A link to another page of the pamphlet: Next's <Link> (base path, navigation without a full reload)
// with prefetching off. Next prefetches every page a visible link points to; the header alone links
// seven pages, and decoding their payloads cost a phone about 250 ms of blocked main thread on each
// load (Lighthouse, mobile preset). A page is fetched when it is clicked instead, from the service
// worker's cache after the first visit. ESLint sends every other import of next/link here.
import Link from 'next/link';
import type { ComponentProps } from 'react';

export default function SiteLink(props: ComponentProps<typeof Link>) {
  return <Link prefetch={false} {...props} />;
}
