// The web manifest (/manifest.webmanifest): what installing the pamphlet as an app uses. Paths
// carry the base path the site was built for.
import type { MetadataRoute } from 'next';
import { sitePath } from '@/lib/site';

export const dynamic = 'force-static';

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'GPT-2 Pamphlet',
    short_name: 'GPT-2',
    description: 'How GPT-2 works: lessons, the model running in your browser, and flashcards that schedule themselves.',
    id: sitePath('/'),
    start_url: sitePath('/'),
    scope: sitePath('/'),
    display: 'standalone',
    background_color: '#fbfaf7',
    theme_color: '#0b5cad',
    icons: [
      { src: sitePath('/icons/icon-192.png'), sizes: '192x192', type: 'image/png' },
      { src: sitePath('/icons/icon-512.png'), sizes: '512x512', type: 'image/png' },
      { src: sitePath('/icons/icon-maskable-512.png'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
