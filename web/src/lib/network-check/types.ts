import type { NetworkCheck, NetworkCheckOutcome } from '@classpulse/metrics-aggregator/catalog';
import type network from '../../../messages/network/en.json';
import type { Words, WordsValue } from '../../i18n/words.ts';

export type { NetworkCheck, NetworkCheckOutcome };

/** A message of the `network` catalog's `networkCheck.results`: the checks' words. */
export type ResultKey = keyof (typeof network)['networkCheck']['results'];
/** A message of `networkCheck`: one of the results, or a check's title. */
export type CheckTextKey = `results.${ResultKey}` | `checks.${NetworkCheck}.title`;

/** Words for people, in the reader's language on the page and in English in the summary. */
export type CheckText = Words<CheckTextKey>;
/** A value in a check's words: a string is data (host, URL, status code), never translated. */
export type TextValue = WordsValue<CheckTextKey>;

/** A result's words with their values. */
export function text(key: ResultKey, values?: Record<string, TextValue>): CheckText {
  return values ? { key: `results.${key}`, values } : { key: `results.${key}` };
}

/** A check's title, as words in a result. */
export function checkTitle(check: NetworkCheck): CheckText {
  return { key: `checks.${check}.title` };
}

/** One thing a school's firewall or proxy must let through. */
export interface AllowRule {
  /** `ws`/`wss` for WebSocket, `http`/`https` for ordinary requests. */
  scheme: 'http' | 'https' | 'ws' | 'wss';
  /** A host name, an address, or a wildcard like `*.firebaseio.com`. */
  host: string;
  port: number;
  /** What goes through, in a few words ("WebSocket", "HTTPS requests"); a string is data. */
  what: Array<CheckText | string>;
}

/** What one check found, in words for a school's IT admin. */
export interface CheckResult {
  outcome: NetworkCheckOutcome;
  /** One sentence: what happened. */
  headline: CheckText;
  /** What it means for the school, and on a warning or failure what to do: sentences. */
  meaning: CheckText[];
  /** Facts for our support: timings, status codes, protocols. */
  details: CheckText[];
  /** What this part of Classpulse needs through the network. */
  allow: AllowRule[];
}

/** Where Firebase mode's browsers go: the database and Google's sign-in service. */
export interface FirebaseTargets {
  /** Host (and port, for an emulator) of the database, as shown to people. */
  databaseHost: string;
  /** The Realtime Database WebSocket endpoint (what the Firebase SDK opens). */
  websocketUrl: string;
  /** A REST read that needs no sign-in (the rules refuse it, which still proves the way). */
  restUrl: string;
  /** The sign-in (custom token exchange) and token refresh endpoints the SDK calls. */
  signInUrl: string;
  refreshUrl: string;
  /** The database's own domain: the SDK may be sent to another server in it (`*.firebaseio.com`). */
  domainWildcard: string | null;
  /** Local stand-ins (development and tests): plain ws/http, no Google hosts. */
  emulated: boolean;
}

/**
 * Everything the network check page tests, from this deployment's configuration (worked out on
 * the server, src/server/network-check.ts); the page's own origin comes from the browser.
 */
export interface NetworkCheckTargets {
  /** GET: `{ ok, serverTime }`, never cached. */
  pingUrl: string;
  /** POST: a short-lived token that may only connect to the realtime tier and ping. */
  tokenUrl: string;
  realtime: { url: string; polling: boolean };
  /** Null when this deployment does not use Firebase. */
  firebase: FirebaseTargets | null;
  /** Where pages send metrics beacons: a path on this origin or an absolute URL. */
  metricsEndpoint: string;
}

/** The check's own header sent with the ping answer; missing means something rewrote it. */
export const PING_HEADER = 'x-classpulse-network-check';
export const PING_HEADER_VALUE = 'ok';
