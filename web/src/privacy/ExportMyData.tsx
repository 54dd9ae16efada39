import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/me';
import { downloadMyData } from '../api/privacy';
import { useErrorText } from '../ui/errorText';

/** "Export my data" in the account menu: everything the platform holds about the signed-in member, as JSON. */
export function ExportMyData() {
  const { t } = useTranslation('privacy');
  const errorText = useErrorText();
  const me = useMe();
  const [state, setState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  if (me.data?.principal.kind !== 'tenant-user') return null;
  const run = async () => {
    setState({ busy: true, error: null });
    try {
      await downloadMyData();
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error });
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--block"
        disabled={state.busy}
        onClick={() => void run()}
      >
        {state.busy ? t('export.preparing') : t('export.button')}
      </button>
      {state.error !== null && (
        <p className="field-error" role="alert">
          {errorText(state.error)}
        </p>
      )}
    </>
  );
}
