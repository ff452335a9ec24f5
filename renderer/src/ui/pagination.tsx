import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { PaginationProps } from 'antd';
import { cloneElement, isValidElement } from 'react';
import type { ReactNode } from 'react';
import { t } from '../i18n';

/**
 * antd draws the page arrows as icon-only buttons whose accessible name is the icon's English name
 * ("left", "right", "double-right"); the Chinese names go onto the buttons themselves.
 */
const ARROW_NAMES: Partial<Record<string, () => string>> = {
  prev: () => t.a11y.previousPage,
  next: () => t.a11y.nextPage,
  'jump-prev': () => t.a11y.previousPages,
  'jump-next': () => t.a11y.nextPages,
};

/** The page arrows' icons, hidden from assistive technology (the button carries the name). */
const ARROW_ICONS: Partial<Record<string, () => ReactNode>> = {
  prev: () => <LeftOutlined aria-hidden />,
  next: () => <RightOutlined aria-hidden />,
};

function nameArrows(_page: number, type: string, original: ReactNode): ReactNode {
  const name = ARROW_NAMES[type]?.();
  if (!name || !isValidElement<Record<string, unknown>>(original)) return original;
  const icon = ARROW_ICONS[type]?.();
  return cloneElement(original, { 'aria-label': name, ...(icon ? { children: icon } : {}) });
}

/** The tables' pagination: a fixed page size, no size changer, hidden when one page holds everything. */
export function pagedBy(pageSize: number): PaginationProps {
  return { pageSize, hideOnSinglePage: true, showSizeChanger: false, itemRender: nameArrows };
}

/** What every compact list table shares: small rows, fixed layout, pages of `pageSize`, its own empty text. */
export function compactTable(loading: boolean, emptyText: string, pageSize = 8) {
  return { size: 'small' as const, loading, tableLayout: 'fixed' as const, pagination: pagedBy(pageSize), locale: { emptyText } };
}

/** A compact table that shows all its rows at once: for short lists with a known bound (settings, a profile's grades). */
export const wholeTable = { size: 'small', tableLayout: 'fixed', pagination: false } as const;
