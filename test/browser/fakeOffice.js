/* global window, setTimeout */
// A small fake of office.js for browser tests. The test routes Microsoft's CDN URL to this file and
// describes the host in window.__FAKE_OFFICE__ before the page loads:
//   { host, displayLanguage, theme: { bodyBackgroundColor }, mailboxVersion: '1.14', mode: 'read'|'compose',
//     item: { subject, fileBase64, body, headers, attachments: [{ id, name, attachmentType, format, content }] },
//     fail: { file: { code, message } | 'hang', body: ..., headers: ..., attachment: ... } }
// Every call is recorded in window.__OFFICE_CALLS__ so tests can assert what the pane asked for.
(function () {
  var config = window.__FAKE_OFFICE__ || {};
  var calls = (window.__OFFICE_CALLS__ = []);
  var item = config.item || {};
  var fail = config.fail || {};
  var Succeeded = 'succeeded';
  var Failed = 'failed';
  function versionAtLeast(wanted, have) {
    var w = wanted.split('.').map(Number);
    var h = have.split('.').map(Number);
    return h[0] > w[0] || (h[0] === w[0] && h[1] >= w[1]);
  }
  function answer(name, callback, value) {
    calls.push(name);
    var failure = fail[name];
    if (failure === 'hang') return;
    setTimeout(function () {
      if (failure)
        callback({
          status: Failed,
          error: { code: failure.code, name: failure.name || 'Error', message: failure.message },
          value: undefined,
        });
      else callback({ status: Succeeded, value: value });
    }, 5);
  }
  var mailboxVersion = config.mailboxVersion || '1.14';
  var readItem = {
    itemType: 'message',
    itemId: 'AAMkAGFakeItemId=',
    subject: item.subject || '',
    attachments: (item.attachments || []).map(function (a) {
      return {
        id: a.id,
        name: a.name,
        attachmentType: a.attachmentType || 'item',
        contentType: a.contentType || 'message/rfc822',
        size: 1000,
        isInline: false,
      };
    }),
    body: {
      getAsync: function (coercion, options, callback) {
        answer('body', typeof options === 'function' ? options : callback, item.body || '');
      },
    },
    getAllInternetHeadersAsync: function (options, callback) {
      answer('headers', typeof options === 'function' ? options : callback, item.headers || '');
    },
    getAttachmentContentAsync: function (id, options, callback) {
      var attachment = (item.attachments || []).filter(function (a) {
        return a.id === id;
      })[0];
      answer(
        'attachment',
        typeof options === 'function' ? options : callback,
        attachment ? { format: attachment.format || 'eml', content: attachment.content } : undefined,
      );
    },
  };
  if (versionAtLeast('1.14', mailboxVersion)) {
    readItem.getAsFileAsync = function (options, callback) {
      answer('file', typeof options === 'function' ? options : callback, item.fileBase64 || '');
    };
  }
  var composeItem = {
    itemType: 'message',
    subject: {
      getAsync: function (cb) {
        answer('subject', cb, item.subject || '');
      },
    },
    to: {
      getAsync: function (cb) {
        answer('to', cb, []);
      },
    },
    body: {
      getAsync: function (coercion, options, callback) {
        answer('compose', typeof options === 'function' ? options : callback, item.body || '');
      },
    },
  };
  window.Office = {
    HostType: { Outlook: 'Outlook' },
    CoercionType: { Text: 'text', Html: 'html' },
    AsyncResultStatus: { Succeeded: Succeeded, Failed: Failed },
    MailboxEnums: {
      AttachmentType: { File: 'file', Item: 'item', Cloud: 'cloud' },
      AttachmentContentFormat: { Base64: 'base64', Url: 'url', Eml: 'eml', ICalendar: 'iCalendar' },
    },
    context: {
      displayLanguage: config.displayLanguage || 'en-US',
      officeTheme: config.theme || { bodyBackgroundColor: '#ffffff' },
      requirements: {
        isSetSupported: function (name, version) {
          return name === 'Mailbox' && versionAtLeast(version, mailboxVersion);
        },
      },
      mailbox: config.noMailbox
        ? undefined
        : {
            item: config.mode === 'compose' ? composeItem : readItem,
            diagnostics: { hostName: 'FakeOutlook', hostVersion: '16.0' },
          },
    },
    onReady: function (callback) {
      var info = { host: config.host === undefined ? 'Outlook' : config.host, platform: 'OfficeOnline' };
      return new Promise(function (resolve) {
        setTimeout(function () {
          if (callback) callback(info);
          resolve(info);
        }, 10);
      });
    },
  };
})();
