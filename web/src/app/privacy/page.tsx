import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SiteFooter } from '../../components/SiteFooter.tsx';
import { database } from '../../server/db.ts';
import { webConfig } from '../../server/config.ts';
import { getRetentionPolicy } from '../../server/data/retention-repository.ts';
import { STORE_IDS, STORED_FIELDS, type StoreId } from '../../privacy/stored-fields.ts';
import { locationMessageKey } from '../../privacy/message-keys.ts';
import styles from './privacy.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('privacy.page'))('metaTitle') };
}
export const dynamic = 'force-dynamic';

/**
 * What this site stores, about whom, why and for how long, for parents, students and a district's
 * privacy office. Generated from the register the code uses (src/privacy/stored-fields.ts); the
 * retention figures are this deployment's policy. A server component: no JavaScript ships.
 */
export default async function PrivacyPage() {
  const t = await getTranslations('privacy');
  const policy = await getRetentionPolicy(await database());
  const firebase = webConfig().firebase !== undefined;
  return (
    <>
      <main className={`page ${styles.privacy}`}>
        <h1>{t('page.title')}</h1>
        <p>{t('page.lead')}</p>

        <section aria-labelledby="retention">
          <h2 id="retention">{t('page.retentionHeading')}</h2>
          <p>
            {t('page.retentionNow', {
              days: policy.retentionDays,
              maxKeep: policy.maxKeepDays,
            })}
          </p>
        </section>

        <section aria-labelledby="never">
          <h2 id="never">{t('page.neverHeading')}</h2>
          <ul>
            <li>{t('page.neverAddresses')}</li>
            <li>{t('page.neverUserAgents')}</li>
            <li>{t('page.neverTracking')}</li>
            <li>{t('page.neverMetrics')}</li>
            <li>{firebase ? t('page.firebaseNote') : t('page.neverThirdParties')}</li>
          </ul>
        </section>

        <section aria-labelledby="requests">
          <h2 id="requests">{t('page.requestsHeading')}</h2>
          <p>{t('page.requestsWho')}</p>
          <p>{t('page.requestsSee')}</p>
          <p>{t('page.requestsErase')}</p>
          <p>{t('page.requestsAudit')}</p>
        </section>

        <section aria-labelledby="stores">
          <h2 id="stores">{t('page.storesHeading')}</h2>
          {STORE_IDS.map((store) => (
            <StoreSection key={store} store={store} t={t} />
          ))}
        </section>
      </main>
      <SiteFooter />
    </>
  );
}

type PrivacyT = Awaited<ReturnType<typeof getTranslations<'privacy'>>>;
// Keys built from the register's ids; test/privacy-page.test.ts checks each exists in every locale.
type AnyKey = Parameters<PrivacyT>[0];

function StoreSection({ store, t }: { store: StoreId; t: PrivacyT }) {
  return (
    <section aria-labelledby={`store-${store}`}>
      <h3 id={`store-${store}`}>{t(`stores.${store}.name`)}</h3>
      <p>{t(`stores.${store}.intro`)}</p>
      {Object.entries(STORED_FIELDS[store]).map(([location, entry]) => {
        const headingId = `${store}-${locationMessageKey(location)}`;
        return (
          <div key={location} className={styles.location}>
            <h4 id={headingId}>
              <code>{location}</code>
            </h4>
            <p>{t(`locations.${store}.${locationMessageKey(location)}` as AnyKey)}</p>
            <p className={styles.meta}>
              {t('page.about', { subject: t(`subjects.${entry.about}`) })}
              {' · '}
              {t('page.kept', { retention: t(`retention.${entry.retention}`) })}
            </p>
            <table className={styles.fields} aria-labelledby={headingId}>
              <thead>
                <tr>
                  <th scope="col">{t('page.fieldColumn')}</th>
                  <th scope="col">{t('page.kindColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(entry.fields).map(([field, { kind }]) => (
                  <tr key={field}>
                    <th scope="row">
                      <code>{field}</code>
                    </th>
                    <td>{t(`kinds.${kind}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
