import { guessLanguage } from '../../src/core/language';

describe('guessLanguage', () => {
  it('names the language whose common words clearly dominate', () => {
    expect(
      guessLanguage('Uw bericht kan niet worden bezorgd aan de volgende ontvangers van het domein.'),
    ).toBe('nl');
    expect(
      guessLanguage(
        'Ihre Nachricht konnte nicht an die folgende Adresse zugestellt werden, der Server ist nicht erreichbar.',
      ),
    ).toBe('de');
    expect(
      guessLanguage(
        "Votre message n'a pas été remis à ces destinataires pour la raison suivante, le serveur est indisponible.",
      ),
    ).toBe('fr');
    expect(
      guessLanguage(
        'Ditt meddelande kunde inte levereras till följande mottagare och det är för att servern inte svarar.',
      ),
    ).toBe('sv');
  });

  it('counts whole words only: "there", "theme" and "desde" hold no function word', () => {
    const text = 'there theme desde there theme desde there theme desde there theme desde';
    expect(guessLanguage(text)).toBeNull();
  });

  it('gives no answer for a short or evenly mixed text', () => {
    expect(guessLanguage('the message')).toBeNull();
    expect(
      guessLanguage('the message was not delivered; het bericht is niet bezorgd, de volgende'),
    ).toBeNull();
  });
});
