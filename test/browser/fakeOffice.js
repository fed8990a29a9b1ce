/* global window, setTimeout, TextEncoder */
// A small fake of office.js for tests. Browser tests route Microsoft's CDN URL to this file; node
// tests evaluate it with `window` = globalThis. The host is described in window.__FAKE_OFFICE__:
//   { host, hostName, displayLanguage, theme: { bodyBackgroundColor }, mailboxVersion: '1.14', mode: 'read'|'compose',
//     noMailbox, neverReady, roaming: { adminAddress }, user: { emailAddress, displayName },
//     item: { id, from, subject, fileBase64, body, bodyType, headers, to: [],
//             attachments: [{ id, name, attachmentType, format, content }] } | null,
//     fail: { file|body|headers|attachment|compose|roaming|prepend: { code, message } | 'hang',
//             reply: { message } (displayReplyForm throws) } }
// hostName is what mailbox.diagnostics says ('OutlookIOS', 'OutlookAndroid', …; 'FakeOutlook' unless told).
// Every call is recorded in window.__OFFICE_CALLS__; the new-message form's parameters land in
// window.__NEW_MESSAGE__, a reply form's in window.__REPLY__, the draft's recipients and prepended bodies in window.__DRAFT__, saved
// roaming settings in window.__ROAMING__. A test drives the host through window.__FAKE_OUTLOOK__:
//   selectItem(item | null)  shows another item (or none) and fires ItemChanged, as a pinned pane sees;
//                            without firing it when called as selectItem(item, { silent: true })
//   setTheme(theme)          switches the Office theme and fires OfficeThemeChanged
//   becomeReady()            lets onReady answer (with neverReady: true it waits for this)
//   handlers()               the event types that have handlers
(function () {
  var config = window.__FAKE_OFFICE__ || {};
  var calls = (window.__OFFICE_CALLS__ = []);
  var item = config.item || {};
  var fail = config.fail || {};
  var Succeeded = 'succeeded';
  var Failed = 'failed';
  var mailboxVersion = config.mailboxVersion || '1.14';

  function versionAtLeast(wanted, have) {
    var w = wanted.split('.').map(Number);
    var h = have.split('.').map(Number);
    return h[0] > w[0] || (h[0] === w[0] && h[1] >= w[1]);
  }
  function callbackOf(options, callback) {
    return typeof options === 'function' ? options : callback;
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

  function makeReadItem(item) {
    return {
      itemType: 'message',
      itemId: item.id || 'AAMkAGFakeItemId=',
      subject: item.subject || '',
      from: item.from ? { emailAddress: item.from, displayName: item.from } : undefined,
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
          answer('body', callbackOf(options, callback), item.body || '');
        },
      },
      getAllInternetHeadersAsync: function (options, callback) {
        answer('headers', callbackOf(options, callback), item.headers || '');
      },
      getAttachmentContentAsync: function (id, options, callback) {
        var attachment = (item.attachments || []).filter(function (a) {
          return a.id === id;
        })[0];
        answer(
          'attachment',
          callbackOf(options, callback),
          attachment ? { format: attachment.format || 'eml', content: attachment.content } : undefined,
        );
      },
      // Mailbox 1.1; records the form's parameters in window.__REPLY__ and, like Outlook, throws on
      // parameters it does not know.
      displayReplyForm: function (formData) {
        calls.push('displayReplyForm');
        if (fail.reply) throw new Error(fail.reply.message);
        var data = typeof formData === 'string' ? { htmlBody: formData } : formData;
        Object.keys(data).forEach(function (key) {
          if (['htmlBody', 'attachments', 'options', 'callback'].indexOf(key) < 0)
            throw new Error('Unknown parameter ' + key);
        });
        if (new TextEncoder().encode(data.htmlBody || '').length > 32768)
          throw new Error('htmlBody over 32 KB');
        window.__REPLY__ = JSON.parse(JSON.stringify(data));
      },
      getAsFileAsync: versionAtLeast('1.14', mailboxVersion)
        ? function (options, callback) {
            answer('file', callbackOf(options, callback), item.fileBase64 || '');
          }
        : undefined,
    };
  }

  var draft = (window.__DRAFT__ = { to: (item.to || []).slice(), prepended: [] });
  var composeItem = {
    itemType: 'message',
    subject: {
      getAsync: function (options, callback) {
        answer('subject', callbackOf(options, callback), item.subject || '');
      },
    },
    to: {
      getAsync: function (options, callback) {
        answer(
          'to',
          callbackOf(options, callback),
          draft.to.map(function (a) {
            return { emailAddress: a, displayName: a };
          }),
        );
      },
      setAsync: function (recipients, options, callback) {
        if (!fail.setTo) draft.to = recipients.slice();
        answer('setTo', callbackOf(options, callback), undefined);
      },
    },
    body: {
      getAsync: function (coercion, options, callback) {
        answer('compose', callbackOf(options, callback), item.body || '');
      },
      getTypeAsync: function (options, callback) {
        answer('bodyType', callbackOf(options, callback), item.bodyType || 'html');
      },
      prependAsync: function (data, options, callback) {
        if (!fail.prepend)
          draft.prepended.push({ data: data, coercionType: options && options.coercionType });
        answer('prepend', callbackOf(options, callback), undefined);
      },
    },
  };

  var roamingValues = Object.assign({}, config.roaming || {});
  var roaming = (window.__ROAMING__ = { saved: null });
  var roamingSettings = {
    get: function (name) {
      return roamingValues[name];
    },
    set: function (name, value) {
      roamingValues[name] = value;
    },
    remove: function (name) {
      delete roamingValues[name];
    },
    saveAsync: function (options, callback) {
      if (!fail.roaming) roaming.saved = Object.assign({}, roamingValues);
      answer('roaming', callbackOf(options, callback), undefined);
    },
  };

  // Like the real one, displayNewMessageForm throws on unknown parameters and exceeded limits.
  function displayNewMessageForm(parameters) {
    calls.push('displayNewMessageForm');
    var known = ['toRecipients', 'ccRecipients', 'bccRecipients', 'subject', 'htmlBody', 'attachments'];
    Object.keys(parameters).forEach(function (key) {
      if (known.indexOf(key) < 0) throw new Error('Unknown parameter ' + key);
    });
    if ((parameters.subject || '').length > 255) throw new Error('subject over 255 characters');
    if (new TextEncoder().encode(parameters.htmlBody || '').length > 32768)
      throw new Error('htmlBody over 32 KB');
    if ((parameters.toRecipients || []).length > 100) throw new Error('more than 100 recipients');
    window.__NEW_MESSAGE__ = JSON.parse(JSON.stringify(parameters));
  }

  // Event handlers by type; Outlook's removeHandlerAsync removes every handler of a type.
  var handlers = {};
  function fire(type, args) {
    (handlers[type] || []).forEach(function (handler) {
      setTimeout(function () {
        handler(args);
      }, 0);
    });
  }
  var EventType = { ItemChanged: 'olkItemSelectedChanged', OfficeThemeChanged: 'officeThemeChanged' };
  var eventSets = { olkItemSelectedChanged: '1.5', officeThemeChanged: '1.14' };

  window.Office = {
    HostType: { Outlook: 'Outlook' },
    EventType: EventType,
    CoercionType: { Text: 'text', Html: 'html' },
    AsyncResultStatus: { Succeeded: Succeeded, Failed: Failed },
    MailboxEnums: {
      AttachmentType: { File: 'file', Item: 'item', Cloud: 'cloud' },
      AttachmentContentFormat: { Base64: 'base64', Url: 'url', Eml: 'eml', ICalendar: 'iCalendar' },
    },
    context: {
      displayLanguage: config.displayLanguage || 'en-US',
      officeTheme: versionAtLeast('1.14', mailboxVersion)
        ? config.theme || { bodyBackgroundColor: '#ffffff' }
        : undefined,
      requirements: {
        isSetSupported: function (name, version) {
          return name === 'Mailbox' && versionAtLeast(version, mailboxVersion);
        },
      },
      roamingSettings: roamingSettings,
      mailbox: config.noMailbox
        ? undefined
        : {
            item: config.item === null ? null : config.mode === 'compose' ? composeItem : makeReadItem(item),
            diagnostics: { hostName: config.hostName || 'FakeOutlook', hostVersion: '16.0' },
            userProfile: {
              emailAddress: (config.user && config.user.emailAddress) || '',
              displayName: (config.user && config.user.displayName) || '',
            },
            displayNewMessageForm: versionAtLeast('1.6', mailboxVersion) ? displayNewMessageForm : undefined,
            addHandlerAsync: function (type, handler, options, callback) {
              var done = callbackOf(options, callback);
              calls.push('addHandler:' + type);
              var known = eventSets[type] && versionAtLeast(eventSets[type], mailboxVersion);
              if (known) (handlers[type] = handlers[type] || []).push(handler);
              if (done)
                setTimeout(function () {
                  done(
                    known
                      ? { status: Succeeded, value: undefined }
                      : { status: Failed, error: { code: 5000, name: 'InvalidEventType', message: type } },
                  );
                }, 0);
            },
            removeHandlerAsync: function (type, options, callback) {
              var done = callbackOf(options, callback);
              calls.push('removeHandler:' + type);
              delete handlers[type];
              if (done)
                setTimeout(function () {
                  done({ status: Succeeded, value: undefined });
                }, 0);
            },
          },
    },
    onReady: function (callback) {
      var info = { host: config.host === undefined ? 'Outlook' : config.host, platform: 'OfficeOnline' };
      return new Promise(function (resolve) {
        function answerReady() {
          if (callback) callback(info);
          resolve(info);
        }
        if (config.neverReady) waitingForReady.push(answerReady);
        else setTimeout(answerReady, 10);
      });
    },
  };
  var waitingForReady = [];

  window.__FAKE_OUTLOOK__ = {
    selectItem: function (next, options) {
      item = next || {};
      window.Office.context.mailbox.item = next ? makeReadItem(item) : null;
      if (!(options && options.silent)) fire(EventType.ItemChanged, { type: EventType.ItemChanged });
    },
    setTheme: function (theme) {
      window.Office.context.officeTheme = theme;
      fire(EventType.OfficeThemeChanged, { type: EventType.OfficeThemeChanged, officeTheme: theme });
    },
    becomeReady: function () {
      waitingForReady.splice(0).forEach(function (answerReady) {
        answerReady();
      });
    },
    handlers: function () {
      return Object.keys(handlers).filter(function (type) {
        return handlers[type].length > 0;
      });
    },
  };
})();
