import { findCommand } from '../../src/core/scan/plainText';

describe('the SMTP step a bounce names', () => {
  it('reads the command after "in reply to", "after" and "during"', () => {
    expect(findCommand('550 5.1.1 User unknown (in reply to RCPT TO command)')).toBe('RCPT');
    expect(findCommand('554 rejected after end of data.')).toBe('DATA');
    expect(findCommand('timed out during MAIL FROM')).toBe('MAIL');
  });

  it('does not take a host name that starts with a command word for the command', () => {
    expect(
      findCommand(
        "Remote Server at mail.fabrikam.example (198.51.100.7) returned '451 4.4.0 Connection refused'",
      ),
    ).toBeNull();
    expect(findCommand('error at data-center-1.contoso.example')).toBeNull();
  });
});
