/**
 * Hard bounds on everything (each question kind adds its own in `../kinds/`; the protocol's
 * `LIMITS` export holds both). a client can send. They keep one message small enough that a full
 * classroom's worth of them fits in memory and in a socket.io frame (see `maxPayloadBytes`).
 */
export const LIMITS = {
  idMax: 64,
  deckTitleMax: 200,
  slidesMax: 100,
  slideTitleMax: 200,
  slideBodyMax: 5_000,
  /** A slide image's text alternative (an imported page's text is cut to it). */
  slideImageAltMax: 1_000,
  /** Teacher-only speaker notes of a slide (imported from PowerPoint or typed). */
  slideNotesMax: 5_000,
  /** An image's width or height in pixels. */
  imageSideMax: 20_000,
  promptMax: 500,
  /** The most points one question can be worth. */
  pointsMax: 1_000,
  urlMax: 2_048,
  studentNameMax: 40,
  /** The engine's hard ceiling on students who ever joined one session. */
  studentsPerSessionMax: 20_000,
  joinCodeLength: 6,
  /** Edits of one answer (each with a new answerId) before the server refuses more. */
  answerRevisionsMax: 50,
  timerMsMin: 1_000,
  timerMsMax: 60 * 60 * 1_000,
  /** Co-teachers of one session (other teacher accounts with full control). */
  coTeachersMax: 20,
  /** Students let in from the waiting room by one command (the dashboard's "Admit all" sends `all`). */
  admitBatchMax: 500,
  /** Teacher actions a session's audit trail keeps; past it, the oldest go first. */
  auditEntriesMax: 1_000,
  /** A round trip a student reports for the teacher's roster (ms). */
  rttReportMaxMs: 60_000,
  /** Largest message (UTF-8 JSON) the server handles; larger ones get `payload_too_large`. The transport closes a socket only past 1 MiB. */
  maxPayloadBytes: 64 * 1024,
} as const;

const DAY_MS = 86_400_000;

/**
 * Bounds of the delivery facts a client reports (health.ts). A client clamps to them, so
 * telemetry never costs an answer.
 */
export const DELIVERY_LIMITS = {
  queuedMsMax: 7 * DAY_MS,
  attemptMax: 1_000_000,
  clockOffsetMsMax: DAY_MS,
} as const;
