import type { AllowRule, CheckResult } from './types.ts';

/** One HTTPS connection the page made, and the HTTP version the browser says it used. */
export interface SeenConnection {
  host: string;
  /** Which request: "this page", "ping", "database REST"… */
  what: string;
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

const LIMITS =
  'What a browser cannot tell a page: which certificate it accepted. A proxy whose certificate is installed on this device and that speaks HTTP/2 looks exactly like a direct connection, so “no sign” is not proof.';

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
      headline: 'Not applicable: this page was not loaded over HTTPS.',
      meaning:
        'Without HTTPS there is no encryption for a proxy to intercept, so there is nothing to look for. Open this page with an https:// address to run this check.',
      details: [],
      allow: [],
    };
  }
  const known = evidence.connections.filter((c) => c.protocol !== '');
  const details = [
    ...evidence.connections.map(
      (c) => `${c.host} (${c.what}): ${c.protocol || 'protocol not reported by the browser'}`,
    ),
  ];
  if (evidence.headerIntact === false) details.push('Our ping answer arrived without our header');
  const exempt = evidence.secureRules;
  const exemptHosts = [...new Set(exempt.map((r) => r.host))].join(', ');
  const downgradedGoogle = known.filter((c) => c.servesHttp2 && c.protocol === 'http/1.1');
  const downgradedOurs = known.filter((c) => !c.servesHttp2 && c.protocol === 'http/1.1');

  if (downgradedGoogle.length > 0 || evidence.headerIntact === false) {
    const hosts = [...new Set(downgradedGoogle.map((c) => c.host))].join(', ');
    return {
      outcome: 'warn',
      headline: 'Signs of HTTPS inspection: something may be decrypting this device’s traffic.',
      meaning: `${
        downgradedGoogle.length > 0
          ? `Google’s servers always offer HTTP/2, yet this browser spoke HTTP/1.1 with ${hosts}: typical of a proxy or filter that decrypts HTTPS and re-encrypts it with its own certificate.`
          : 'An answer from our server arrived without a header we send: something rebuilt it on the way, which a decrypting proxy can do.'
      } Inspection often breaks WebSockets and slows live updates. If you inspect HTTPS, exempt ${exemptHosts || 'the hosts above'}. ${LIMITS}`,
      details,
      allow: exempt,
    };
  }
  if (downgradedOurs.length > 0) {
    return {
      outcome: 'warn',
      headline: 'Possibly inspected: our site was reached over HTTP/1.1.',
      meaning: `Decrypting proxies often speak HTTP/1.1 to the browser. This can also simply be how our server is set up, so if your network does not inspect HTTPS, ignore this. If it does, exempt ${exemptHosts || 'the hosts above'}. ${LIMITS}`,
      details,
      allow: exempt,
    };
  }
  if (known.length === 0) {
    return {
      outcome: 'not_applicable',
      headline: 'Not applicable: this browser does not report which protocol it used.',
      meaning: `Without that, a page has nothing to go on. ${LIMITS}`,
      details,
      allow: [],
    };
  }
  return {
    outcome: 'pass',
    headline: 'No sign of HTTPS inspection.',
    meaning: `The browser used HTTP/2 or HTTP/3 end to end, and our answers arrived as sent. Most decrypting proxies would show here. ${LIMITS}`,
    details,
    allow: [],
  };
}
