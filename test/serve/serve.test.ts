/**
 * `tak serve` on the example data: the four SokVagvalsInfo operations (XSD-valid, and the entries
 * read back equal the declared state), TAK-api answers valid against the spec, the reload when an
 * applied ref moves (and the refusal of a commit with errors), and the bad input the server must
 * answer without falling over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { appliedRef } from '../../src/applied';
import { tablesFromState } from '../../src/formats/tak/tables';
import { readVagvalsInfoResponse } from '../../src/formats/vp-cache';
import { readWorkingTree } from '../../src/pipeline';
import { OPERATIONS } from '../../src/serve/vagvalsinfo';
import { apiResponseSchemas, commitAll, envelope, exampleRepo, git, request, SOAP, soapCall, startServer, xmllintBody, type Running } from './support';

const API = 'coop/api/v2';

describe('tak serve on the example data', () => {
  let root: string;
  let server: Running;
  beforeAll(async () => {
    root = exampleRepo();
    server = await startServer(root, { limits: { headersTimeoutMs: 300, requestTimeoutMs: 600, maxBodyBytes: 4096 } });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each(OPERATIONS)('answers %s with a response that validates against the XSDs', async (operation) => {
    const reply = await soapCall(server.base, 'test', operation);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(reply.body).toContain(`<ns2:${operation}Response xmlns:ns2="urn:skl:tp:vagvalsinfo:v2">`);
    expect(xmllintBody(reply.body)).toBe('');
  });

  it('is checked for real: a response without a required element does not validate', async () => {
    const reply = await soapCall(server.base, 'test', 'hamtaAllaVirtualiseringar');
    expect(xmllintBody(reply.body.replace(/<ns2:adress>[^<]*<\/ns2:adress>/, ''))).toMatch(/virtualiseringsInfo.*Missing child element\(s\)\. Expected is \( \{urn:skl:tp:vagvalsinfo:v2\}adress \)/);
  });

  it('gives back exactly the declared routing entries and authorizations (SOAP -> entries = state)', async () => {
    const state = (await readWorkingTree(root)).environments.get('qa')!;
    const declared = tablesFromState(state);
    const routing = readVagvalsInfoResponse((await soapCall(server.base, 'qa', 'hamtaAllaVirtualiseringar')).body).routing;
    const authorizations = readVagvalsInfoResponse((await soapCall(server.base, 'qa', 'hamtaAllaAnropsBehorigheter')).body).authorizations;
    const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(routing.length).toBeGreaterThan(0);
    expect(sorted(routing.map(({ id: _, ...r }) => r))).toEqual(
      sorted(declared.routing.map((r) => ({ logicalAddress: r.logicalAddress, profile: r.profile, contract: r.contract, ...(r.from && { from: r.from }), ...(r.to && { to: r.to }), url: r.url }))),
    );
    expect(sorted(authorizations.map(({ id: _, ...a }) => a))).toEqual(
      sorted(declared.authorizations.map((a) => ({ logicalAddress: a.logicalAddress, consumer: a.consumer, contract: a.contract, ...(a.from && { from: a.from }), ...(a.to && { to: a.to }), filters: a.filters }))),
    );
  });

  it('lists contracts and components with their addresses and authorizations', async () => {
    const contracts = (await soapCall(server.base, 'test', 'hamtaAllaTjanstekontrakt')).body;
    expect(contracts).toContain('<ns2:namnrymd>urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2</ns2:namnrymd>');
    const components = (await soapCall(server.base, 'test', 'hamtaAllaTjanstekomponenter')).body;
    const producer = /<ns2:tjanstekomponentInfo>\s*<ns2:hsaId>SE5565594230-B9P<\/ns2:hsaId>[\s\S]*?<\/ns2:tjanstekomponentInfo>/.exec(components)?.[0] ?? '';
    expect(producer).toContain('<ns2:adress>https://formular.test.example.se/forminteraction/GetForms/2/rivtabp21</ns2:adress>');
    expect(producer.match(/<ns2:vagvalsInfo>/g)?.length).toBe(6);
    const consumer = /<ns2:tjanstekomponentInfo>\s*<ns2:hsaId>SE2321000016-A1B2<\/ns2:hsaId>[\s\S]*?<\/ns2:tjanstekomponentInfo>/.exec(components)?.[0] ?? '';
    expect(consumer).toContain('<ns2:integrationsavtal>');
    expect(consumer.match(/<ns2:anropsbehorighetInfo>/g)?.length).toBeGreaterThanOrEqual(6);
  });

  describe('TAK-api', () => {
    const get = async (query: string) => {
      const reply = await request(`${server.base}/test/${API}/${query}`);
      return { ...reply, json: JSON.parse(reply.body) };
    };
    const validator = (query: string) => {
      const [endpoint, id] = query.split('?')[0].split('/');
      return apiResponseSchemas().get(`/${endpoint}${id ? '/{id}' : ''}`)!;
    };

    it.each([
      'connectionPoints',
      'connectionPoints/1',
      'serviceConsumers',
      'serviceProducers',
      'serviceContracts',
      'serviceDomains',
      'logicalAddresses',
      'cooperations',
      'serviceProductions',
      'installedContracts',
      'serviceProductions?include=logicalAddress,serviceContract',
      'cooperations?include=serviceConsumer',
    ])('answers %s with what the spec describes', async (query) => {
      const reply = await get(query);
      expect(reply.status).toBe(200);
      const validate = validator(query);
      expect(validate(reply.json) ? [] : validate.errors).toEqual([]);
      if (Array.isArray(reply.json)) expect(reply.json.length).toBeGreaterThan(0);
    });

    it('filters routing entries by relation and text, and embeds only what include= names', async () => {
      const [address] = (await get('logicalAddresses?logicalAdress=se5565594230-b9p')).json;
      expect(address.logicalAddress).toBe('SE5565594230-B9P');
      const productions = (await get(`serviceProductions?logicalAddressId=${address.id}&rivtaProfile=RIVTABP21&include=logicalAddress`)).json;
      expect(productions).toHaveLength(6);
      for (const p of productions) {
        expect(p.logicalAddress).toEqual(address);
        expect(p.serviceContract).toBeUndefined();
      }
      const [getForms] = (await get('serviceContracts?namespace=urn:riv:infrastructure:eservicesupply:forminteraction:GetFormsResponder:2')).json;
      const one = (await get(`serviceProductions?logicalAddressId=${address.id}&serviceContractId=${getForms.id}`)).json;
      expect(one).toHaveLength(1);
      expect(one[0].physicalAddress).toBe('https://formular.test.example.se/forminteraction/GetForms/2/rivtabp21');
      expect((await get(`serviceProductions?logicalAddressId=${address.id}&connectionPointId=99`)).json).toEqual([]);
    });

    it('relates producers and consumers through the addresses and contracts they share', async () => {
      const [producer] = (await get('serviceProducers?hsaId=SE5565594230-B9P')).json;
      const consumers = (await get(`serviceConsumers?serviceProducerId=${producer.id}`)).json.map((c: { hsaId: string }) => c.hsaId);
      expect(consumers).toContain('SE2321000016-A1B2');
      const [consumer] = (await get('serviceConsumers')).json.filter((c: { hsaId: string }) => c.hsaId === 'SE2321000016-A1B2');
      const producers = (await get(`serviceProducers?serviceConsumerId=${consumer.id}`)).json.map((p: { hsaId: string }) => p.hsaId);
      expect(producers).toContain('SE5565594230-B9P');
      const contracts = (await get(`serviceContracts?serviceConsumerId=${consumer.id}`)).json;
      expect(contracts.length).toBeGreaterThanOrEqual(6);
    });

    it('filters contracts by domain, installed contracts by contract, and the connection point by platform', async () => {
      const [domain] = (await get('serviceDomains?namespace=urn:riv:infrastructure:eservicesupply:forminteraction')).json;
      const contracts = (await get(`serviceContracts?serviceDomainId=${domain.id}`)).json as { id: number; namespace: string }[];
      expect(contracts.length).toBeGreaterThanOrEqual(6);
      expect(contracts.every((c) => c.namespace.startsWith(`${domain.namespace}:`))).toBe(true);
      const installed = (await get(`installedContracts?serviceContractId=${contracts[0].id}`)).json;
      expect(installed.map((i: { serviceContract: { id: number } }) => i.serviceContract.id)).toEqual([contracts[0].id]);
      expect((await get('connectionPoints?platform=ntjp&environment=TEST')).json).toEqual([expect.objectContaining({ id: 1, platform: 'NTJP', environment: 'TEST' })]);
      expect((await get('connectionPoints?platform=RTP')).json).toEqual([]);
    });

    it('refuses unknown parameters, bad ids and unknown include names with the spec\'s Error body', async () => {
      const unknown = await get('serviceProductions?logicalAddress=1');
      expect(unknown.status).toBe(400);
      expect(unknown.json).toEqual({ code: 400, message: expect.stringMatching(/unknown query parameter logicalAddress; this endpoint takes physicalAddress, /), fields: 'logicalAddress' });
      expect(apiResponseSchemas().size).toBeGreaterThan(0);
      expect((await get('serviceProductions?logicalAddressId=abc')).json.message).toMatch(/logicalAddressId must be a technical id/);
      expect((await get('cooperations?include=serviceProducer')).json.message).toMatch(/include names serviceProducer/);
      expect((await get('serviceProductions?rivtaProfile=A&rivtaProfile=B')).status).toBe(400);
      expect((await get('cooperations/999999')).status).toBe(404);
      expect((await get('nothing')).status).toBe(404);
    });
  });

  describe('bad input', () => {
    const post = (body: string, headers: Record<string, string> = { 'content-type': 'text/xml' }) => request(`${server.base}/test/${SOAP}`, { body, headers });
    const fault = (body: string) => ({ code: /<faultcode>soap:(\w+)<\/faultcode>/.exec(body)?.[1], message: /<faultstring>([^<]*)<\/faultstring>/.exec(body)?.[1] });

    it('answers a malformed envelope with a Client fault that says where', async () => {
      const reply = await post('<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>');
      expect(reply.status).toBe(500);
      expect(fault(reply.body)).toEqual({ code: 'Client', message: expect.stringMatching(/not well-formed XML: line 1/) });
      expect(fault((await post('<notSoap/>')).body).message).toMatch(/not a SOAP Envelope/);
      expect(fault((await post('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).body).message).toMatch(/document type declaration/);
    });

    it('answers an unknown operation, or one in the wrong namespace, with a Client fault', async () => {
      expect(fault((await post(envelope('hamtaAllaLogiskaAdresser'))).body)).toEqual({ code: 'Client', message: expect.stringMatching(/unknown operation hamtaAllaLogiskaAdresser; SokVagvalsInfo v2 has hamtaAllaVirtualiseringar/) });
      expect(fault((await post(envelope('hamtaAllaVirtualiseringar', 'urn:other'))).body).message).toMatch(/must be in the namespace urn:skl:tp:vagvalsinfo:v2/);
    });

    it('answers SOAP 1.2 with a VersionMismatch fault', async () => {
      const soap12 = envelope('hamtaAllaVirtualiseringar').replace('http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope');
      expect(fault((await post(soap12)).body)).toEqual({ code: 'VersionMismatch', message: expect.stringMatching(/SOAP 1.2/) });
      expect(fault((await post(envelope('hamtaAllaVirtualiseringar'), { 'content-type': 'application/soap+xml' })).body).code).toBe('VersionMismatch');
    });

    it('refuses a request larger than the limit', async () => {
      const big = envelope('hamtaAllaVirtualiseringar').replace('<soapenv:Header/>', `<soapenv:Header>${'x'.repeat(10_000)}</soapenv:Header>`);
      expect(fault((await post(big)).body).message).toMatch(/at most 4096 are accepted/);
    });

    it('closes a request that is too slow, and keeps serving', async () => {
      const answer = await new Promise<string>((resolve) => {
        const socket = net.connect(Number(new URL(server.base).port), '127.0.0.1', () => socket.write(`POST /test/${SOAP} HTTP/1.1\r\nHost: x\r\n`));
        let text = '';
        socket.on('data', (c) => (text += c.toString()));
        socket.on('close', () => resolve(text));
      });
      expect(answer).toMatch(/^HTTP\/1.1 408/);
      expect((await soapCall(server.base, 'test', 'hamtaAllaTjanstekontrakt')).status).toBe(200);
    });

    it('says what is wrong with a path, a method or an environment', async () => {
      expect((await request(`${server.base}/prod/${SOAP}`)).body).toMatch(/SOAP requests by POST, not GET/);
      const unknownEnv = await soapCall(server.base, 'dev', 'hamtaAllaVirtualiseringar');
      expect(fault(unknownEnv.body)).toEqual({ code: 'Server', message: expect.stringMatching(/environment dev is not served here \(served: prod, qa, test\)/) });
      const put = await request(`${server.base}/test/${API}/serviceContracts`, { method: 'PUT', body: '{}' });
      expect(put.status).toBe(405);
      expect(put.headers.allow).toBe('GET, HEAD');
      expect(JSON.parse((await request(`${server.base}/nowhere`)).body).message).toMatch(/nothing at \/nowhere; this server answers \/health/);
      expect((await request(`${server.base}/test/orders/not-a-number`)).status).toBe(404);
    });
  });

  it('reports health and Prometheus metrics', async () => {
    const health = JSON.parse((await request(`${server.base}/health`)).body);
    expect(health.status).toBe('ok');
    expect(health.environments.map((e: { env: string; serving: { source: string } }) => [e.env, e.serving.source])).toEqual([
      ['prod', 'HEAD'],
      ['qa', 'HEAD'],
      ['test', 'HEAD'],
    ]);
    const metrics = (await request(`${server.base}/metrics`)).body;
    expect(metrics).toMatch(/tak_serve_requests_total\{route="\/\{env\}\/tak-services\/SokVagvalsInfo\/v2",status="200"\} \d+/);
    expect(metrics).toMatch(/tak_serve_entries\{env="test",kind="routing"\} 9/);
  });
});

describe('tak serve follows the applied ref', () => {
  let root: string;
  let server: Running;
  const FORMS = 'environments/test/connections/forminteraction-region-exempel.yaml';
  const edit = (change: (text: string) => string) => writeFileSync(path.join(root, FORMS), change(readFileSync(path.join(root, FORMS), 'utf8')));
  const urls = async () => readVagvalsInfoResponse((await soapCall(server.base, 'test', 'hamtaAllaVirtualiseringar')).body).routing.map((r) => r.url);

  beforeAll(async () => {
    root = exampleRepo();
    git(root, 'update-ref', appliedRef('test'), 'HEAD');
    // HEAD moves on; the applied commit stays where it is until the ref moves.
    edit((t) => t.replace('GetForms/2/rivtabp21', 'GetForms/2b/rivtabp21'));
    commitAll(root, 'move GetForms');
    server = await startServer(root, { envs: ['test'] });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the applied commit, not HEAD', async () => {
    expect(await urls()).toContain('https://formular.test.example.se/forminteraction/GetForms/2/rivtabp21');
    expect(JSON.parse((await request(`${server.base}/health`)).body).environments[0].serving.source).toBe('applied');
  });

  it('switches to a new applied commit without a failed request', async () => {
    let stop = false;
    const statuses: number[] = [];
    const load = (async () => {
      while (!stop) statuses.push((await soapCall(server.base, 'test', 'hamtaAllaVirtualiseringar')).status);
    })();
    git(root, 'update-ref', appliedRef('test'), 'HEAD');
    const results = await server.source.reload();
    expect(results).toEqual([expect.objectContaining({ env: 'test', outcome: 'loaded' })]);
    const after = statuses.length;
    while (statuses.length < after + 3) await new Promise((r) => setTimeout(r, 10));
    stop = true;
    await load;
    expect(statuses.length).toBeGreaterThan(3);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(await urls()).toContain('https://formular.test.example.se/forminteraction/GetForms/2b/rivtabp21');
  });

  it('keeps serving the last good state when the applied commit has errors, and says so in /health', async () => {
    const good = git(root, 'rev-parse', appliedRef('test'));
    edit((t) => t.replace('GetForm:2: https', 'NoSuchContract:9: https'));
    const bad = commitAll(root, 'an unknown contract');
    git(root, 'update-ref', appliedRef('test'), bad);
    expect(await server.source.reload()).toEqual([expect.objectContaining({ outcome: 'refused', commit: bad })]);
    const health = await request(`${server.base}/health`);
    expect(health.status).toBe(200);
    const [test] = JSON.parse(health.body).environments;
    expect(JSON.parse(health.body).status).toBe('degraded');
    expect(test.serving.commit).toBe(good);
    expect(test.refused).toEqual(expect.objectContaining({ commit: bad, errors: expect.any(Number), findings: [expect.stringContaining(FORMS)] }));
    expect((await soapCall(server.base, 'test', 'hamtaAllaVirtualiseringar')).headers['x-tak-commit']).toBe(good);
    // Polling again does not read the refused commit again.
    expect(await server.source.reload()).toEqual([]);
    expect((await request(`${server.base}/metrics`)).body).toMatch(/tak_serve_refused\{env="test"\} 1/);
  });
});
