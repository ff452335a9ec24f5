export { registerServiceWorker, serviceWorkerSupported, type ServiceWorkerUpdates } from './registerServiceWorker';
export { UpdatePrompt, type UpdatePromptProps } from './UpdatePrompt';
