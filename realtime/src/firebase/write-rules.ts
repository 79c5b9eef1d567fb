/** `npm run rules -w @classpulse/realtime`: writes firebase/database.rules.json from rules.ts. */
import { writeFileSync } from 'node:fs';
import { buildDatabaseRules } from './rules.ts';

const target = new URL('../../firebase/database.rules.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(buildDatabaseRules(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
