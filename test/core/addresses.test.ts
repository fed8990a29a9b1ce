import { analyzeText } from '../../src/core';
import { cleanAddress, findAddresses } from '../../src/core/text';

describe('address clean-up', () => {
  it.each([
    ['SMTP=jan@fabrikam.example', 'jan@fabrikam.example'],
    ['smtp:jan@Fabrikam.Example', 'jan@fabrikam.example'],
    ['rfc822:jan@fabrikam.example', 'jan@fabrikam.example'],
    ['mailto:jan@fabrikam.example', 'jan@fabrikam.example'],
    ['<jan@fabrikam.example>.', 'jan@fabrikam.example'],
  ])('drops the address type and punctuation a gateway writes around %s', (raw, clean) => {
    expect(cleanAddress(raw)).toBe(clean);
  });

  it('finds the recipient of a report that writes it as SMTP=…', () => {
    const text = [
      'Delivery has failed to these recipients or groups:',
      '',
      'SMTP=jan@fabrikam.example',
      "The e-mail address you entered couldn't be found.",
      '',
      "Remote Server returned '550 5.1.1 User unknown'",
    ].join('\n');
    expect(findAddresses(text)).toEqual(['jan@fabrikam.example']);
    expect(analyzeText(text).recipients[0]?.address).toBe('jan@fabrikam.example');
  });
});
