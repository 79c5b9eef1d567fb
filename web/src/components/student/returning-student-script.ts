import { identityKey } from '@classpulse/realtime/client';
import { SIGNED_IN_KEY } from '../../lib/signed-in-handoff.ts';
import {
  NEWCOMER_ATTRIBUTE,
  RESUMING_ATTRIBUTE,
  RETURNING_STYLE_ID,
} from './returning-student-mark.ts';

/**
 * The inline script of the student page (rendered by the server with the CSP nonce; see
 * returning-student-mark.ts): the identity check of `hasStoredIdentity`, or an identity the
 * school sign-in hands over in the address.
 */
export const returningStudentScript = `(function(){try{var m=/^\\/join\\/([^/]+)$/.exec(location.pathname);if(!m)return;var c=decodeURIComponent(m[1]).trim().toUpperCase();if(location.hash.indexOf(${JSON.stringify(`#${SIGNED_IN_KEY}=`)})!==0&&!(/^[A-Z0-9]{1,16}$/.test(c)&&localStorage.getItem(${JSON.stringify(identityKey(''))}+c)!==null))return;var s=document.createElement('style');s.id=${JSON.stringify(RETURNING_STYLE_ID)};s.textContent='[${NEWCOMER_ATTRIBUTE}]{display:none!important}[${RESUMING_ATTRIBUTE}]{display:block!important}';document.head.appendChild(s)}catch(e){}})()`;
