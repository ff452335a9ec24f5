import type { HostBridge } from '../../../shared/ipc/bridge';
import type { AppServices } from '../services/contracts';

/** What the UI is built from: the offline core's services and the host bridge. Composed once in main.tsx. */
export interface AppDeps {
  services: AppServices;
  host: HostBridge;
}
