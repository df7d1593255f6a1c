import { progress } from './progress';

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('progress', () => {
  it('says nothing when stderr is not a terminal', () => {
    const stream = terminal(false);
    const p = progress('tak plan', stream, () => 5000);
    p.step('reading the base');
    p.end();
    expect(stream.written).toEqual([]);
  });

  it('says nothing during the first second, then each step on one line, cleared at the end', () => {
    const stream = terminal(true);
    let clock = 0;
    const p = progress('tak plan', stream, () => clock);
    p.step('reading the base');
    expect(stream.written).toEqual([]);
    clock = 2400;
    p.step('reading the working tree');
    p.end();
    expect(stream.written).toEqual(['\r\x1b[Ktak plan: reading the working tree (2 s)', '\r\x1b[K']);
  });

  it('leaves the terminal untouched by a command that ends within a second', () => {
    const stream = terminal(true);
    const p = progress('tak synth', stream, () => 10);
    p.step('building prod');
    p.end();
    expect(stream.written).toEqual([]);
  });
});
