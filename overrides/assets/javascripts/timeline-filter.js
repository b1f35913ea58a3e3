/*
 * The timeline's series links lead to one timeline page per series, and work without JavaScript.
 * Where JavaScript runs, they filter the timeline in place instead: entries of other series and
 * years left empty are hidden, as is the table of regions by year, which a series' page does not
 * have; and the address becomes the series' page, so a reload shows the same.
 */
document.addEventListener("click", function (event) {
  var link = event.target instanceof Element && event.target.closest(".timeline-filter a")
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
  var series = link.getAttribute("data-series")
  event.preventDefault()
  document.querySelectorAll(".timeline__meta[data-series]").forEach(function (meta) {
    meta.closest("li").hidden = Boolean(series) && meta.getAttribute("data-series") !== series
  })
  document.querySelectorAll("article .timeline").forEach(function (block) {
    var empty = !block.querySelector("li:not([hidden])")
    block.hidden = empty
    var heading = block.previousElementSibling
    if (heading && heading.tagName === "H2") heading.hidden = empty
  })
  document.querySelectorAll(".regions-by-year").forEach(function (block) {
    block.hidden = Boolean(series)
  })
  document.querySelectorAll(".timeline-filter a").forEach(function (other) {
    if (other === link) other.setAttribute("aria-current", "page")
    else other.removeAttribute("aria-current")
  })
  history.replaceState(null, "", link.href)
})
