import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import {
  protocolError,
  type ClientToServerEvents,
  type ProtocolError,
  type ServerToClientEvents,
} from '../../protocol/index.ts';
import type { LocalSessionOps } from '../local-session-ops.ts';
import { studentsRoom, teacherRoom } from '../rooms.ts';
import { NotHeldHereError } from '../session-cache.ts';
import type { Member, SessionOps } from '../session-ops.ts';
import { memberOf, type InterServerEvents, type SocketData } from '../socket-data.ts';
import { opsReplySchema, opsRequestSchema, type OpsRequest } from './ops-messages.ts';
import type { ProcessHeartbeat } from './process-heartbeat.ts';
import { RpcTimeoutError, type ProcessRpc } from './process-rpc.ts';
import { RemoteAttachments } from './remote-attachments.ts';
import type { SessionLeases } from './session-lease.ts';

const OWNER_CACHE_MAX = 50_000;

type IO = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface ClusterOpsDeps {
  local: LocalSessionOps;
  leases: SessionLeases;
  rpc: ProcessRpc;
  heartbeat: ProcessHeartbeat;
  io: IO;
  logger: Logger;
  leaseMs: number;
  rpcTimeoutMs: number;
  /** Sends the session's full views to its audiences (after it moved here). */
  resync(sessionId: string): void;
}

export interface ClusterOps extends SessionOps {
  /** This process took ownership of a session: tell the peers, count its own sockets here. */
  owned(sessionId: string): void;
  /** The session left this process's memory. */
  released(sessionId: string): void;
  /** Stops serving peers (they find the sessions' next owner). */
  stop(): void;
}

/**
 * SessionOps for several processes sharing one Redis. One process owns a session at a time (a
 * lease, session-lease.ts); it holds the session in memory and is the only one writing its log
 * (fenced by the Redis store). Any other process forwards each operation to the owner over
 * process-rpc and relays the answer. Whoever touches a session nobody owns takes it over, so a
 * dead owner's sessions move as soon as its leases expire; the new owner announces itself and
 * every process re-announces its connections, which rebuilds presence.
 */
