import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import i18n from '../i18n';

// Components speak the reference language in tests, whatever the machine's locale.
await i18n.changeLanguage('en-US');

afterEach(() => cleanup());
