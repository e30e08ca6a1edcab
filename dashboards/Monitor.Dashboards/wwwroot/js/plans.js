// The Kế hoạch pages' two scripts, loaded as a file (the content security policy forbids inline script):
// an upload larger than the server accepts is refused here with the server's own line, before it is sent;
// the re-tag page polls GET /api/plans/{id}/retag and fills the progress bar until the re-tag ends.
(function () {
  'use strict';

  var upload = document.getElementById('upload');
  if (upload) {
    upload.addEventListener('submit', function (e) {
      var input = upload.querySelector('input[type=file]');
      var max = Number(upload.getAttribute('data-max-bytes'));
      var file = input && input.files && input.files[0];
      if (file && file.size > max) {
        e.preventDefault();
        var mib = function (n) { return (Math.round(n / 104857.6) / 10).toString().replace('.', ','); };
        show('Tệp \'' + file.name + '\' nặng ' + mib(file.size) + ' MiB, quá giới hạn ' + Math.round(max / 1048576) + ' MiB của một văn bản chỉ đạo.');
      }
    });
  }

  function show(text) {
    var alert = document.getElementById('upload-problem');
    if (!alert) {
      alert = document.createElement('p');
      alert.id = 'upload-problem';
      alert.className = 'alert';
      alert.setAttribute('role', 'alert');
      var h1 = document.querySelector('main h1');
      h1.parentNode.insertBefore(alert, h1.nextSibling);
    }
    alert.textContent = text;
  }

  var retag = document.getElementById('retag');
  if (!retag) { return; }
  var src = retag.getAttribute('data-src');
  var bar = document.getElementById('retag-progress');
  var count = document.getElementById('retag-count');
  var state = document.getElementById('retag-state');
  var button = document.getElementById('retag-start');
  var polls = 0;

  function poll() {
    fetch(src, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (s) {
        polls += 1;
        bar.max = Math.max(1, s.total);
        bar.value = s.state === 'done' && s.total === 0 ? 1 : s.done;
        bar.textContent = s.done + '/' + s.total;
        count.textContent = s.done + '/' + s.total + ' bài';
        state.textContent = s.message || 'Đang gắn lại…';
        state.className = s.state === 'failed' || s.state === 'interrupted' ? 'gap' : s.state === 'done' ? 'ok' : '';
        retag.setAttribute('data-state', s.state);
        retag.setAttribute('data-polls', String(polls));
        if (button) { button.disabled = s.state === 'running'; }
        if (s.state === 'running') { window.setTimeout(poll, 500); }
      })
      .catch(function (e) { state.textContent = 'Không đọc được tiến độ: ' + e.message; });
  }

  poll();
})();
