import { htmlFacts } from '../../src/mail/htmlFacts';

it('reads each link’s visible text and real target, entities decoded', () => {
  const facts = htmlFacts(
    '<p><a class="x" href="https://owa.example/r?a=1&amp;b=2">https://outlook.office.com/<b>mail</b></a>' +
      "<a href='mailto:dana@partner.example'>dana@partner.example</a><a name=top>no target</a></p>",
  );
  expect(facts.links).toEqual([
    { text: 'https://outlook.office.com/mail', href: 'https://owa.example/r?a=1&b=2' },
    { text: 'dana@partner.example', href: 'mailto:dana@partner.example' },
  ]);
  expect(facts.forms).toBe(0);
  expect(facts.passwordField).toBe(false);
});

it('sees forms and password fields', () => {
  const facts = htmlFacts(
    '<form action="https://x.example"><input type="password" name="p"></form><form></form>',
  );
  expect(facts.forms).toBe(2);
  expect(facts.passwordField).toBe(true);
});

it('stays linear on thousands of unclosed anchors and caps what it keeps', () => {
  const hostile = '<a href="https://x.example/">'.repeat(40_000);
  const started = Date.now();
  const facts = htmlFacts(hostile);
  // Unbounded, each unclosed anchor would search the rest of the text: minutes, not milliseconds.
  expect(Date.now() - started).toBeLessThan(2000);
  expect(facts.links.length).toBeLessThanOrEqual(200);
});
