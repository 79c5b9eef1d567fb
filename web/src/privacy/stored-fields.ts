/**
 * The register of everything Classpulse stores: every table and column of the web tier's database
 * (SQLite or PostgreSQL, same migrations), of the realtime tier's stores (SQLite tables, Redis keys,
 * Firebase paths), who each is about, what kind of thing it is and how long it is kept.
 *
 * The `/privacy` page is generated from it, and test/stored-fields.test.ts holds it to the real
 * schemas, so what we tell schools cannot drift from what the code stores. Plain-language words
 * live in the `privacy` message catalog, keyed by the ids used here.
 */

/** Whom a field is about. */
export const SUBJECTS = ['student', 'teacher', 'session', 'none'] as const;
export type Subject = (typeof SUBJECTS)[number];

/** How long a field is kept (the catalog's `retention.<class>` says it in words). */
export const RETENTION_CLASSES = [
  /** Until the retention policy deletes the session, or its teacher deletes it first. */
  'session',
  /** While the teacher's account exists. */
  'account',
  /** Until the teacher deletes the deck. */
  'deck',
  /** Until an admin changes the setting. */
  'setting',
  /** For the retention period, then deleted. */
  'audit',
  /** Not deleted automatically today (no student data). */
  'untilRemoved',
  /** Only while a live process or session needs it; gone within minutes. */
  'live',
] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];

