import { Field, Select } from '@fluentui/react-components';
import type { Translator } from '../i18n';

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
  return (
    <Field label={t.t('sample.label')}>
      <Select
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
