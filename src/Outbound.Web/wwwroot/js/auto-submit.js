// Lists that choose what a page shows (a tenant, a campaign, a work-order type) submit their form when changed.
// A script file, not an inline handler: the content security policy refuses inline event handlers.
document.addEventListener("change", event => {
    const target = event.target;
    if (target instanceof HTMLSelectElement && target.hasAttribute("data-auto-submit") && target.form) target.form.requestSubmit();
});
