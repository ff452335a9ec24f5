import { Descriptions, Typography, type DescriptionsProps } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';

type PanelProps = Omit<HTMLAttributes<HTMLElement>, 'title'> & {
  title: ReactNode;
  /** Shown at the right of the title (buttons, a scope note); without it the title stands alone. */
  actions?: ReactNode;
  children?: ReactNode;
};

/** One titled section of a screen, as every screen draws them. */
export function Panel({ title, actions, children, ...section }: PanelProps) {
  const heading = (
    <Typography.Title level={5} className="panel-title">
      {title}
    </Typography.Title>
  );
  return (
    <section className="panel" {...section}>
      {actions === undefined ? (
        heading
      ) : (
        <div className="panel-head">
          {heading}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}

/** Label and value pairs in two columns, the way panels list a record's facts. */
export function Facts({ items, className }: { items: DescriptionsProps['items']; className?: string }) {
  return <Descriptions size="small" column={2} className={className} items={items} />;
}
