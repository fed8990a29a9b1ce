import {
  Button,
  Caption1,
  Field,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useId, useRef, useState, type DragEvent } from 'react';
import type { Translator } from '../i18n';
import type { RawInput } from './messageSource';
import { useTouchStyles } from './touch';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  zone: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
  active: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  hidden: { display: 'none' },
});

/**
 * Paste box and drop zone: always available, whatever Outlook allows. Files are read as bytes and
 * handed on untouched; the analyser tells .eml, .msg and text apart by content.
 */
export function PasteDrop({
  t,
  onInput,
  busy,
}: {
  t: Translator;
  onInput: (input: RawInput) => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const touch = useTouchStyles();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const inputId = useId();

  const submitText = useCallback(() => {
    if (!text.trim()) {
      setError(t.t('paste.empty'));
      return;
    }
    setError(null);
    onInput({ kind: 'text', text, label: 'paste', door: 'paste' });
  }, [onInput, t, text]);

  const readFile = useCallback(
    async (file: File) => {
      setError(null);
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        onInput({ kind: 'bytes', bytes, label: file.name, door: 'paste' });
      } catch (e) {
        setError(t.t('state.unreadableFile', { detail: e instanceof Error ? e.message : String(e) }));
      }
    },
    [onInput, t],
  );

  const onDrop = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer.files[0];
      if (file) void readFile(file);
      else {
        const dropped = event.dataTransfer.getData('text/plain');
        if (dropped) onInput({ kind: 'text', text: dropped, label: 'drop', door: 'paste' });
      }
    },
    [onInput, readFile],
  );

  return (
    <div
      className={mergeClasses(styles.zone, dragging && styles.active)}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <Field label={t.t('paste.label')} validationMessage={error} validationState={error ? 'error' : 'none'}>
        <Textarea
          id={inputId}
          value={text}
          onChange={(_e, data) => setText(data.value)}
          placeholder={t.t('paste.placeholder')}
          resize="vertical"
          rows={5}
        />
      </Field>
      <div className={styles.row}>
        <Button className={touch.button} appearance="primary" onClick={submitText} disabled={busy}>
          {t.t('paste.button')}
        </Button>
        <Button className={touch.button} onClick={() => fileInput.current?.click()} disabled={busy}>
          {t.t('drop.choose')}
        </Button>
        <Caption1>{dragging ? t.t('drop.active') : t.t('drop.hint')}</Caption1>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".eml,.msg,.txt,message/rfc822,text/plain,application/vnd.ms-outlook"
          aria-label={t.t('drop.choose')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void readFile(file);
            e.target.value = '';
          }}
        />
      </div>
    </div>
  );
}
