/** `tak serve`'s arguments: what it refuses before it listens, each as one line and exit 2. */
import { runCli } from '../helpers/cli';
import { REPO_ROOT } from '../plan/support';

describe('tak serve arguments', () => {
  const serve = (...args: string[]) => runCli(['serve', '-C', REPO_ROOT, ...args]);

  it('wants all three TLS files or none', async () => {
    const result = await serve('--tls-cert', 'server.pem');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('tak: --tls-cert, --tls-key and --client-ca go together: give all three (HTTPS with client certificates) or none (plain HTTP)\n');
  });

  it('refuses a port or poll interval that is not one', async () => {
    expect(await serve('--port', '70000')).toMatchObject({ code: 2, stderr: 'tak: --port 70000 is not a whole number from 0 to 65535\n' });
    expect(await serve('--poll', 'soon')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^tak: --poll soon is not a number of seconds/) });
  });

  it('says which TLS file cannot be read', async () => {
    const result = await serve('--tls-cert', '/nonexistent/cert.pem', '--tls-key', 'k', '--client-ca', 'c');
    expect(result).toMatchObject({ code: 2, stderr: 'tak: --tls-cert /nonexistent/cert.pem cannot be read: ENOENT\n' });
  });
});
