'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/**
 * Puts the projector page in full screen (the Fullscreen API) and back. Escape also leaves, and
 * the button follows along through `fullscreenchange` however full screen ended.
 */
export function FullScreenButton({ className }: { className?: string }) {
  const t = useTranslations('projector.projector');
  const [full, setFull] = useState(false);
  const [supported, setSupported] = useState(false);
  useEffect(() => {
    setSupported(document.fullscreenEnabled);
    const follow = () => setFull(document.fullscreenElement !== null);
    // Browsers leave full screen on Escape themselves; kiosk and embedded browsers may not.
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && document.fullscreenElement)
        void document.exitFullscreen().catch(() => undefined);
    };
    follow();
    document.addEventListener('fullscreenchange', follow);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('fullscreenchange', follow);
      document.removeEventListener('keydown', escape);
    };
  }, []);
  // Some browsers (an iPhone's Safari) have no Fullscreen API for pages: no button that does nothing.
  if (!supported) return null;
  return (
    <button
      type="button"
      className={className}
      onClick={() =>
        void (
          full ? document.exitFullscreen() : document.documentElement.requestFullscreen()
        ).catch(() => undefined)
      }
    >
      {full ? t('exitFullScreen') : t('fullScreen')}
    </button>
  );
}
