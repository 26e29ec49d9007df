// 政策助手 page behaviour (loaded in <head> by ui.app.page_head; our own constant code, never user content).
(() => {
  // 1. Everything a worker sees is Chinese, whatever the browser's language: Gradio's own English texts and
  //    labels are replaced by the rules of ui/static/gradio_zh.txt (inlined here by ui.app.page_head).
  const RULES = __PA_UI_TEXTS__;
  const ATTRIBUTES = ['aria-label', 'title', 'placeholder'];
  const translate = (value) => {
    if (!value) return value;
    const trimmed = value.trim();
    if (Object.prototype.hasOwnProperty.call(RULES.exact, trimmed)) return value.replace(trimmed, RULES.exact[trimmed]);
    let out = value;
    for (const [english, chinese] of RULES.partial) if (out.includes(english)) out = out.split(english).join(chinese);
    return out;
  };
  // setAttribute always queues a mutation record, even for the same value: only write real changes.
  const setIfChanged = (element, name, value) => {
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  };
  const fixElement = (element) => {
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      const fixed = translate(value);
      if (fixed !== value) setIfChanged(element, name, fixed);
    }
    // Gradio's fold arrow inside a chat card's title is a nameless button nested in the title's own button:
    // the title is the control, the arrow is decoration (disabled, clicks pass through to the title).
    if (element.matches('.thought-group .title button.icon-button')) {
      setIfChanged(element, 'disabled', '');
      setIfChanged(element, 'aria-hidden', 'true');
    }
  };
  const fixTree = (root) => {
    if (root.nodeType === Node.TEXT_NODE) {
      const fixed = translate(root.nodeValue);
      if (fixed !== root.nodeValue) root.nodeValue = fixed;
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    fixElement(root);
    root.querySelectorAll('*').forEach(fixElement);
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      const fixed = translate(node.nodeValue);
      if (fixed !== node.nodeValue) node.nodeValue = fixed;
    }
  };
  document.documentElement.lang = 'zh-CN';
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' || record.type === 'characterData') fixTree(record.target);
      else record.addedNodes.forEach(fixTree);
    }
  }).observe(document.documentElement, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES,
  });
  const fixAll = () => fixTree(document.body);

  // 2. Each new answer scrolls to its top (the question just asked), not to the end of a long quote.
  let userCount = 0;
  let target = null;
  let aligning = false;
  const scrollBox = (element, root) => {
    for (let box = element.parentElement; box && box !== root.parentElement; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (/(auto|scroll)/.test(style.overflowY) && box.scrollHeight > box.clientHeight) return box;
    }
    return null;
  };
  const align = (root) => {
    if (!target || !target.isConnected) return;
    const box = scrollBox(target, root);
    if (!box) return;
    box.scrollTop += target.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
  };
  const stop = () => { aligning = false; };
  const watchChat = (root) => {
    ['wheel', 'touchstart', 'keydown'].forEach((name) => root.addEventListener(name, stop, { passive: true }));
    new MutationObserver(() => {
      const users = root.querySelectorAll('[data-testid="user"]');
      if (users.length > userCount) {
        target = users[users.length - 1];
        aligning = true;
        setTimeout(stop, 30000);
      }
      userCount = users.length;
      if (aligning) align(root);
    }).observe(root, { childList: true, subtree: true, characterData: true });
  };

  // 3. 复制引用 buttons anywhere on the page copy the standard citation in their data-cite attribute.
  const fallbackCopy = (text) => {
    const area = document.createElement('textarea');
    area.value = text; area.setAttribute('readonly', ''); area.style.position = 'fixed'; area.style.opacity = '0';
    document.body.appendChild(area); area.select();
    try { return document.execCommand('copy'); } finally { area.remove(); }
  };
  document.addEventListener('click', async (event) => {
    const button = event.target.closest && event.target.closest('button.pa-copy');
    if (!button) return;
    const text = button.dataset.cite || '';
    let copied = false;
    try { await navigator.clipboard.writeText(text); copied = true; } catch (error) { copied = fallbackCopy(text); }
    button.dataset.label = button.dataset.label || button.textContent;
    button.textContent = copied ? '已复制' : '请手动复制';
    setTimeout(() => { button.textContent = button.dataset.label; }, 1500);
  });

  const start = () => {
    fixAll();
    document.documentElement.lang = 'zh-CN';
    const chat = document.getElementById('chat');
    if (chat) { watchChat(chat); return; }
    setTimeout(start, 200);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
