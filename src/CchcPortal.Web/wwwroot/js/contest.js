// Progressive enhancement of the contest's answer sheet (the form works without it):
// a countdown from the seconds the server says are left, one question per screen,
// and each choice saved at once through a small POST with the page's antiforgery token, so a reload keeps it.
const form = document.getElementById('contest-sheet');
const clock = document.getElementById('contest-clock');
if (form && clock) {
    const questions = [...form.querySelectorAll('.contest-question')];
    const token = form.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';
    const saveUrl = form.dataset.saveUrl;
    const deadline = Date.now() + Number(clock.dataset.secondsLeft) * 1000;

    const status = document.createElement('p');
    status.className = 'contest-save-state';
    status.setAttribute('role', 'status');

    const countdown = document.createElement('span');
    countdown.className = 'contest-countdown';
    clock.prepend(document.createTextNode('Thời gian còn lại: '), countdown, document.createElement('br'));
    let submitted = false;
    const tick = () => {
        const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
        countdown.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
        clock.classList.toggle('contest-hurry', left <= 60);
        if (left === 0 && !submitted) {
            submitted = true;
            form.requestSubmit(form.querySelector('button:not([formaction])'));
        }
    };
    tick();
    setInterval(tick, 1000);

    // One question per screen, with buttons to move; the last screen keeps "Nộp bài".
    let current = Math.max(0, questions.findIndex(q => !q.querySelector('input:checked')));
    const nav = document.createElement('div');
    nav.className = 'contest-actions';
    const previous = Object.assign(document.createElement('button'), { type: 'button', className: 'button secondary', textContent: '← Câu trước' });
    const next = Object.assign(document.createElement('button'), { type: 'button', className: 'button secondary', textContent: 'Câu sau →' });
    nav.append(previous, next);
    form.classList.add('one-at-a-time');
    form.querySelector('.contest-actions').before(nav, status);
    const show = (index, focus) => {
        current = Math.min(Math.max(index, 0), questions.length - 1);
        questions.forEach((q, i) => { q.hidden = i !== current; });
        previous.disabled = current === 0;
        next.disabled = current === questions.length - 1;
        if (focus) questions[current].querySelector('input')?.focus();
    };
    previous.addEventListener('click', () => show(current - 1, true));
    next.addEventListener('click', () => show(current + 1, true));
    show(current, false);

    form.addEventListener('change', async event => {
        const input = event.target;
        const fieldset = input.closest('.contest-question');
        if (!fieldset || input.type !== 'radio') return;
        const body = new URLSearchParams({ questionId: fieldset.dataset.questionId, option: input.value, __RequestVerificationToken: token });
        status.textContent = 'Đang lưu…';
        try {
            const response = await fetch(saveUrl, { method: 'POST', body, credentials: 'same-origin' });
            if (response.ok) status.textContent = `Đã lưu câu trả lời câu ${questions.indexOf(fieldset) + 1}.`;
            else status.textContent = (await response.json().catch(() => ({}))).error ?? 'Chưa lưu được; câu trả lời sẽ được gửi khi nộp bài.';
        } catch {
            status.textContent = 'Mất kết nối; câu trả lời sẽ được gửi khi bạn nộp bài.';
        }
    });
}
