'use client';
import Link from '@/components/SiteLink';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Lessons' },
  { href: '/review/', label: 'Review' },
  { href: '/stats/', label: 'Stats' },
  { href: '/generator/', label: 'Generator' },
  { href: '/deck/', label: 'Deck' },
  { href: '/import/', label: 'Import' },
  { href: '/glossary/', label: 'Glossary' },
];

export default function NavLinks() {
  const pathname = usePathname() ?? '/';
  return (
    <nav className="site-nav" aria-label="Main">
      {LINKS.map((l) => {
        const current =
          l.href === '/' ? pathname === '/' || pathname.startsWith('/lessons') : pathname.startsWith(l.href.replace(/\/$/, ''));
        return (
          <Link key={l.href} href={l.href} aria-current={current ? 'page' : undefined}>
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
