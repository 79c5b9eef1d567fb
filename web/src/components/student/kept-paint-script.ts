import { identityKey, KEPT_PAINT_KEY_PREFIX } from '@classpulse/realtime/client';
import { JOINING_ATTRIBUTE, KEPT_PAINT_SLOT_ATTRIBUTE } from './kept-paint-mark.ts';

const SLOT = `[${KEPT_PAINT_SLOT_ATTRIBUTE}]`;

/**
 * The inline script after the student page's content (see kept-paint-mark.ts): the identity this
 * browser has for the page's code, that student's kept paint, and then, once every stylesheet
 * the copy was styled by is on the page (the live page had loaded some lazily: they are added
 * here), the copy in the slot. A stylesheet of the page that the copy never had means another
 * build, and a copy kept in another language than the page's (the reader switched): nothing is
 * painted.
 */
export const keptPaintScript = `(function(){try{var m=/^\\/join\\/([^/]+)$/.exec(location.pathname);if(!m)return;var c=decodeURIComponent(m[1]).trim().toUpperCase();if(!/^[A-Z0-9]{1,16}$/.test(c))return;var id=JSON.parse(localStorage.getItem(${JSON.stringify(identityKey(''))}+c)||'null');if(!id||typeof id.sessionId!=='string'||typeof id.studentId!=='string')return;var k=JSON.parse(localStorage.getItem(${JSON.stringify(KEPT_PAINT_KEY_PREFIX)}+id.sessionId+':'+id.studentId)||'null');if(!k||typeof k.html!=='string'||!Array.isArray(k.sheets)||k.lang!==document.documentElement.lang)return;var links=document.querySelectorAll('link[rel=stylesheet]'),have={},i;for(i=0;i<links.length;i++){var h=links[i].getAttribute('href');if(k.sheets.indexOf(h)<0)return;have[h]=1}var missing=k.sheets.filter(function(h){return typeof h==='string'&&!have[h]});var paint=function(){var slot=document.querySelector(${JSON.stringify(SLOT)});if(!slot||slot.firstChild)return;var s=document.createElement('style');s.textContent=${JSON.stringify(`${SLOT}:not(:empty)~[${JOINING_ATTRIBUTE}]{display:none!important}`)};document.head.appendChild(s);slot.innerHTML=k.html};var waiting=missing.length;if(!waiting)return paint();missing.forEach(function(h){var l=document.createElement('link');l.rel='stylesheet';l.href=h;l.onload=function(){if(--waiting===0)paint()};l.onerror=function(){waiting=-1};document.head.appendChild(l)})}catch(e){}})()`;
