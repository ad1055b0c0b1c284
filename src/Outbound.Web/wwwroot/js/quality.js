// The quality pages' player and scoring helpers: speed buttons, seeking from time links, "use current time" for a
// note, a recording that fails to load shown as missing, and the form editor's add/remove rows.
(function () {
    const audio = document.getElementById('recording');
    const fmt = s => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
    if (audio) {
        audio.addEventListener('error', () => {
            audio.hidden = true;
            document.getElementById('recording-missing').hidden = false;
        });
        document.querySelectorAll('[data-speed]').forEach(b => b.addEventListener('click', () => {
            audio.playbackRate = parseFloat(b.dataset.speed);
            document.querySelectorAll('[data-speed]').forEach(o => o.classList.toggle('primary', o === b));
        }));
    }
    document.addEventListener('click', e => {
        const seek = e.target.closest('[data-seek]');
        if (seek && audio) {
            e.preventDefault();
            audio.currentTime = parseInt(seek.dataset.seek, 10);
            audio.play().catch(() => { });
        }
        const use = e.target.closest('.use-time');
        if (use && audio) {
            e.preventDefault();
            document.querySelector(`[name="${use.dataset.for}"]`).value = fmt(audio.currentTime);
        }
        const add = e.target.closest('[data-add-template]');
        if (add) {
            e.preventDefault();
            const template = document.getElementById(add.dataset.addTemplate);
            const target = add.dataset.addInto ? document.getElementById(add.dataset.addInto) : add.closest('fieldset').querySelector('tbody');
            const index = Date.now().toString(36);
            const section = add.closest('[data-section]')?.dataset.section ?? 's' + index;
            target.insertAdjacentHTML('beforeend', template.innerHTML.replaceAll('__i__', index).replaceAll('__s__', section));
        }
        const remove = e.target.closest('[data-remove]');
        if (remove) {
            e.preventDefault();
            remove.closest(remove.dataset.remove).remove();
        }
    });
    window.qualityPlayer = { audio, fmt };
})();
