/** Context keys, one per concern. The app provides them; pages consume them. */
import { createContext } from '@lit/context';
import type { ApiClient } from '../api/client.ts';

export const apiContext = createContext<ApiClient>(Symbol('vr-api'));
