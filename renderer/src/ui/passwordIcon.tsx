import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { t } from '../i18n';

/** The password field's show/hide eye, named by what a click does instead of antd's "eye-invisible". */
export function passwordIcon(visible: boolean): ReactNode {
  return visible ? <EyeOutlined aria-label={t.a11y.hidePassword} /> : <EyeInvisibleOutlined aria-label={t.a11y.showPassword} />;
}
