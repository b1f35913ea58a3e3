/*
 * Material runs a search on keyup only. Text committed by a Vietnamese input method, dictation,
 * autocomplete or a paste from a menu can reach the search box without a keyup, and the results
 * would then be those of the text before it. Hand every such input to Material as a keyup.
 */
document.addEventListener("input", function (event) {
  var target = event.target
  if (target instanceof HTMLInputElement && target.classList.contains("md-search__input") && !event.isComposing) {
    target.dispatchEvent(new KeyboardEvent("keyup"))
  }
})
