import { Field, Select, makeStyles, mergeClasses } from '@fluentui/react-components';
import type { Translator } from '../i18n';
import { useTouchStyles } from '../ui/touch';

const useStyles = makeStyles({
  // A <select> is as wide as its longest option unless told otherwise; the pane is 320 px wide.
  field: { minWidth: 0 },
  root: { minWidth: 0, maxWidth: '100%' },
  select: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
});

/** Chooses a built-in sample; the choice lives in the URL (?sample=…) so it can be shared. */
export function SamplePicker({
  t,
  samples,
  current,
}: {
  t: Translator;
  samples: readonly { id: string; label: string }[];
  current: string;
}) {
  const styles = useStyles();
  const touch = useTouchStyles();
  return (
    <Field label={t.t('sample.label')} className={styles.field}>
      <Select
        className={styles.root}
        select={{ className: mergeClasses(styles.select, touch.field) }}
        value={current}
        onChange={(_e, data) => {
          const params = new URLSearchParams(window.location.search);
          params.set('sample', data.value);
          window.location.search = params.toString();
        }}
      >
        <option value="none">{t.t('sample.none')}</option>
        {samples.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
