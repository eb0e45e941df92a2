/** Context keys, one per concern. The app provides them; pages consume them. */
import { createContext } from '@lit/context';
import type { ApiClient, Me } from '../api/client.ts';

export const apiContext = createContext<ApiClient>(Symbol('vr-api'));

/** The signed-in caller: undefined while the app is still asking, null when nobody is signed in. */
export const meContext = createContext<Me | null | undefined>(Symbol('vr-me'));
