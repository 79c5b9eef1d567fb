import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { NetworkCheckApp } from '../../components/network-check/NetworkCheckApp.tsx';
import { webConfig } from '../../server/config.ts';
import { pageMetricsSettings } from '../../server/metrics-page-token.ts';
import { networkCheckTargets } from '../../server/network-check.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('network.networkCheck'))('metaTitle') };
}

/**
 * For a school's IT admin: does this network let Classpulse through? The hosts it tests come
 * from this deployment's configuration (the same that student and teacher pages get).
 */
export default async function NetworkCheckPage() {
  const config = webConfig();
  const targets = networkCheckTargets(config, (await headers()).get('host'));
  return <NetworkCheckApp targets={targets} metrics={await pageMetricsSettings(config)} />;
}
