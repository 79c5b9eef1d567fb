import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { getLocale } from 'next-intl/server';
import { directionOf } from '../i18n/locales.ts';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Classpulse', template: '%s · Classpulse' },
  description: 'Live classroom questions: every answer, as it happens.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#4338ca',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Render per request: Next puts the CSP nonce (src/proxy.ts) on its scripts only then.
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body>{children}</body>
    </html>
  );
}
