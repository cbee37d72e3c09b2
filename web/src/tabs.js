// The input tabs (files / paste / quick mode / shops): ARIA tabs with arrow-key navigation.
import { $, $$ } from './dom.js';

// onSelect(tabId) after a tab is chosen (main.js widens the panel for the Shops view).
export function setupTabs(onSelect = () => {}) {
  const tabs = $$('[role="tab"]');
  const select = (tab) => {
    for (const other of tabs) {
      const on = other === tab;
      other.setAttribute('aria-selected', on ? 'true' : 'false');
      other.tabIndex = on ? 0 : -1;
      $('#' + other.getAttribute('aria-controls')).hidden = !on;
    }
    tab.focus();
    onSelect(tab.id);
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        select(tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]);
      }
    });
  });
}
