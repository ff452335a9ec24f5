import type { ThemeConfig } from 'antd';

/**
 * The app's antd theme. antd's secondary and tertiary text are translucent black (45% and 25%) that
 * reach only about 3.3:1 on white and on the page grey; they are set to solid greys that keep WCAG AA
 * (4.5:1) on both, so every muted label at the counter stays legible on a dim screen or under a magnifier.
 * Warning text gets a darker seed for the same reason (antd's gold is 1.9:1 on white). The preset tag
 * colours keep their seeds (a darker seed greys out the palette's light shades): their text colour is
 * darkened in app.css instead.
 */
export function appTheme({ reducedMotion }: { reducedMotion: boolean }): ThemeConfig {
  return {
    token: {
      colorPrimary: '#1f4e99',
      // Link buttons follow colorLink, which antd derives from its own blue (4.1:1 on white), not the primary.
      colorLink: '#1f4e99',
      colorLinkHover: '#2b63b8',
      colorLinkActive: '#173b73',
      borderRadius: 6,
      motion: !reducedMotion,
      colorTextSecondary: '#595959',
      colorTextTertiary: '#595959',
      colorTextDescription: '#595959',
      colorTextPlaceholder: '#6e6e6e',
      colorWarning: '#975a00',
      // The darker seed would derive a grey-brown background for warning alerts: keep antd's light gold.
      colorWarningBg: '#fffbe6',
      colorWarningBgHover: '#fff1b8',
      colorWarningBorder: '#ffe58f',
      colorError: '#cf1322',
      colorSuccessText: '#237804',
      colorWarningText: '#874d00',
    },
    components: {
      // "暂无数据" in an empty table is information, not a disabled control.
      Table: { colorTextDisabled: '#6e6e6e' },
      Empty: { colorTextDescription: '#595959' },
    },
  };
}
