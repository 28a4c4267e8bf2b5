// /ws/sync (sync-gateway README "WebSocket protocol"): JSON frames {"event", "data"}, authenticated by the
// auth_token cookie of the upgrade request. Reconnects with a growing delay; listeners get every event.

export class SyncSocket {
  constructor() {
    this.listeners = new Set();
    this.socket = null;
    this.ready = false;
    this.delay = 1000;
    this.stopped = false;
    this.timer = null;
  }

  on(listener) { this.listeners.add(listener); return () => this.listeners.delete(listener); }

  emit(event, data) { for (const l of [...this.listeners]) l(event, data); }

  start() {
    this.stopped = false;
    if (this.socket) return;
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/sync';
    let socket;
    try { socket = new WebSocket(url); } catch (e) { this.retry(); return; }
    this.socket = socket;
    socket.addEventListener('message', (m) => {
      let message;
      try { message = JSON.parse(m.data); } catch (e) { return; }
      if (message.event === 'authenticated') {
        this.ready = true;
        this.delay = 1000;
        this.emit('open', message.data);
        return;
      }
      this.emit(message.event, message.data || {});
    });
    socket.addEventListener('close', (e) => {
      const wasReady = this.ready;
      this.socket = null;
      this.ready = false;
      if (wasReady) this.emit('close', { code: e.code });
      if (e.code === 4410) { this.emit('signed-out', { code: e.code }); return; }
      if (e.code === 4401) {
        // the session ended, or this page's origin may not use the cookie on the socket: the page checks which
        this.emit('auth-failed', { code: e.code });
        this.delay = 30000;
      }
      this.retry();
    });
  }

  retry() {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), this.delay);
    this.delay = Math.min(this.delay * 2, 8000);
  }

  send(event, data) {
    if (!this.ready) return false;
    this.socket.send(JSON.stringify({ event, data }));
    return true;
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.socket) this.socket.close(1000);
    this.socket = null;
    this.ready = false;
  }
}