export function createClusterOps(deps: ClusterOpsDeps): ClusterOps {
  const { local, leases, rpc, io, logger } = deps;
  const self = rpc.processId;
  const ownerCache = new Map<string, string>();
  const remote = new RemoteAttachments();

  /** A hint, checked by the owner on every request: bounded, and simply dropped when full. */
  const remember = (sessionId: string, owner: string) => {
    if (ownerCache.size >= OWNER_CACHE_MAX) ownerCache.clear();
    ownerCache.set(sessionId, owner);
  };

  const ownerOf = async (sessionId: string): Promise<string | null> => {
    if (leases.held().has(sessionId)) return self;
    const cached = ownerCache.get(sessionId);
    if (cached !== undefined) return cached;
    const owner = await leases.ownerOf(sessionId);
    if (owner !== null && owner !== self) remember(sessionId, owner);
    return owner;
  };

  /** Runs the request here if this process owns (or can take) the session, else asks the owner. */
  const route = async <T>(request: OpsRequest): Promise<T | ProtocolError> => {
    const { sessionId } = request;
    // Long enough for a dead owner's lease to run out and someone to take over.
    const deadline = Date.now() + deps.leaseMs + deps.rpcTimeoutMs;
    for (;;) {
      const owner = await ownerOf(sessionId);
      if (owner === null || owner === self) {
        try {
          return (await runHere(request)) as T;
        } catch (error) {
          if (!(error instanceof NotHeldHereError)) throw error;
        }
      } else {
        try {
          const reply = opsReplySchema.parse(await rpc.request(owner, request, deps.rpcTimeoutMs));
          if ('result' in reply) return reply.result as T;
        } catch (error) {
          if (!(error instanceof RpcTimeoutError)) throw error;
          logger.warn({ sessionId, owner }, 'the owner of a session did not answer');
        }
        ownerCache.delete(sessionId);
      }
      if (Date.now() > deadline) {
        return protocolError('unavailable', 'The session is moving to another server; try again.');
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  /** This process's own sockets of a session, as the connections to announce to its owner. */
  const localConnections = (sessionId: string) => {
    const connections: Array<{ member: Member; transport: string; connection: string }> = [];
    for (const room of [teacherRoom(sessionId), studentsRoom(sessionId)]) {
      for (const socketId of io.of('/').adapter.rooms.get(room) ?? []) {
        const socket = io.of('/').sockets.get(socketId);
        if (socket?.data.opened && socket.data.sessionId === sessionId) {
          connections.push({
            member: memberOf(socket.data),
            transport: socket.conn.transport.name,
            connection: socket.id,
          });
        }
      }
    }
    return connections;
  };

  const reattachHere = async (sessionId: string) => {
    if (!(await local.load(sessionId))) return;
    for (const { member, transport, connection } of localConnections(sessionId)) {
      await local.attach(sessionId, member, transport, connection);
    }
  };

  io.on('cp:owner', (sessionId, owner) => {
    if (owner === self) return;
    remember(sessionId, owner);
    // We thought we owned it: our lease must have run out. Renewing notices and lets it go.
    if (leases.held().has(sessionId)) void leases.renewAll();
    void (async () => {
      const connections = localConnections(sessionId);
      if (connections.length === 0) return;
      await rpc.request(owner, { op: 'reattach', sessionId, connections }, deps.rpcTimeoutMs);
    })().catch((error: unknown) => {
      logger.warn({ err: error, sessionId, owner }, 're-announcing connections failed');
    });
  });

  rpc.serve(async (payload, from) => {
    const request = opsRequestSchema.parse(payload);
    const { sessionId } = request;
    if (!leases.held().has(sessionId)) return { moved: true };
    try {
      return { result: await serveForPeer(request, from) };
    } catch (error) {
      if (error instanceof NotHeldHereError) return { moved: true };
      throw error;
    }
  });

  /** One operation on the session held here: the one mapping from a request to this process. */
  const runHere = async (request: OpsRequest): Promise<unknown> => {
    switch (request.op) {
      case 'admit':
        return local.admit(request.sessionId, request.member);
      case 'join':
        return local.join(request.sessionId, request.studentId, request.name, request.verified);
      case 'open':
        return local.open(request.sessionId, request.member, request.transport, request.connection);
      case 'close':
        return local.close(request.sessionId, request.member, request.connection, request.reason);
      case 'transport':
        return local.transportChanged(
          request.sessionId,
          request.studentId,
          request.transport,
          request.connection,
        );
      case 'rtt':
        return local.reportRtt(
          request.sessionId,
          request.studentId,
          request.transport,
          request.rttMs,
        );
      case 'handle':
        return local.handle(
          request.sessionId,
          request.member,
          request.event,
          request.message,
          request.origin,
        );
      case 'report':
        return local.report(request.sessionId, request.teacherId);
      case 'health':
        return local.health(request.sessionId, request.teacherId);
      case 'delete':
        return local.delete(request.sessionId, request.teacherId);
      case 'exportStudent':
        return local.exportStudent(request.sessionId, request.teacherId, request.studentId);
      case 'eraseStudent':
        return local.eraseStudent(request.sessionId, request.teacherId, request.studentId);
      case 'reattach':
        for (const { member, transport, connection } of request.connections) {
          await local.attach(request.sessionId, member, transport, connection);
        }
        return null;
    }
  };

  /**
   * A request a peer forwarded: as `runHere`, plus keeping track of which of the peer's
   * connections count here (once each, however often announced; closed if the peer dies).
   */
  const serveForPeer = async (request: OpsRequest, from: string): Promise<unknown> => {
    switch (request.op) {
      case 'open': {
        const { sessionId, member, connection } = request;
        // A retry of an open that went through (its reply was lost): count it once.
        if (remote.has(from, connection)) return local.views(sessionId, member);
        const opened = await local.open(sessionId, member, request.transport, connection);
        if ('role' in opened) remote.add(from, connection, sessionId, member);
        return opened;
      }
      case 'close': {
        const announced = remote.remove(from, request.connection);
        if (announced)
          await local.close(
            announced.sessionId,
            announced.member,
            request.connection,
            request.reason,
          );
        return null;
      }
      case 'reattach':
        for (const { member, transport, connection } of request.connections) {
          if (remote.has(from, connection)) continue;
          if (await local.attach(request.sessionId, member, transport, connection)) {
            remote.add(from, connection, request.sessionId, member);
          }
        }
        return null;
      default:
        return runHere(request);
    }
  };

  // A peer killed without a goodbye: close the connections it had announced here.
  const sweep = setInterval(() => {
    void (async () => {
      for (const processId of remote.processes()) {
        if (await deps.heartbeat.isAlive(processId)) continue;
        logger.warn({ processId }, 'a realtime process is gone; closing its connections');
        for (const [connection, { sessionId, member }] of remote.takeProcess(processId)) {
          await local.close(sessionId, member, connection, 'server process gone');
        }
      }
    })().catch((error: unknown) => logger.warn({ err: error }, 'sweeping dead peers failed'));
  }, deps.leaseMs);
  sweep.unref();

  return {
    findByJoinCode: (joinCode) => local.findByJoinCode(joinCode),
    admit: (sessionId, member) => route({ op: 'admit', sessionId, member }),
    join: (sessionId, studentId, name, verified) =>
      route({ op: 'join', sessionId, studentId, name, ...(verified ? { verified } : {}) }),
    open: (sessionId, member, transport, connection) =>
      route({ op: 'open', sessionId, member, transport, connection }),
    async close(sessionId, member, connection, reason) {
      await route({ op: 'close', sessionId, member, connection, reason });
    },
    async transportChanged(sessionId, studentId, transport, connection) {
      await route({ op: 'transport', sessionId, studentId, transport, connection });
    },
    async reportRtt(sessionId, studentId, transport, rttMs) {
      await route({ op: 'rtt', sessionId, studentId, transport, rttMs });
    },
    handle: (sessionId, member, event, message, origin) =>
      route({ op: 'handle', sessionId, member, event, message, origin }),
    // The creating process owns a new session (the registry claims it first).
    create: (teacherId, deck, settings) => local.create(teacherId, deck, settings),
    report: (sessionId, teacherId) => route({ op: 'report', sessionId, teacherId }),
    health: (sessionId, teacherId) => route({ op: 'health', sessionId, teacherId }),
    delete: (sessionId, teacherId) => route({ op: 'delete', sessionId, teacherId }),
    exportStudent: (sessionId, teacherId, studentId) =>
      route({ op: 'exportStudent', sessionId, teacherId, studentId }),
    eraseStudent: (sessionId, teacherId, studentId) =>
      route({ op: 'eraseStudent', sessionId, teacherId, studentId }),

    owned(sessionId) {
      ownerCache.delete(sessionId);
      io.serverSideEmit('cp:owner', sessionId, self);
      // Once the session is loaded, this process's own sockets count here, and everyone gets
      // the state as stored (the old owner may have died before broadcasting its last changes).
      setImmediate(() => {
        reattachHere(sessionId)
          .then(() => deps.resync(sessionId))
          .catch((error: unknown) =>
            logger.warn({ err: error, sessionId }, 'taking over connections failed'),
          );
      });
    },
    released(sessionId) {
      remote.forgetSession(sessionId);
    },
    stop() {
      clearInterval(sweep);
      rpc.serve(async () => ({ moved: true }));
    },
  };
}
