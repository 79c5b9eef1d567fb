import { text, type AllowRule, type CheckResult, type CheckText } from './types.ts';

/** One HTTPS connection the page made, and the HTTP version the browser says it used. */
export interface SeenConnection {
  host: string;
  /** Which request: "this page", "ping", "database REST"… (a string is data) */
  what: CheckText | string;
  /** `nextHopProtocol`: h2, h3, http/1.1, or '' when the browser does not tell (cross-origin). */
  protocol: string;
  /** Google's servers always offer HTTP/2 to browsers; ours may or may not (its load balancer). */
  servesHttp2: boolean;
}

export interface TlsEvidence {
  /** `location.protocol` of this page. */
  pageProtocol: string;
  connections: SeenConnection[];
  /** Our ping's own header arrived (null: the ping did not answer). */
  headerIntact: boolean | null;
  /** HTTPS and WSS hosts the other checks need: the ones to exempt from inspection. */
  secureRules: AllowRule[];
}

const LIMITS = text('tlsLimits');

/**
 * Signs of TLS interception that a page can see. A decrypting proxy ends the browser's TLS
 * connection itself: many then speak HTTP/1.1 to the browser (Google's servers never would) and
 * some rebuild answers without headers they do not know. Neither is proof, and the certificate
 * chain, the real evidence, is hidden from pages; the words say so.
 */
export function tlsResult(evidence: TlsEvidence): CheckResult {
  if (evidence.pageProtocol !== 'https:') {
    return {
      outcome: 'not_applicable',
      headline: text('tlsNoHttpsHeadline'),
      meaning: [text('tlsNoHttpsMeaning', { scheme: 'https://' })],
      details: [],
      allow: [],
    };
  }
  const known = evidence.connections.filter((c) => c.protocol !== '');
  const details = evidence.connections.map((c) =>
    c.protocol
      ? text('detailConnection', { host: c.host, what: c.what, protocol: c.protocol })
      : text('detailConnectionUnknown', { host: c.host, what: c.what }),
  );
  if (evidence.headerIntact === false) details.push(text('detailPingHeaderMissing'));
  const exempt = evidence.secureRules;
  const exemptHosts = [...new Set(exempt.map((r) => r.host))].join(', ');
  const exemptText = exemptHosts
    ? text('tlsExempt', { hosts: exemptHosts })
    : text('tlsExemptAbove');
  const downgradedGoogle = known.filter((c) => c.servesHttp2 && c.protocol === 'http/1.1');
  const downgradedOurs = known.filter((c) => !c.servesHttp2 && c.protocol === 'http/1.1');

  if (downgradedGoogle.length > 0 || evidence.headerIntact === false) {
    const hosts = [...new Set(downgradedGoogle.map((c) => c.host))].join(', ');
    return {
      outcome: 'warn',
      headline: text('tlsSignsHeadline'),
      meaning: [
        downgradedGoogle.length > 0
          ? text('tlsGoogleDowngraded', { hosts })
          : text('tlsHeaderRebuilt'),
        text('tlsBreaksWebSockets'),
        exemptText,
        LIMITS,
      ],
      details,
      allow: exempt,
    };
  }
  if (downgradedOurs.length > 0) {
    return {
      outcome: 'warn',
      headline: text('tlsPossiblyHeadline'),
      meaning: [
        text('tlsPossiblyMeaning'),
        exemptHosts
          ? text('tlsPossiblyExempt', { hosts: exemptHosts })
          : text('tlsPossiblyExemptAbove'),
        LIMITS,
      ],
      details,
      allow: exempt,
    };
  }
  if (known.length === 0) {
    return {
      outcome: 'not_applicable',
      headline: text('tlsUnknownHeadline'),
      meaning: [text('tlsUnknownMeaning'), LIMITS],
      details,
      allow: [],
    };
  }
  return {
    outcome: 'pass',
    headline: text('tlsPassHeadline'),
    meaning: [text('tlsPassMeaning'), LIMITS],
    details,
    allow: [],
  };
}
