import { FALLBACK, contract } from '../../src/i18n/contractions';
import { translatorFrom } from '../../src/i18n';

describe('articles of an inserted wording merge with the preposition before them', () => {
  it('contracts Spanish "de el" and "a el", keeping a capital', () => {
    expect(contract('es', `Los registros MX de ${FALLBACK}el dominio del destinatario`)).toBe(
      'Los registros MX del dominio del destinatario',
    );
    expect(contract('es', `Escribe a ${FALLBACK}el administrador`)).toBe('Escribe al administrador');
    expect(contract('es', `De ${FALLBACK}el dominio`)).toBe('Del dominio');
  });

  it('contracts French, Italian and Portuguese articles', () => {
    expect(contract('fr', `le serveur de ${FALLBACK}le domaine`)).toBe('le serveur du domaine');
    expect(contract('fr', `envoyé à ${FALLBACK}les destinataires`)).toBe('envoyé aux destinataires');
    expect(contract('it', `i record MX di ${FALLBACK}il dominio`)).toBe('i record MX del dominio');
    expect(contract('pt', `os registros MX de ${FALLBACK}o domínio`)).toBe('os registros MX do domínio');
  });

  it('leaves text the translator wrote alone: only an inserted wording is contracted', () => {
    expect(contract('es', 'de el dominio')).toBe('de el dominio');
    expect(contract('es', `desde ${FALLBACK}el dominio`)).toBe('desde el dominio');
  });

  it('never leaves the mark in a translated text', () => {
    const t = translatorFrom('en', { 'x.sentence': 'The MX records of {domain} are missing.' });
    expect(t.t('x.sentence', { domain: 'not a domain!' })).toBe(
      "The MX records of the recipient's domain are missing.",
    );
    expect(t.t('x.sentence', { domain: 'fabrikam.example' })).toBe(
      'The MX records of fabrikam.example are missing.',
    );
  });
});
