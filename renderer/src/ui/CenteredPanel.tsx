import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../i18n';

/** The frame of the screens before work starts (enrol, login, lock): brand, then one card. */
export function CenteredPanel({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <div className="centered-screen">
      <div className="centered-brand">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t.app.title}
        </Typography.Title>
        <Typography.Text type="secondary">{t.app.subtitle}</Typography.Text>
      </div>
      <Card title={title} extra={extra} className="centered-card">
        {children}
      </Card>
    </div>
  );
}
