#!/usr/bin/env node
// Renders the app icons (app/icon.svg's design) to the PNGs that installing needs: the web manifest's
// 192 and 512 px icons, a maskable one (the mark inside the central safe zone, background to the
// edges) and Safari's 180 px apple-touch-icon. Run once after changing the design; the PNGs are committed.
// Usage: node scripts/make-icons.mjs
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM } from './local-site.mjs';

const BLUE = '#0b5cad';
const mark = (size, { rounded, scale }) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">
  <rect width="32" height="32" rx="${rounded ? 6 : 0}" fill="${BLUE}"/>
  <g transform="translate(16 16) scale(${scale}) translate(-16 -16)">
    <text x="16" y="20.6" font-family="DejaVu Sans, sans-serif" font-size="13" font-weight="700" fill="#fff" text-anchor="middle">G2</text>
  </g></svg>`;

const ICONS = [
  { file: 'public/icons/icon-192.png', size: 192, rounded: true, scale: 1 },
  { file: 'public/icons/icon-512.png', size: 512, rounded: true, scale: 1 },
  { file: 'public/icons/icon-maskable-512.png', size: 512, rounded: false, scale: 0.8 },
  { file: 'app/apple-icon.png', size: 180, rounded: false, scale: 0.9 },
];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
const page = await browser.newPage();
fs.mkdirSync('public/icons', { recursive: true });
for (const icon of ICONS) {
  await page.setViewportSize({ width: icon.size, height: icon.size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${mark(icon.size, icon)}</body></html>`);
  await page.locator('svg').screenshot({ path: icon.file, omitBackground: true });
  console.log(`${icon.file} (${icon.size} px)`);
}
await browser.close();
