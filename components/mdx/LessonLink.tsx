// Links in lesson text. A link to a page of the site goes through Next's <Link>, which adds the
// base path (the site may be served under /some/path) and navigates without a full reload.
import Link from '@/components/SiteLink';
import type { ComponentProps } from 'react';

export default function LessonLink({ href = '', ...rest }: ComponentProps<'a'>) {
  if (href.startsWith('/') && !href.startsWith('//')) return <Link href={href} {...rest} />;
  return <a href={href} {...rest} />;
}
