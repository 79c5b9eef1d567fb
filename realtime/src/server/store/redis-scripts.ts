/**
 * Lua scripts of the Redis store. Each runs atomically in Redis, which is what makes a session's
 * log linear when several realtime processes write to it: an append names the seq it expects and
 * is refused (SEQCONFLICT) when another writer got there first.
 *
 * Keys of session S: `<p>s:{S}:meta` (hash: joinCode, teacherId, title, status, createdAt, seq,
 * snapshotSeq, snapshot, logBase) and `<p>s:{S}:log` (list: the events of seq n at index
 * n - 1 - logBase; logBase, absent: 0, is the seq the log was compacted at by an erasure). Live join
 * codes: `<p>code:<CODE>` → S. Listing: `<p>sessions` and `<p>teacher:<T>` (sorted by creation).
 */

/** KEYS: code, meta, log, all, byTeacher. ARGV: id, joinCode, teacherId, title, createdAt, snapshot, events. */
export const CREATE_SESSION = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX') == false then return redis.error_reply('CODETAKEN') end
redis.call('HSET', KEYS[2], 'joinCode', ARGV[2], 'teacherId', ARGV[3], 'title', ARGV[4],
  'status', 'live', 'createdAt', ARGV[5], 'seq', 1, 'snapshotSeq', 1, 'snapshot', ARGV[6])
redis.call('RPUSH', KEYS[3], ARGV[7])
redis.call('ZADD', KEYS[4], ARGV[5], ARGV[1])
redis.call('ZADD', KEYS[5], ARGV[5], ARGV[1])
return 'OK'
`;

/**
 * KEYS: meta, log, code, owner. ARGV: id, seq, events, snapshot ('' for none), ended ('1'/'0'),
 * writer ('' when not fenced: a single process; else the lease holder's id, see session-lease.ts).
 */
export const APPEND_EVENTS = `
if ARGV[6] ~= '' and redis.call('GET', KEYS[4]) ~= ARGV[6] then return redis.error_reply('NOTOWNER') end
local current = redis.call('HGET', KEYS[1], 'seq')
if current == false then return redis.error_reply('NOSESSION') end
if tonumber(current) ~= tonumber(ARGV[2]) - 1 then
  return redis.error_reply('SEQCONFLICT expected ' .. (tonumber(current) + 1))
end
redis.call('RPUSH', KEYS[2], ARGV[3])
redis.call('HSET', KEYS[1], 'seq', ARGV[2])
if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'snapshot', ARGV[4], 'snapshotSeq', ARGV[2]) end
if ARGV[5] == '1' then
  redis.call('HSET', KEYS[1], 'status', 'ended')
  if redis.call('GET', KEYS[3]) == ARGV[1] then redis.call('DEL', KEYS[3]) end
end
return 'OK'
`;

/** KEYS: meta, log, all, codePrefix-less lookup done in Lua. ARGV: id, codeKeyPrefix, teacherKeyPrefix. */
export const DELETE_SESSION = `
local fields = redis.call('HMGET', KEYS[1], 'joinCode', 'teacherId')
if fields[1] == false then return 0 end
local codeKey = ARGV[2] .. fields[1]
if redis.call('GET', codeKey) == ARGV[1] then redis.call('DEL', codeKey) end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', ARGV[3] .. fields[2], ARGV[1])
return 1
`;

/**
 * Erases a student (SessionStore.eraseStudent). KEYS: meta, log, health. ARGV: seq the snapshot
 * was made at, snapshot ('' to keep the current one: the student was not in the state), the
 * health list's length when read, then the new health list (its batches, in order). Refused
 * (SEQCONFLICT) when the log or the health list moved since they were read: read again.
 * Returns 0 when the session does not exist.
 */
export const ERASE_STUDENT = `
local seq = redis.call('HGET', KEYS[1], 'seq')
if seq == false then return 0 end
if tonumber(seq) ~= tonumber(ARGV[1]) then return redis.error_reply('SEQCONFLICT log') end
if redis.call('LLEN', KEYS[3]) ~= tonumber(ARGV[3]) then return redis.error_reply('SEQCONFLICT health') end
if ARGV[2] ~= '' then
  redis.call('HSET', KEYS[1], 'snapshot', ARGV[2], 'snapshotSeq', ARGV[1], 'logBase', ARGV[1])
  redis.call('DEL', KEYS[2])
end
redis.call('DEL', KEYS[3])
for i = 4, #ARGV do redis.call('RPUSH', KEYS[3], ARGV[i]) end
return 1
`;

/**
 * Reads a session as one atomic step: the snapshot, its seq and the log after it (an erasure
 * between reading the snapshot and the log would move the log's base). KEYS: meta, log.
 * Returns [snapshot, snapshotSeq, events after it], or nil without a session.
 */
export const LOAD_SESSION = `
local f = redis.call('HMGET', KEYS[1], 'snapshot', 'snapshotSeq', 'logBase')
if f[1] == false or f[2] == false then return nil end
local from = tonumber(f[2]) - (tonumber(f[3]) or 0)
return {f[1], f[2], redis.call('LRANGE', KEYS[2], from, -1)}
`;
