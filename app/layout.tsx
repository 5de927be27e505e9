import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import SiteHeader from '@/components/SiteHeader';
import OfflineUpdates from '@/components/offline/OfflineUpdates';

export const metadata: Metadata = {
  title: { default: 'GPT-2 Pamphlet', template: '%s · GPT-2 Pamphlet' },
  description:
    'An interactive study pamphlet about how GPT-2 works, with the model running live in your browser and flashcards that schedule themselves.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#14161a' },
  ],
};

// Runs before paint so a stored theme choice never flashes the other theme.
const themeScript = `try{var t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <OfflineUpdates />
        <main id="main">{children}</main>
        <footer className="site-footer">
          <div className="site-footer__inner">GPT-2 Pamphlet · lessons, live model and flashcards, all in your browser.</div>
        </footer>
      </body>
    </html>
  );
}
