import { Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AdminCommand } from '../core/adminCommands';
import type { Translator } from '../i18n';
import { useTouchStyles } from './touch';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  command: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  code: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  copy: { alignSelf: 'flex-start', minHeight: '32px' },
});

/**
 * Copy-ready PowerShell for the admin (src/core/adminCommands.ts): the real domain, Message-ID and
 * dates where they passed validation, a visible `<placeholder>` where they did not.
 */
export function AdminCommands({ commands, t }: { commands: readonly AdminCommand[]; t: Translator }) {
  const styles = useStyles();
  const touch = useTouchStyles();
  const [copied, setCopied] = useState<string | null>(null);
  if (commands.length === 0) return null;
  const copy = async (command: AdminCommand) => {
    try {
      await navigator.clipboard.writeText(command.command);
      setCopied(command.id);
    } catch {
      setCopied(null);
    }
  };
  return (
    <section className={styles.root} aria-label={t.t('commands.title')}>
      <h4 className={styles.title}>{t.t('commands.title')}</h4>
      <Caption1 className={styles.note}>{t.t('commands.note')}</Caption1>
      {commands.map((c) => (
        <div key={c.id} className={styles.command} data-command={c.id}>
          <Caption1>{t.t(`commands.${c.id}`)}</Caption1>
          <pre className={styles.code}>{c.command}</pre>
          {c.missing.length > 0 && <Caption1 className={styles.note}>{t.t('commands.fillIn')}</Caption1>}
          <Button
            className={mergeClasses(styles.copy, touch.button)}
            size="small"
            onClick={() => void copy(c)}
          >
            {copied === c.id ? t.t('commands.copied') : t.t('commands.copy')}
          </Button>
        </div>
      ))}
    </section>
  );
}
