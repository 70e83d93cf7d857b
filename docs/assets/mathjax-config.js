// Equations are written as $$...$$ (pymdownx.arithmatex, generic mode).
// MathJax itself is not loaded from a CDN (no network); equations render as TeX source
// when MathJax is absent, which keeps the site self-contained.
window.MathJax = { tex: { inlineMath: [["\\(", "\\)"]], displayMath: [["\\[", "\\]"]] } };
