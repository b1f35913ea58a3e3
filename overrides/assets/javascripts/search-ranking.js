/*
 * Pagefind scores each word the reader typed on its own. A Vietnamese name is often two or three
 * syllables (Phú Quốc, Hai Bà Trưng, Đông Hà), so among the pages that have every word, those where
 * the words stand side by side are moved up: a result's score grows with its longest run of matched
 * words in a row, up to the number of words typed. Pagefind gives each result the positions of its
 * matched words with the results, so nothing more is fetched.
 */
(function () {
  "use strict"
  var NEAR = 3 /* a page with the typed words side by side scores up to (1 + NEAR) times as much */

  function longestRun(positions) {
    var sorted = Array.from(new Set(positions)).sort(function (a, b) { return a - b })
    var longest = sorted.length ? 1 : 0
    for (var i = 1, run = 1; i < sorted.length; i++) {
      run = sorted[i] === sorted[i - 1] + 1 ? run + 1 : 1
      longest = Math.max(longest, run)
    }
    return longest
  }

  function nearFirst(search, term) {
    var words = String(term || "").trim().split(/\s+/).filter(Boolean).length
    if (!search || !search.results || words < 2) return search
    search.results.forEach(function (result) {
      var run = Math.min(longestRun(result.words || []), words)
      result.score *= 1 + NEAR * Math.max(run - 1, 0) / (words - 1)
    })
    search.results.sort(function (a, b) { return b.score - a.score })
    return search
  }

  var components = window.PagefindComponents
  if (!components) return
  var instance = components.getInstanceManager().getInstance("default")
  var load = instance.__doLoad__
  instance.__doLoad__ = async function () {
    await load.apply(this, arguments)
    var pagefind = this.__pagefind__
    if (!pagefind || pagefind.archiveNearFirst) return
    var search = pagefind.search.bind(pagefind)
    pagefind.search = async function (term, options) { return nearFirst(await search(term, options), term) }
    pagefind.archiveNearFirst = true
  }
})()
