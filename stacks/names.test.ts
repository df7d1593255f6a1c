import { hostProblem, kubeName, namespaceProblem } from './names';

describe('Kubernetes names from HSA-ids', () => {
  it('lower-cases and replaces what a name cannot hold', () => {
    expect(kubeName('SE5565594230-B9P', 'tak-vp-to-')).toBe('tak-vp-to-se5565594230-b9p');
    expect(kubeName('T_SERVICES_SE165565594230-109C')).toBe('t-services-se165565594230-109c');
  });

  it('cuts long ids to 63 characters with a hash, so ids that share a beginning stay apart', () => {
    const a = kubeName(`SE165565594230-${'X'.repeat(80)}A`, 'tak-vp-to-');
    const b = kubeName(`SE165565594230-${'X'.repeat(80)}B`, 'tak-vp-to-');
    expect(a).toHaveLength(63);
    expect(b).toHaveLength(63);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^tak-vp-to-se165565594230-x+-[0-9a-f]{8}$/);
    expect(kubeName(`SE165565594230-${'X'.repeat(80)}A`, 'tak-vp-to-')).toBe(a);
  });
});

describe('host and namespace', () => {
  it.each(['tp.example.se', 'tp', 'a-1.b-2.example.se'])('accepts %s', (host) => expect(hostProblem(host)).toBeUndefined());
  it.each(['Tp.example.se', 'tp_1.example.se', '-tp.example.se', 'tp..se', '*.example.se', '192.0.2.1', `${'a'.repeat(64)}.se`])('refuses %s', (host) =>
    expect(hostProblem(host)).toBeDefined(),
  );
  it('wants a namespace that is a DNS label', () => {
    expect(namespaceProblem('tak-prod')).toBeUndefined();
    expect(namespaceProblem('tak.prod')).toBeDefined();
  });
});
