'use client';

import { useEffect, useState } from 'react';

/** The primary language subtag: "es-MX" → "es". */
const primary = (tag: string) => tag.split(/[-_]/)[0]?.toLowerCase() ?? '';

/**
 * A speech-synthesis voice for a language (the same primary subtag, a default voice first), or
 * null where the browser has no speech synthesis or no such voice. Browsers load their voices
 * late: `voiceschanged` tells when the list changes.
 */
export function useSpeechVoice(lang: string): SpeechSynthesisVoice | null {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(null);
  useEffect(() => {
    if (typeof window === 'undefined' || !('speechSynthesis' in window)) return;
    const synthesis = window.speechSynthesis;
    const pick = () => {
      const wanted = primary(lang);
      const voices = synthesis.getVoices().filter((v) => primary(v.lang) === wanted);
      const exact = voices.filter((v) => v.lang.toLowerCase() === lang.toLowerCase());
      const ranked = exact.length > 0 ? exact : voices;
      setVoice(ranked.find((v) => v.default) ?? ranked[0] ?? null);
    };
    pick();
    synthesis.addEventListener('voiceschanged', pick);
    return () => synthesis.removeEventListener('voiceschanged', pick);
  }, [lang]);
  return voice;
}