/** What kind of value a field holds (the catalog's `kinds.<kind>` says it in words). */
export const FIELD_KINDS = [
  'id',
  'time',
  'name',
  'email',
  'answers',
  'content',
  'setting',
  'secret',
  'signIn',
  'health',
  'file',
  'audit',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface StoredField {
  kind: FieldKind;
}

/** One table, key family or database path: who it is about, how long it is kept, its fields. */
export interface StoredLocation {
  about: Subject;
  retention: RetentionClass;
  fields: Record<string, StoredField>;
}

export const STORE_IDS = ['webDatabase', 'realtimeSqlite', 'redis', 'firebase'] as const;
export type StoreId = (typeof STORE_IDS)[number];

const k = (kind: FieldKind): StoredField => ({ kind });

/** The register. Store → table, key family or path → column or child → what it is. */
export const STORED_FIELDS: Record<StoreId, Record<string, StoredLocation>> = {
  // web/src/server/data/migrations (SQLite in the embedded default, PostgreSQL in production).
  webDatabase: {
    accounts: {
      about: 'teacher',
      retention: 'account',
      fields: {
        id: k('id'),
        email: k('email'),
        name: k('name'),
        role: k('setting'),
        password_hash: k('secret'),
        oidc_issuer: k('signIn'),
        oidc_subject: k('signIn'),
        disabled_at: k('time'),
        sessions_valid_after: k('time'),
        created_at: k('time'),
        last_sign_in_at: k('time'),
        language: k('setting'),
      },
    },
    one_time_links: {
      about: 'teacher',
      retention: 'untilRemoved',
      fields: {
        token_hash: k('secret'),
        purpose: k('setting'),
        email: k('email'),
        role: k('setting'),
        account_id: k('id'),
        created_by: k('id'),
        created_at: k('time'),
        expires_at: k('time'),
        used_at: k('time'),
      },
    },
    decks: {
      about: 'teacher',
      retention: 'deck',
      fields: {
        id: k('id'),
        teacher_id: k('id'),
        title: k('content'),
        deck: k('content'),
        created_at: k('time'),
        updated_at: k('time'),
      },
    },
    deck_shares: {
      about: 'teacher',
      retention: 'deck',
      fields: {
        deck_id: k('id'),
        account_id: k('id'),
        permission: k('setting'),
        shared_by: k('id'),
        created_at: k('time'),
      },
    },
    imports: {
      about: 'teacher',
      retention: 'untilRemoved',
      fields: {
        id: k('id'),
        teacher_id: k('id'),
        file_name: k('content'),
        state: k('setting'),
        pages_done: k('setting'),
        pages_total: k('setting'),
        deck_id: k('id'),
        error_code: k('setting'),
        error_message: k('setting'),
        created_at: k('time'),
        updated_at: k('time'),
      },
    },
    uploads: {
      about: 'none',
      retention: 'untilRemoved',
      fields: {
        name: k('id'),
        content_type: k('file'),
        size: k('file'),
        bytes: k('file'),
        created_at: k('time'),
      },
    },
    sessions: {
      about: 'session',
      retention: 'session',
      fields: {
        id: k('id'),
        teacher_id: k('id'),
        deck_id: k('id'),
        title: k('content'),
        join_code: k('id'),
        teacher_token: k('secret'),
        created_at: k('time'),
        transport: k('setting'),
        student_sign_in: k('setting'),
        due_at: k('time'),
        ended_at: k('time'),
        keep_until: k('time'),
        deletion_claimed_by: k('id'),
        deletion_claimed_at: k('time'),
      },
    },
    session_students: {
      about: 'student',
      retention: 'session',
      fields: {
        session_id: k('id'),
        email: k('email'),
        student_id: k('id'),
        name: k('name'),
        created_at: k('time'),
      },
    },
    session_co_teachers: {
      about: 'teacher',
      retention: 'session',
      fields: {
        session_id: k('id'),
        account_id: k('id'),
        added_by: k('id'),
        created_at: k('time'),
      },
    },
    retention_policy: {
      about: 'none',
      retention: 'setting',
      fields: {
        id: k('id'),
        retention_days: k('setting'),
        max_keep_days: k('setting'),
        updated_by: k('id'),
        updated_at: k('time'),
      },
    },
    retention_job_lease: {
      about: 'none',
      retention: 'untilRemoved',
      fields: {
        id: k('id'),
        holder: k('id'),
        expires_at: k('time'),
        last_success_at: k('time'),
      },
    },
    // Also an admin's export or erasure of a student's data: the session id and a count, never
    // the student's name, address or answers (server/student-requests-erase.ts).
    access_audit: {
      about: 'teacher',
      retention: 'audit',
      fields: {
        id: k('id'),
        at: k('time'),
        account_id: k('id'),
        action: k('audit'),
        session_id: k('id'),
        detail: k('audit'),
      },
    },
  },
  // realtime/src/server/store/sqlite-schema.ts (the embedded default's live sessions).
  realtimeSqlite: {
    sessions: {
      about: 'student',
      retention: 'session',
      fields: {
        id: k('id'),
        join_code: k('id'),
        teacher_id: k('id'),
        title: k('content'),
        status: k('setting'),
        created_at: k('time'),
        snapshot_seq: k('id'),
        snapshot: k('answers'),
      },
    },
    session_events: {
      about: 'student',
      retention: 'session',
      fields: { session_id: k('id'), seq: k('id'), events: k('answers') },
    },
    session_health: {
      about: 'student',
      retention: 'session',
      fields: { id: k('id'), session_id: k('id'), records: k('health') },
    },
  },
  // realtime/src/server/store/redis-store.ts and cluster/ (scale-out without Firebase).
  redis: {
    's:{session}:meta': {
      about: 'session',
      retention: 'session',
      fields: { snapshot: k('answers') },
    },
    's:{session}:log': { about: 'student', retention: 'session', fields: { events: k('answers') } },
    's:{session}:health': {
      about: 'student',
      retention: 'session',
      fields: { records: k('health') },
    },
    's:{session}:owner': { about: 'none', retention: 'live', fields: { process: k('id') } },
    'code:{code}': { about: 'session', retention: 'session', fields: { session: k('id') } },
    sessions: { about: 'session', retention: 'session', fields: { session: k('id') } },
    'teacher:{teacher}': { about: 'teacher', retention: 'session', fields: { session: k('id') } },
    'proc:{process}': { about: 'none', retention: 'live', fields: { heartbeat: k('time') } },
  },
  // realtime/src/firebase/paths.ts (Firebase mode's Realtime Database).
  firebase: {
    joinCode: { about: 'session', retention: 'session', fields: { session: k('id') } },
    teacherSession: {
      about: 'teacher',
      retention: 'session',
      fields: {
        joinCode: k('id'),
        title: k('content'),
        status: k('setting'),
        createdAt: k('time'),
      },
    },
    session: {
      about: 'session',
      retention: 'session',
      fields: { meta: k('setting'), state: k('content'), gate: k('setting'), public: k('content') },
    },
    roster: { about: 'student', retention: 'session', fields: { student: k('name') } },
    presence: { about: 'student', retention: 'live', fields: { connected: k('time') } },
    response: { about: 'student', retention: 'session', fields: { answer: k('answers') } },
    standing: { about: 'student', retention: 'session', fields: { points: k('answers') } },
    health: { about: 'student', retention: 'session', fields: { records: k('health') } },
  },
};

/** Every field of a store as `location.field`, for the drift tests. */
export function fieldIds(store: StoreId): string[] {
  return Object.entries(STORED_FIELDS[store]).flatMap(([location, { fields }]) =>
    Object.keys(fields).map((field) => `${location}.${field}`),
  );
}

/**
 * What is never collected, by anyone's request: the page says so, and the code is checked for it
 * (test/stored-fields.test.ts greps the schemas for these).
 */
export const NEVER_STORED = ['ipAddresses', 'userAgents', 'thirdParties', 'tracking'] as const;
