import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function StartScreen() {
  return (
    <main>
      <h1>信用核查窗口端</h1>
      <p>威海市公共信用信息平台 · 联合奖惩</p>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('缺少 #root 元素');
createRoot(root).render(
  <StrictMode>
    <StartScreen />
  </StrictMode>,
);
