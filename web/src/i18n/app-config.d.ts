import type accounts from '../../messages/accounts/en.json';
import type common from '../../messages/common/en.json';
import type dashboard from '../../messages/dashboard/en.json';
import type editor from '../../messages/editor/en.json';
import type errors from '../../messages/errors/en.json';
import type kinds from '../../messages/kinds/en.json';
import type network from '../../messages/network/en.json';
import type privacy from '../../messages/privacy/en.json';
import type projector from '../../messages/projector/en.json';
import type reports from '../../messages/reports/en.json';
import type student from '../../messages/student/en.json';
import type teacher from '../../messages/teacher/en.json';
import type { AppLocale } from './locales.ts';

/**
 * Typed messages: `t('key')` with a key English does not have, or a message's placeholder left
 * out, fails the typecheck. English is the source; the catalog test holds the others to it.
 */
declare module 'next-intl' {
  interface AppConfig {
    Locale: AppLocale;
    Messages: {
      accounts: typeof accounts;
      common: typeof common;
      dashboard: typeof dashboard;
      editor: typeof editor;
      errors: typeof errors;
      kinds: typeof kinds;
      network: typeof network;
      privacy: typeof privacy;
      projector: typeof projector;
      reports: typeof reports;
      student: typeof student;
      teacher: typeof teacher;
    };
  }
}
