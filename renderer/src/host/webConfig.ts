/**
 * Configuration in the browser build: `config.json` next to index.html (written by whoever hosts
 * the PWA) merged over the defaults. Keys it sets are reported with the source 'web'.
 */
import { CONFIG_DEFAULTS, PartialConfig, type ConfigKey, type ConfigSource, type EffectiveConfig } from '../../../shared/config/schema';

export function mergeWebConfig(raw: unknown): EffectiveConfig {
  const sources = Object.fromEntries(Object.keys(CONFIG_DEFAULTS).map((k) => [k, 'default'])) as Record<ConfigKey, ConfigSource>;
  if (raw === undefined) return { values: { ...CONFIG_DEFAULTS }, sources, problems: [] };
  const parsed = PartialConfig.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(根)').join('、');
    return { values: { ...CONFIG_DEFAULTS }, sources, problems: [`config.json 有误（${where}），已忽略该文件，使用默认配置`] };
  }
  const values = { ...CONFIG_DEFAULTS, ...parsed.data };
  for (const key of Object.keys(parsed.data) as ConfigKey[]) sources[key] = 'web';
  return { values, sources, problems: [] };
}

export async function fetchWebConfig(url: string, fetchImpl: typeof fetch = fetch): Promise<EffectiveConfig> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store' });
  } catch {
    return mergeWebConfig(undefined);
  }
  if (response.status === 404) return mergeWebConfig(undefined);
  if (!response.ok) return { ...mergeWebConfig(undefined), problems: [`无法读取 config.json（HTTP ${response.status}），使用默认配置`] };
  try {
    return mergeWebConfig(await response.json());
  } catch {
    return { ...mergeWebConfig(undefined), problems: ['config.json 不是有效的 JSON，已忽略该文件，使用默认配置'] };
  }
}
