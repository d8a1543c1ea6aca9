import type { BrowserContext, Page } from 'playwright-core';

/** The Jitsi domain the test server hands out; no such host exists, the browser context answers for it. */
export const JITSI_TEST_DOMAIN = 'meet.amphi.test';

/**
 * A stand-in for Jitsi's external_api.js: records how it was constructed, shows a placeholder room,
 * and emits the events the client listens to (joined at once; left and readyToClose on hangup).
 */
const STAND_IN_SCRIPT = `
(() => {
  class JitsiMeetExternalAPI {
    constructor(domain, options) {
      this.listeners = {};
      this.options = options;
      const record = { domain, roomName: options.roomName, jwt: options.jwt ?? null, displayName: options.userInfo?.displayName ?? null, lang: options.lang ?? null, disposed: false };
      (window.__jitsiStandIn = window.__jitsiStandIn || []).push(record);
      this.record = record;
      this.frame = document.createElement('iframe');
      this.frame.title = 'Jitsi Meet';
      this.frame.srcdoc = '<body style="margin:0;height:100vh;display:grid;place-items:center;background:#1f2433;color:#e7e9f3;font:16px system-ui">'
        + '<div style="text-align:center"><div style="width:96px;height:96px;margin:0 auto 12px;border-radius:50%;background:#4338ca;display:grid;place-items:center;font-size:34px;font-weight:700">'
        + (record.displayName || '?').split(' ').map((part) => part[0]).join('').slice(0, 2) + '</div>'
        + '<div style="font-weight:600">' + (record.displayName || '') + '</div>'
        + '<div style="opacity:.7;font-size:13px;margin-top:4px">Jitsi stand-in · ' + domain + ' · ' + options.roomName + '</div></div></body>';
      this.frame.style.cssText = 'width:100%;height:100%;border:0';
      options.parentNode.appendChild(this.frame);
      setTimeout(() => this.emit('videoConferenceJoined', { roomName: options.roomName }), 50);
    }
    on(event, listener) { (this.listeners[event] = this.listeners[event] || []).push(listener); return this; }
    addListener(event, listener) { return this.on(event, listener); }
    addEventListener(event, listener) { return this.on(event, listener); }
    removeEventListener(event) { delete this.listeners[event]; }
    emit(event, payload) { (this.listeners[event] || []).forEach((listener) => listener(payload)); }
    executeCommand(command) {
      if (command === 'hangup') { this.emit('videoConferenceLeft', { roomName: this.options.roomName }); this.emit('readyToClose'); }
    }
    getIFrame() { return this.frame; }
    dispose() { this.record.disposed = true; this.frame.remove(); this.listeners = {}; }
  }
  window.JitsiMeetExternalAPI = JitsiMeetExternalAPI;
})();
`;

/** Serves the stand-in wherever the client loads `https://<JITSI_TEST_DOMAIN>/external_api.js` from. */
export async function serveJitsiStandIn(context: BrowserContext): Promise<void> {
  await context.route(`https://${JITSI_TEST_DOMAIN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: STAND_IN_SCRIPT }),
  );
}

export interface StandInRoom {
  domain: string;
  roomName: string;
  jwt: string | null;
  displayName: string | null;
  lang: string | null;
  disposed: boolean;
}

/** Every room the page's stand-in was asked to open, oldest first. */
export function standInRooms(page: Page): Promise<StandInRoom[]> {
  return page.evaluate(() => (window as unknown as { __jitsiStandIn?: StandInRoom[] }).__jitsiStandIn ?? []);
}
