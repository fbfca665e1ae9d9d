import type { Palette } from '../../../domain/sites/colours.ts';

// The CSS every template starts from: system fonts, no web fonts, nothing to download. A template
// adds its own layout after it. The palette's colours are validated #rrggbb values (domain/sites/colours.ts).

export const paletteCss = (p: Palette) => `:root{--brand:${p.brand};--on-brand:${p.onBrand};--ink:${p.ink};--wash:${p.wash};--ink-dark:${p.inkOnDark}}`;

export const BASE_CSS = `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;scroll-behavior:smooth}
body{margin:0;font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1f2937;background:#fff}
img{max-width:100%;height:auto;display:block}
a{color:var(--ink)}
h1,h2,h3{line-height:1.15;margin:0 0 .5em;color:#111827}
h1{font-size:clamp(2rem,7vw,3.4rem);letter-spacing:-.02em}
h2{font-size:clamp(1.5rem,4.5vw,2.1rem)}
h3{font-size:1.15rem}
p{margin:0 0 1em}
.wrap{max-width:70rem;margin:0 auto;padding:0 1.25rem}
section{padding:3rem 0}
.skip{position:absolute;left:-999rem}.skip:focus{left:1rem;top:1rem;background:#fff;color:#111827;padding:.5rem 1rem;z-index:9}
.btn{display:inline-flex;align-items:center;justify-content:center;min-height:48px;padding:.7rem 1.3rem;border-radius:.6rem;font-weight:650;text-decoration:none;background:var(--brand);color:var(--on-brand);border:2px solid var(--brand);cursor:pointer;font-size:1rem}
.btn.ghost{background:#fff;color:#111827;border-color:#111827}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1.25rem 0}
.badge{display:inline-block;padding:.2rem .7rem;border-radius:99rem;font-size:.9rem;font-weight:650}
.badge.open{background:#dcfce7;color:#14532d}.badge.shut{background:#fee2e2;color:#7f1d1d}
.muted{color:#4b5563}
.price{font-weight:750;white-space:nowrap}
.hours{border-collapse:collapse;width:100%;max-width:28rem}
caption{text-align:left}
.hours th,.hours td{text-align:left;padding:.35rem .5rem .35rem 0;border-bottom:1px solid #e5e7eb;font-weight:400}
.hours .today th,.hours .today td{font-weight:750}
details{border-bottom:1px solid #e5e7eb;padding:.75rem 0}
summary{cursor:pointer;font-weight:650;min-height:32px}
details p{margin:.5rem 0 0}
blockquote{margin:0}
.stars{color:#92400e;letter-spacing:.1em}
.photos{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.75rem}
.photos img{width:100%;aspect-ratio:4/3;object-fit:cover;border-radius:.5rem}
form.book{display:grid;gap:1rem;max-width:36rem}
form.book label{display:block;font-weight:600;margin-bottom:.3rem}
form.book input,form.book select,form.book textarea{width:100%;font:inherit;padding:.7rem;border:1px solid #6b7280;border-radius:.45rem;background:#fff;color:#111827;min-height:48px}
form.book .check{display:flex;gap:.6rem;align-items:flex-start;font-weight:400}
form.book .check input{width:1.4rem;min-height:1.4rem;margin-top:.2rem;flex:none}
.err{color:#b91c1c;font-size:.95rem;margin:.3rem 0 0}
.alert{border:2px solid #b91c1c;background:#fef2f2;color:#7f1d1d;padding:.75rem 1rem;border-radius:.5rem}
.fine{font-size:.9rem;color:#4b5563}
.site-foot{padding:2rem 0;font-size:.95rem;background:#111827;color:#e5e7eb}
.site-foot a{color:#fff}
.site-foot nav{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin-bottom:.75rem}
.site-foot nav a{display:inline-block;padding:.35rem 0}
.legal{max-width:44rem}
.legal h2{font-size:1.3rem;margin-top:1.75rem}
.bar{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.75rem;padding-top:.75rem;padding-bottom:.75rem}
.brand{display:inline-flex;align-items:center;gap:.6rem;font-weight:750;text-decoration:none;color:inherit;font-size:1.15rem;min-height:44px}
.brand img{width:44px;height:44px;object-fit:contain;border-radius:.4rem}
.btn.small{min-height:44px;padding:.45rem .9rem;font-size:.95rem}
.bar .brand{min-width:0;flex:1}
@media (max-width:40rem){.wide{display:none}}
ul[class^=svc-],ul[class^=reviews-],.photos,.steps{list-style:none;margin:0;padding:0}
.svc h3{margin:0 0 .25rem}
.svc-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem}
.svc-grid .svc{border:1px solid #e5e7eb;border-radius:.75rem;padding:1.1rem;background:#fff}
.svc-list .svc{padding:.85rem 0;border-bottom:1px solid #e5e7eb}
.svc-line{display:flex;align-items:baseline;gap:.5rem}.svc-line h3{margin:0}
.dots{flex:1;border-bottom:2px dotted #9ca3af;min-width:1rem}
.svc-list p{margin:.25rem 0 0}
.svc-table{width:100%;border-collapse:collapse}
.svc-table th,.svc-table td{text-align:left;padding:.75rem .5rem .75rem 0;border-bottom:1px solid #e5e7eb;vertical-align:top}
.svc-table thead th{font-size:.85rem;text-transform:uppercase;letter-spacing:.06em;color:#4b5563}
.svc-table tbody th span{display:block;font-weight:400;font-size:.95rem}
.svc-table td.price{text-align:right}
.reviews-quotes,.reviews-cards{display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr))}
figure{margin:0}figcaption{font-weight:650;margin-top:.5rem}
.reviews-cards figure{background:#fff;border-radius:.75rem;padding:1.25rem;box-shadow:0 1px 3px #0002}
.reviews-pull p{font-size:clamp(1.3rem,4vw,1.8rem);line-height:1.35;font-style:italic}
.reviews-pull li{padding:1.25rem 0;border-top:1px solid currentColor}
.steps{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));counter-reset:step}
.steps li{counter-increment:step;padding:1.1rem;border-radius:.75rem;background:var(--wash)}
.steps li::before{content:counter(step);display:inline-grid;place-items:center;width:2.2rem;height:2.2rem;border-radius:50%;background:var(--brand);color:var(--on-brand);font-weight:800;margin-bottom:.5rem}
.policies{display:grid;gap:1rem 2rem;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr))}
.page{min-height:50vh}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.booking .svc h2{font-size:1.25rem;margin:0 0 .25rem}
.days,.slots{list-style:none;margin:0 0 1.5rem;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.days a{display:inline-flex;align-items:center;min-height:48px;padding:.5rem .8rem;border:1px solid #6b7280;border-radius:.5rem;text-decoration:none;color:#111827;background:#fff}
.days a[aria-current]{background:var(--brand);color:var(--on-brand);border-color:var(--brand);font-weight:700}
.days a.none{color:#4b5563;border-style:dashed}
.slots .btn{min-width:7rem}
.summary{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem;margin:0 0 1.5rem}.summary dt{font-weight:650}.summary dd{margin:0}
fieldset{border:1px solid #6b7280;border-radius:.5rem;padding:.75rem 1rem;display:grid;gap:.5rem}legend{font-weight:650;padding:0 .3rem}
.notice{border-left:4px solid var(--brand);padding:.5rem 1rem;background:var(--wash)}
.wrap .wrap{padding:0;max-width:none}
@media (prefers-reduced-motion:reduce){html{scroll-behavior:auto}}`;
