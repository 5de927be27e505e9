import Link from '@/components/SiteLink';
import NavLinks from './NavLinks';
import ThemeToggle from './ThemeToggle';

export default function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-title">
          GPT-2 Pamphlet
        </Link>
        <NavLinks />
        <ThemeToggle />
      </div>
    </header>
  );
}
