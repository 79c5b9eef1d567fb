import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { resolveLocation, type LocationSources } from '../src/location.ts';
import { kubeConfigFor, startKubeApi, type KubeApiStandIn } from './support/kube-api.ts';

const logger = pino({ level: 'silent' });

describe('the probe location', () => {
  let api: KubeApiStandIn;
  let lookupFailures = 0;
  const sources = (overrides: Partial<LocationSources>): LocationSources => ({
    configured: undefined,
    nodeName: 'node-a',
    kubeConfig: api.kubeConfig,
    timeoutMs: 2_000,
    logger,
    onLookupFailed: () => (lookupFailures += 1),
    ...overrides,
  });
  before(async () => {
    api = await startKubeApi({
      'node-a': { 'topology.kubernetes.io/region': 'europe-west1', 'kubernetes.io/os': 'linux' },
      'node-odd': { 'topology.kubernetes.io/region': 'US East "1"' },
      'node-bare': { 'kubernetes.io/os': 'linux' },
    });
  });
  after(() => api.close());

  it('comes from PROBE_LOCATION first, without asking the API', async () => {
    const before = api.requests.length;
    assert.equal(await resolveLocation(sources({ configured: 'sydney' })), 'sydney');
    assert.equal(api.requests.length, before);
  });

  it("is the node's topology.kubernetes.io/region label, read with the pod's credentials", async () => {
    assert.equal(await resolveLocation(sources({})), 'europe-west1');
    const request = api.requests.at(-1)!;
    assert.deepEqual(request, {
      method: 'GET',
      path: '/api/v1/nodes/node-a',
      authorization: 'Bearer service-account-token',
    });
  });

  it('is made safe for a label value', async () => {
    assert.equal(await resolveLocation(sources({ nodeName: 'node-odd' })), 'us-east--1-');
  });

  it('is "unknown" when the node has no region label, is not found, or there is no node', async () => {
    assert.equal(await resolveLocation(sources({ nodeName: 'node-bare' })), 'unknown');
    assert.equal(await resolveLocation(sources({ nodeName: 'node-missing' })), 'unknown');
    assert.equal(await resolveLocation(sources({ nodeName: undefined })), 'unknown');
  });

  it('is "unknown", counted as a failed lookup, when the API is unreachable or refuses', async () => {
    const failuresBefore = lookupFailures;
    const closed = await startKubeApi({});
    const url = closed.kubeConfig.getCurrentCluster()!.server;
    await closed.close();
    assert.equal(await resolveLocation(sources({ kubeConfig: kubeConfigFor(url) })), 'unknown');
    const forbidden = await startKubeApi({}, { status: 403 });
    assert.equal(await resolveLocation(sources({ kubeConfig: forbidden.kubeConfig })), 'unknown');
    await forbidden.close();
    assert.equal(lookupFailures, failuresBefore + 2);
  });
});
